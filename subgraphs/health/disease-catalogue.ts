/**
 * 职业病分类和目录, versioned by diagnosis date: the 2013 list (国卫疾控发〔2013〕48号, 10
 * categories) until 2025-07-31, the 2024 list (12 categories, in force 2025-08-01) from then on.
 * Kept as data; the entries here are the diseases the hub sees most (the national 2022 mix).
 */
export interface DiseaseCategory {
  code: string;
  name: string;
  diseases: readonly string[];
}

export interface DiseaseCatalogue {
  version: "2013" | "2025";
  effectiveFrom: string;
  categories: readonly DiseaseCategory[];
}

const respiratory = [
  "矽肺", "煤工尘肺", "石墨尘肺", "炭黑尘肺", "石棉肺", "滑石尘肺", "水泥尘肺", "云母尘肺", "陶工尘肺",
  "铝尘肺", "电焊工尘肺", "铸工尘肺", "过敏性肺炎", "棉尘病", "哮喘", "金属及其化合物粉尘肺沉着病",
  "刺激性化学物所致慢性阻塞性肺疾病", "硬金属肺病",
];
const skin = ["接触性皮炎", "光接触性皮炎", "电光性皮炎", "黑变病", "痤疮", "溃疡", "化学性皮肤灼伤", "白斑"];
const eye = ["化学性眼部灼伤", "电光性眼炎", "白内障（含放射性白内障、三硝基甲苯白内障）"];
const ent = ["噪声聋", "铬鼻病", "牙酸蚀病", "爆震聋"];
const chemical = ["铅及其化合物中毒（不包括四乙基铅）", "汞及其化合物中毒", "锰及其化合物中毒", "一氧化碳中毒", "硫化氢中毒", "苯中毒", "正己烷中毒", "氯气中毒", "氨中毒", "三氯乙烯药疹样皮炎"];
const physical = ["中暑", "减压病", "高原病", "航空病", "手臂振动病", "激光所致眼（角膜、晶状体、视网膜）损伤", "冻伤"];
const radiation = ["外照射急性放射病", "外照射慢性放射病", "放射性皮肤疾病", "放射性肺炎", "放射性肿瘤（含矿工高氡暴露所致肺癌）"];
const infectious = ["炭疽", "森林脑炎", "布鲁氏菌病", "艾滋病（限于医疗卫生人员及人民警察）", "莱姆病"];
const cancer = ["石棉所致肺癌、间皮瘤", "联苯胺所致膀胱癌", "苯所致白血病", "氯甲醚、双氯甲醚所致肺癌", "焦炉逸散物所致肺癌", "β-萘胺所致膀胱癌"];

export const diseaseCatalogues: readonly DiseaseCatalogue[] = [
  {
    version: "2013",
    effectiveFrom: "2013-12-23",
    categories: [
      { code: "1", name: "职业性尘肺病及其他呼吸系统疾病", diseases: respiratory },
      { code: "2", name: "职业性皮肤病", diseases: skin },
      { code: "3", name: "职业性眼病", diseases: eye },
      { code: "4", name: "职业性耳鼻喉口腔疾病", diseases: ent },
      { code: "5", name: "职业性化学中毒", diseases: chemical },
      { code: "6", name: "物理因素所致职业病", diseases: physical },
      { code: "7", name: "职业性放射性疾病", diseases: radiation },
      { code: "8", name: "职业性传染病", diseases: infectious },
      { code: "9", name: "职业性肿瘤", diseases: cancer },
      { code: "10", name: "其他职业病", diseases: ["金属烟热", "滑囊炎（限于井下工人）", "股静脉血栓综合征、股动脉闭塞症或淋巴管闭塞症（限于刮研作业人员）"] },
    ],
  },
  {
    // The new list's numbering is not confirmed from the text; the two new categories follow the ten old ones.
    version: "2025",
    effectiveFrom: "2025-08-01",
    categories: [
      { code: "1", name: "职业性尘肺病及其他呼吸系统疾病", diseases: respiratory },
      { code: "2", name: "职业性皮肤病", diseases: skin },
      { code: "3", name: "职业性眼病", diseases: eye.slice(0, 2) },
      { code: "4", name: "职业性耳鼻喉口腔疾病", diseases: ent },
      { code: "5", name: "职业性化学中毒", diseases: chemical },
      { code: "6", name: "物理因素所致职业病", diseases: physical },
      { code: "7", name: "职业性放射性疾病", diseases: [...radiation, "放射性白内障", "铀及其化合物中毒"] },
      { code: "8", name: "职业性传染病", diseases: infectious },
      { code: "9", name: "职业性肿瘤", diseases: cancer },
      { code: "10", name: "其他职业病", diseases: ["金属烟热", "股静脉血栓综合征、股动脉闭塞症或淋巴管闭塞症（限于刮研作业人员）"] },
      { code: "11", name: "职业性肌肉骨骼疾病", diseases: ["腕管综合征（限于制造业工人）", "滑囊炎（限于井下工人）"] },
      { code: "12", name: "职业性精神和行为障碍", diseases: ["创伤后应激障碍（限于参与突发事件处置的人民警察、医疗卫生人员、消防救援人员等）"] },
    ],
  },
];

/** The catalogue in force on a diagnosis date (YYYY-MM-DD). */
export function catalogueOn(diagnosedOn: string): DiseaseCatalogue {
  const inForce = diseaseCatalogues.filter((catalogue) => catalogue.effectiveFrom <= diagnosedOn);
  if (inForce.length === 0) throw new RangeError(`no occupational-disease catalogue was in force on ${diagnosedOn}`);
  return inForce[inForce.length - 1];
}
