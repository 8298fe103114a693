/**
 * 工伤保险行业风险分类 from 人社部发〔2015〕71号 (人社部 + 财政部), keyed by GB/T 4754-2011 大类.
 * The base rates are the national reference ("左右"); each 统筹地区 sets its own, so area rates
 * belong in per-area, dated data, not here. Integers avoid float error in rate arithmetic.
 */

export type RiskClass = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface RiskClassEntry {
  riskClass: RiskClass;
  /** National base rate in basis points of 工资总额 (20 = 0.20%). */
  baseRateBasisPoints: number;
  /** Allowed 浮动费率 factors in percent (120 = ×1.2). Class 1 may only float up. */
  floatFactorsPercent: readonly number[];
  /** GB/T 4754-2011 大类 code and the name used in the 71号 附件. */
  divisions2011: readonly (readonly [code: string, name: string])[];
}

export interface RiskClassTable {
  document: string;
  effectiveFrom: string;
  industryStandard: string;
  classes: readonly RiskClassEntry[];
}

const upOnly = [100, 120, 150] as const;
const fiveSteps = [50, 80, 100, 120, 150] as const;

export const riskClassTable2015: RiskClassTable = {
  document: "人社部发〔2015〕71号",
  effectiveFrom: "2015-10-01",
  industryStandard: "GB/T 4754-2011",
  classes: [
    {
      riskClass: 1,
      baseRateBasisPoints: 20,
      floatFactorsPercent: upOnly,
      divisions2011: [
        ["65", "软件和信息技术服务业"],
        ["66", "货币金融服务"],
        ["67", "资本市场服务"],
        ["68", "保险业"],
        ["69", "其他金融业"],
        ["75", "科技推广和应用服务业"],
        ["84", "社会工作"],
        ["86", "广播、电视、电影和影视录音制作业"],
        ["90", "中国共产党机关"],
        ["91", "国家机构"],
        ["92", "人民政协、民主党派"],
        ["93", "社会保障"],
        ["94", "群众团体、社会团体和其他成员组织"],
        ["95", "基层群众自治组织"],
        ["96", "国际组织"],
      ],
    },
    {
      riskClass: 2,
      baseRateBasisPoints: 40,
      floatFactorsPercent: fiveSteps,
      divisions2011: [
        ["51", "批发业"],
        ["52", "零售业"],
        ["59", "仓储业"],
        ["60", "邮政业"],
        ["61", "住宿业"],
        ["62", "餐饮业"],
        ["63", "电信、广播电视和卫星传输服务"],
        ["64", "互联网和相关服务"],
        ["70", "房地产业"],
        ["71", "租赁业"],
        ["72", "商务服务业"],
        ["73", "研究和试验发展"],
        ["74", "专业技术服务业"],
        ["79", "居民服务业"],
        ["81", "其他服务业"],
        ["82", "教育"],
        ["83", "卫生"],
        ["85", "新闻和出版业"],
        ["87", "文化艺术业"],
      ],
    },
    {
      riskClass: 3,
      baseRateBasisPoints: 70,
      floatFactorsPercent: fiveSteps,
      divisions2011: [
        ["13", "农副食品加工业"],
        ["14", "食品制造业"],
        ["15", "酒、饮料和精制茶制造业"],
        ["16", "烟草制品业"],
        ["17", "纺织业"],
        ["20", "木材加工和木、竹、藤、棕、草制品业"],
        ["24", "文教、工美、体育和娱乐用品制造业"],
        ["39", "计算机、通信和其他电子设备制造业"],
        ["40", "仪器仪表制造业"],
        ["41", "其他制造业"],
        ["46", "水的生产和供应业"],
        ["80", "机动车、电子产品和日用产品修理业"],
        ["76", "水利管理业"],
        ["77", "生态保护和环境治理业"],
        ["78", "公共设施管理业"],
        ["89", "娱乐业"],
      ],
    },
    {
      riskClass: 4,
      baseRateBasisPoints: 90,
      floatFactorsPercent: fiveSteps,
      divisions2011: [
        ["01", "农业"],
        ["03", "畜牧业"],
        ["05", "农、林、牧、渔服务业"],
        ["18", "纺织服装、服饰业"],
        ["19", "皮革、毛皮、羽毛及其制品和制鞋业"],
        ["23", "印刷和记录媒介复制业"],
        ["27", "医药制造业"],
        ["28", "化学纤维制造业"],
        ["29", "橡胶和塑料制品业"],
        ["33", "金属制品业"],
        ["34", "通用设备制造业"],
        ["35", "专用设备制造业"],
        ["36", "汽车制造业"],
        ["37", "铁路、船舶、航空航天和其他运输设备制造业"],
        ["38", "电气机械和器材制造业"],
        ["42", "废弃资源综合利用业"],
        ["43", "金属制品、机械和设备修理业"],
        ["44", "电力、热力生产和供应业"],
        ["45", "燃气生产和供应业"],
        ["53", "铁路运输业"],
        ["56", "航空运输业"],
        ["57", "管道运输业"],
        ["88", "体育"],
      ],
    },
    {
      riskClass: 5,
      baseRateBasisPoints: 110,
      floatFactorsPercent: fiveSteps,
      divisions2011: [
        ["02", "林业"],
        ["11", "开采辅助活动"],
        ["21", "家具制造业"],
        ["22", "造纸和纸制品业"],
        ["49", "建筑安装业"],
        ["50", "建筑装饰和其他建筑业"],
        ["54", "道路运输业"],
        ["55", "水上运输业"],
        ["58", "装卸搬运和运输代理业"],
      ],
    },
    {
      riskClass: 6,
      baseRateBasisPoints: 130,
      floatFactorsPercent: fiveSteps,
      divisions2011: [
        ["04", "渔业"],
        ["26", "化学原料和化学制品制造业"],
        ["30", "非金属矿物制品业"],
        ["31", "黑色金属冶炼和压延加工业"],
        ["32", "有色金属冶炼和压延加工业"],
        ["47", "房屋建筑业"],
        ["48", "土木工程建筑业"],
      ],
    },
    {
      riskClass: 7,
      baseRateBasisPoints: 160,
      floatFactorsPercent: fiveSteps,
      divisions2011: [
        ["07", "石油和天然气开采业"],
        ["12", "其他采矿业"],
        ["25", "石油加工、炼焦和核燃料加工业"],
      ],
    },
    {
      riskClass: 8,
      baseRateBasisPoints: 190,
      floatFactorsPercent: fiveSteps,
      divisions2011: [
        ["06", "煤炭开采和洗选业"],
        ["08", "黑色金属矿采选业"],
        ["09", "有色金属矿采选业"],
        ["10", "非金属矿采选业"],
      ],
    },
  ],
};

