import { inForceOn } from "../../kernel/calendar";
/**
 * 职业病分类和目录, versioned by diagnosis date: the 2013 list (国卫疾控发〔2013〕48号, 10
 * categories, 132 diseases) until 2025-07-31, the list issued in December 2024 (12 categories,
 * 135 diseases) from 2025-08-01. Each list has 4 open clauses (开放性条款).
 *
 * Disease codes are "<category>.<item>", numbered in list order within each version. For 2013 the
 * items follow the official numbering, with category 1's two sub-lists (尘肺病 13, 其他呼吸系统
 * 疾病 6) numbered 1–19. The 2025 list's category order and per-category counts are UNCONFIRMED
 * (domain-rules §4): derived from the published changes, with the two new categories after the
 * ten old ones and moved diseases placed before their category's open clause.
 */
export interface Disease {
  code: string;
  name: string;
  /** An open clause: "other ... diagnosable under the standard". */
  openClause: boolean;
}

export interface DiseaseCategory {
  code: string;
  name: string;
  diseases: readonly Disease[];
}

export interface DiseaseCatalogue {
  version: "2013" | "2025";
  effectiveFrom: string;
  categories: readonly DiseaseCategory[];
}

/** Open clauses are written with a leading "*" in the lists below. */
function category(code: string, name: string, entries: readonly string[]): DiseaseCategory {
  return {
    code,
    name,
    diseases: entries.map((entry, index) => ({
      code: `${code}.${index + 1}`,
      name: entry.replace(/^\*/, ""),
      openClause: entry.startsWith("*"),
    })),
  };
}

const pneumoconioses = [
  "矽肺",
  "煤工尘肺",
  "石墨尘肺",
  "炭黑尘肺",
  "石棉肺",
  "滑石尘肺",
  "水泥尘肺",
  "云母尘肺",
  "陶工尘肺",
  "铝尘肺",
  "电焊工尘肺",
  "铸工尘肺",
  "*根据《尘肺病诊断标准》和《尘肺病理诊断标准》可以诊断的其他尘肺病",
];
const otherRespiratory = [
  "过敏性肺炎",
  "棉尘病",
  "哮喘",
  "金属及其化合物粉尘肺沉着病（锡、铁、锑、钡及其化合物等）",
  "刺激性化学物所致慢性阻塞性肺疾病",
  "硬金属肺病",
];
const skin = [
  "接触性皮炎",
  "光接触性皮炎",
  "电光性皮炎",
  "黑变病",
  "痤疮",
  "溃疡",
  "化学性皮肤灼伤",
  "白斑",
  "*根据《职业性皮肤病的诊断总则》可以诊断的其他职业性皮肤病",
];
const ent = ["噪声聋", "铬鼻病", "牙酸蚀病", "爆震聋"];
const uraniumPoisoning = "铀及其化合物中毒";
const chemical2013 = [
  "铅及其化合物中毒（不包括四乙基铅）",
  "汞及其化合物中毒",
  "锰及其化合物中毒",
  "镉及其化合物中毒",
  "铍病",
  "铊及其化合物中毒",
  "钡及其化合物中毒",
  "钒及其化合物中毒",
  "磷及其化合物中毒",
  "砷及其化合物中毒",
  uraniumPoisoning,
  "砷化氢中毒",
  "氯气中毒",
  "二氧化硫中毒",
  "光气中毒",
  "氨中毒",
  "偏二甲基肼中毒",
  "氮氧化合物中毒",
  "一氧化碳中毒",
  "二硫化碳中毒",
  "硫化氢中毒",
  "磷化氢、磷化锌、磷化铝中毒",
  "氟及其无机化合物中毒",
  "氰及腈类化合物中毒",
  "四乙基铅中毒",
  "有机锡中毒",
  "羰基镍中毒",
  "苯中毒",
  "甲苯中毒",
  "二甲苯中毒",
  "正己烷中毒",
  "汽油中毒",
  "一甲胺中毒",
  "有机氟聚合物单体及其热裂解物中毒",
  "二氯乙烷中毒",
  "四氯化碳中毒",
  "氯乙烯中毒",
  "三氯乙烯中毒",
  "氯丙烯中毒",
  "氯丁二烯中毒",
  "苯的氨基及硝基化合物（不包括三硝基甲苯）中毒",
  "三硝基甲苯中毒",
  "甲醇中毒",
  "酚中毒",
  "五氯酚（钠）中毒",
  "甲醛中毒",
  "硫酸二甲酯中毒",
  "丙烯酰胺中毒",
  "二甲基甲酰胺中毒",
  "有机磷中毒",
  "氨基甲酸酯类中毒",
  "杀虫脒中毒",
  "溴甲烷中毒",
  "拟除虫菊酯类中毒",
  "铟及其化合物中毒",
  "溴丙烷中毒",
  "碘甲烷中毒",
  "氯乙酸中毒",
  "环氧乙烷中毒",
  "*上述条目未提及的与职业有害因素接触之间存在直接因果联系的其他化学中毒",
];
const physical = ["中暑", "减压病", "高原病", "航空病", "手臂振动病", "激光所致眼（角膜、晶状体、视网膜）损伤", "冻伤"];
const radiation2013 = [
  "外照射急性放射病",
  "外照射亚急性放射病",
  "外照射慢性放射病",
  "内照射放射病",
  "放射性皮肤疾病",
  "放射性肿瘤（含矿工高氡暴露所致肺癌）",
  "放射性骨损伤",
  "放射性甲状腺疾病",
  "放射性性腺疾病",
  "放射复合伤",
];
const radiationOpenClause = "*根据《职业性放射性疾病诊断标准（总则）》可以诊断的其他放射性损伤";
const infectious = ["炭疽", "森林脑炎", "布鲁氏菌病", "艾滋病（限于医疗卫生人员及人民警察）", "莱姆病"];
const cancer = [
  "石棉所致肺癌、间皮瘤",
  "联苯胺所致膀胱癌",
  "苯所致白血病",
  "氯甲醚、双氯甲醚所致肺癌",
  "砷及其化合物所致肺癌、皮肤癌",
  "氯乙烯所致肝血管肉瘤",
  "焦炉逸散物所致肺癌",
  "六价铬化合物所致肺癌",
  "毛沸石所致肺癌、胸膜间皮瘤",
  "煤焦油、煤焦油沥青、石油沥青所致皮肤癌",
  "β-萘胺所致膀胱癌",
];
const bursitis = "滑囊炎（限于井下工人）";
const metalFumeFever = "金属烟热";
const vascular = "股静脉血栓综合征、股动脉闭塞症或淋巴管闭塞症（限于刮研作业人员）";