export interface DivisionCrosswalk {
  fromStandard: string;
  toStandard: string;
  effectiveFrom: string;
  /** [2011 大类, 2017 大类]; a 2011 division split across two 2017 divisions appears twice. */
  pairs: readonly (readonly [from2011: string, to2017: string])[];
  /** 2017 divisions fed by 2011 divisions of different classes, and the class chosen for them. */
  resolutions: readonly { division2017: string; from2011: readonly string[]; riskClass: RiskClass; rule: string }[];
  /** 2017 divisions with no 2011 source: the pooling area must classify them itself. */
  unmapped2017: readonly string[];
}

/**
 * National default 2011→2017 crosswalk at 大类 level. It is approximate: some 中类/小类 moved
 * between divisions in 2017, and pooling areas may publish their own (dated) crosswalks.
 * - 2017 inserted 79 土地管理业, so 2011 79–96 became 80–97.
 * - 2011 58 装卸搬运和运输代理业 (class 5) split: 运输代理 → 2017 58 多式联运和运输代理业,
 *   装卸搬运 → 2017 59 装卸搬运和仓储业, which also takes 2011 59 仓储业 (class 2).
 *   2017 59 keeps the more severe class (5): 装卸搬运 carries the class-5 risk, and under-rating
 *   a fund's risk is the costlier error.
 */
export const divisionCrosswalk2011To2017: DivisionCrosswalk = {
  fromStandard: "GB/T 4754-2011",
  toStandard: "GB/T 4754-2017",
  effectiveFrom: "2017-10-01",
  pairs: [
    ["01", "01"],
    ["02", "02"],
    ["03", "03"],
    ["04", "04"],
    ["05", "05"],
    ["06", "06"],
    ["07", "07"],
    ["08", "08"],
    ["09", "09"],
    ["10", "10"],
    ["11", "11"],
    ["12", "12"],
    ["13", "13"],
    ["14", "14"],
    ["15", "15"],
    ["16", "16"],
    ["17", "17"],
    ["18", "18"],
    ["19", "19"],
    ["20", "20"],
    ["21", "21"],
    ["22", "22"],
    ["23", "23"],
    ["24", "24"],
    ["25", "25"],
    ["26", "26"],
    ["27", "27"],
    ["28", "28"],
    ["29", "29"],
    ["30", "30"],
    ["31", "31"],
    ["32", "32"],
    ["33", "33"],
    ["34", "34"],
    ["35", "35"],
    ["36", "36"],
    ["37", "37"],
    ["38", "38"],
    ["39", "39"],
    ["40", "40"],
    ["41", "41"],
    ["42", "42"],
    ["43", "43"],
    ["44", "44"],
    ["45", "45"],
    ["46", "46"],
    ["47", "47"],
    ["48", "48"],
    ["49", "49"],
    ["50", "50"],
    ["51", "51"],
    ["52", "52"],
    ["53", "53"],
    ["54", "54"],
    ["55", "55"],
    ["56", "56"],
    ["57", "57"],
    ["58", "58"],
    ["58", "59"],
    ["59", "59"],
    ["60", "60"],
    ["61", "61"],
    ["62", "62"],
    ["63", "63"],
    ["64", "64"],
    ["65", "65"],
    ["66", "66"],
    ["67", "67"],
    ["68", "68"],
    ["69", "69"],
    ["70", "70"],
    ["71", "71"],
    ["72", "72"],
    ["73", "73"],
    ["74", "74"],
    ["75", "75"],
    ["76", "76"],
    ["77", "77"],
    ["78", "78"],
    ["79", "80"],
    ["80", "81"],
    ["81", "82"],
    ["82", "83"],
    ["83", "84"],
    ["84", "85"],
    ["85", "86"],
    ["86", "87"],
    ["87", "88"],
    ["88", "89"],
    ["89", "90"],
    ["90", "91"],
    ["91", "92"],
    ["92", "93"],
    ["93", "94"],
    ["94", "95"],
    ["95", "96"],
    ["96", "97"],
  ],
  resolutions: [{ division2017: "59", from2011: ["58", "59"], riskClass: 5, rule: "more severe class" }],
  unmapped2017: ["79"],
};

const classBy2011Division: ReadonlyMap<string, RiskClass> = new Map(
  riskClassTable2015.classes.flatMap((c) => c.divisions2011.map(([code]) => [code, c.riskClass] as const)),
);

export function riskClassOf2011Division(division: string): RiskClass | undefined {
  return classBy2011Division.get(division);
}

/**
 * Risk class for a GB/T 4754-2017 大类 under the 2015 table, via the crosswalk. Undefined for
 * unknown or unmapped divisions (e.g. 79), and for a split without a recorded resolution,
 * rather than guessing.
 */
export function riskClassOf2017Division(division: string): number | undefined {
  const resolution = divisionCrosswalk2011To2017.resolutions.find((r) => r.division2017 === division);
  if (resolution) return resolution.riskClass;
  const classes = new Set(
    divisionCrosswalk2011To2017.pairs.filter(([, to]) => to === division).map(([from]) => classBy2011Division.get(from)),
  );
  if (classes.size !== 1) return undefined;
  const [only] = classes;
  return only;
}