export const diseaseCatalogues: readonly DiseaseCatalogue[] = [
  {
    version: "2013",
    effectiveFrom: "2013-12-23",
    categories: [
      category("1", "职业性尘肺病及其他呼吸系统疾病", [...pneumoconioses, ...otherRespiratory]),
      category("2", "职业性皮肤病", skin),
      category("3", "职业性眼病", ["化学性眼部灼伤", "电光性眼炎", "白内障（含放射性白内障、三硝基甲苯白内障）"]),
      category("4", "职业性耳鼻喉口腔疾病", ent),
      category("5", "职业性化学中毒", chemical2013),
      category("6", "物理因素所致职业病", physical),
      category("7", "职业性放射性疾病", [...radiation2013, radiationOpenClause]),
      category("8", "职业性传染病", infectious),
      category("9", "职业性肿瘤", cancer),
      category("10", "其他职业病", [metalFumeFever, bursitis, vascular]),
    ],
  },
  {
    version: "2025",
    effectiveFrom: "2025-08-01",
    categories: [
      category("1", "职业性尘肺病及其他呼吸系统疾病", [...pneumoconioses, ...otherRespiratory]),
      category("2", "职业性皮肤病", skin),
      // Radiation cataract moves to category 7; the TNT cataract stays here.
      category("3", "职业性眼病", ["化学性眼部灼伤", "电光性眼炎", "三硝基甲苯白内障"]),
      category("4", "职业性耳鼻喉口腔疾病", ent),
      category(
        "5",
        "职业性化学中毒",
        chemical2013.filter((name) => name !== uraniumPoisoning),
      ),
      category("6", "物理因素所致职业病", physical),
      category("7", "职业性放射性疾病", [...radiation2013, "放射性白内障", uraniumPoisoning, radiationOpenClause]),
      category("8", "职业性传染病", infectious),
      category("9", "职业性肿瘤", cancer),
      category("10", "其他职业病", [metalFumeFever, vascular]),
      category("11", "职业性肌肉骨骼疾病", ["腕管综合征（限于制造业工人）", bursitis]),
      category("12", "职业性精神和行为障碍", ["创伤后应激障碍（限于参与突发事件处置的人民警察、医疗卫生人员、消防救援人员等）"]),
    ],
  },
];

/** The catalogue in force on a diagnosis date (YYYY-MM-DD). */
export function catalogueOn(diagnosedOn: string): DiseaseCatalogue {
  const catalogue = inForceOn(diseaseCatalogues, diagnosedOn);
  if (!catalogue) throw new RangeError(`no occupational-disease catalogue was in force on ${diagnosedOn}`);
  return catalogue;
}

/** A disease and its category by code within a catalogue, or undefined. */
export function findDisease(catalogue: DiseaseCatalogue, code: string): { category: DiseaseCategory; disease: Disease } | undefined {
  for (const candidate of catalogue.categories) {
    const disease = candidate.diseases.find((entry) => entry.code === code);
    if (disease) return { category: candidate, disease };
  }
  return undefined;
}
