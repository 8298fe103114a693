/**
 * GB/T 4754-2017 国民经济行业分类 (in force 2017-10-01; amendment No. 1, 2019), down to 大类.
 * 中类/小类 are not held here (their count differs between sources), so 3- and 4-digit codes are
 * checked only as far as their division.
 */

export interface IndustrySection {
  code: string;
  name: string;
  divisions: [from: number, to: number];
}

export interface IndustryDivision {
  /** 2 digits, zero-padded. */
  code: string;
  section: string;
  name: string;
}

export const industrySections: readonly IndustrySection[] = [
  { code: "A", name: "农、林、牧、渔业", divisions: [1, 5] },
  { code: "B", name: "采矿业", divisions: [6, 12] },
  { code: "C", name: "制造业", divisions: [13, 43] },
  { code: "D", name: "电力、热力、燃气及水生产和供应业", divisions: [44, 46] },
  { code: "E", name: "建筑业", divisions: [47, 50] },
  { code: "F", name: "批发和零售业", divisions: [51, 52] },
  { code: "G", name: "交通运输、仓储和邮政业", divisions: [53, 60] },
  { code: "H", name: "住宿和餐饮业", divisions: [61, 62] },
  { code: "I", name: "信息传输、软件和信息技术服务业", divisions: [63, 65] },
  { code: "J", name: "金融业", divisions: [66, 69] },
  { code: "K", name: "房地产业", divisions: [70, 70] },
  { code: "L", name: "租赁和商务服务业", divisions: [71, 72] },
  { code: "M", name: "科学研究和技术服务业", divisions: [73, 75] },
  { code: "N", name: "水利、环境和公共设施管理业", divisions: [76, 79] },
  { code: "O", name: "居民服务、修理和其他服务业", divisions: [80, 82] },
  { code: "P", name: "教育", divisions: [83, 83] },
  { code: "Q", name: "卫生和社会工作", divisions: [84, 85] },
  { code: "R", name: "文化、体育和娱乐业", divisions: [86, 90] },
  { code: "S", name: "公共管理、社会保障和社会组织", divisions: [91, 96] },
  { code: "T", name: "国际组织", divisions: [97, 97] },
];

// Codes 01–97 are all in use in the 2017 edition (2011 had 01–96; 2017 inserted 79 土地管理业).
export const industryDivisions: readonly IndustryDivision[] = [
  { code: "01", section: "A", name: "农业" },
  { code: "02", section: "A", name: "林业" },
  { code: "03", section: "A", name: "畜牧业" },
  { code: "04", section: "A", name: "渔业" },
  { code: "05", section: "A", name: "农、林、牧、渔专业及辅助性活动" },
  { code: "06", section: "B", name: "煤炭开采和洗选业" },
  { code: "07", section: "B", name: "石油和天然气开采业" },
  { code: "08", section: "B", name: "黑色金属矿采选业" },
  { code: "09", section: "B", name: "有色金属矿采选业" },
  { code: "10", section: "B", name: "非金属矿采选业" },
  { code: "11", section: "B", name: "开采专业及辅助性活动" },
  { code: "12", section: "B", name: "其他采矿业" },
  { code: "13", section: "C", name: "农副食品加工业" },
  { code: "14", section: "C", name: "食品制造业" },
  { code: "15", section: "C", name: "酒、饮料和精制茶制造业" },
  { code: "16", section: "C", name: "烟草制品业" },
  { code: "17", section: "C", name: "纺织业" },
  { code: "18", section: "C", name: "纺织服装、服饰业" },
  { code: "19", section: "C", name: "皮革、毛皮、羽毛及其制品和制鞋业" },
  { code: "20", section: "C", name: "木材加工和木、竹、藤、棕、草制品业" },
  { code: "21", section: "C", name: "家具制造业" },
  { code: "22", section: "C", name: "造纸和纸制品业" },
  { code: "23", section: "C", name: "印刷和记录媒介复制业" },
  { code: "24", section: "C", name: "文教、工美、体育和娱乐用品制造业" },
  { code: "25", section: "C", name: "石油、煤炭及其他燃料加工业" },
  { code: "26", section: "C", name: "化学原料和化学制品制造业" },
  { code: "27", section: "C", name: "医药制造业" },
  { code: "28", section: "C", name: "化学纤维制造业" },
  { code: "29", section: "C", name: "橡胶和塑料制品业" },
  { code: "30", section: "C", name: "非金属矿物制品业" },
  { code: "31", section: "C", name: "黑色金属冶炼和压延加工业" },
  { code: "32", section: "C", name: "有色金属冶炼和压延加工业" },
  { code: "33", section: "C", name: "金属制品业" },
  { code: "34", section: "C", name: "通用设备制造业" },
  { code: "35", section: "C", name: "专用设备制造业" },
  { code: "36", section: "C", name: "汽车制造业" },
  { code: "37", section: "C", name: "铁路、船舶、航空航天和其他运输设备制造业" },
  { code: "38", section: "C", name: "电气机械和器材制造业" },
  { code: "39", section: "C", name: "计算机、通信和其他电子设备制造业" },
  { code: "40", section: "C", name: "仪器仪表制造业" },
  { code: "41", section: "C", name: "其他制造业" },
  { code: "42", section: "C", name: "废弃资源综合利用业" },
  { code: "43", section: "C", name: "金属制品、机械和设备修理业" },
  { code: "44", section: "D", name: "电力、热力生产和供应业" },
  { code: "45", section: "D", name: "燃气生产和供应业" },
  { code: "46", section: "D", name: "水的生产和供应业" },
  { code: "47", section: "E", name: "房屋建筑业" },
  { code: "48", section: "E", name: "土木工程建筑业" },
  { code: "49", section: "E", name: "建筑安装业" },
  { code: "50", section: "E", name: "建筑装饰、装修和其他建筑业" },
  { code: "51", section: "F", name: "批发业" },
  { code: "52", section: "F", name: "零售业" },
  { code: "53", section: "G", name: "铁路运输业" },
  { code: "54", section: "G", name: "道路运输业" },
  { code: "55", section: "G", name: "水上运输业" },
  { code: "56", section: "G", name: "航空运输业" },
  { code: "57", section: "G", name: "管道运输业" },
  { code: "58", section: "G", name: "多式联运和运输代理业" },
  { code: "59", section: "G", name: "装卸搬运和仓储业" },
  { code: "60", section: "G", name: "邮政业" },
  { code: "61", section: "H", name: "住宿业" },
  { code: "62", section: "H", name: "餐饮业" },
  { code: "63", section: "I", name: "电信、广播电视和卫星传输服务" },
  { code: "64", section: "I", name: "互联网和相关服务" },
  { code: "65", section: "I", name: "软件和信息技术服务业" },
  { code: "66", section: "J", name: "货币金融服务" },
  { code: "67", section: "J", name: "资本市场服务" },
  { code: "68", section: "J", name: "保险业" },
  { code: "69", section: "J", name: "其他金融业" },
  { code: "70", section: "K", name: "房地产业" },
  { code: "71", section: "L", name: "租赁业" },
  { code: "72", section: "L", name: "商务服务业" },
  { code: "73", section: "M", name: "研究和试验发展" },
  { code: "74", section: "M", name: "专业技术服务业" },
  { code: "75", section: "M", name: "科技推广和应用服务业" },
  { code: "76", section: "N", name: "水利管理业" },
  { code: "77", section: "N", name: "生态保护和环境治理业" },
  { code: "78", section: "N", name: "公共设施管理业" },
  { code: "79", section: "N", name: "土地管理业" },
  { code: "80", section: "O", name: "居民服务业" },
  { code: "81", section: "O", name: "机动车、电子产品和日用产品修理业" },
  { code: "82", section: "O", name: "其他服务业" },
  { code: "83", section: "P", name: "教育" },
  { code: "84", section: "Q", name: "卫生" },
  { code: "85", section: "Q", name: "社会工作" },
  { code: "86", section: "R", name: "新闻和出版业" },
  { code: "87", section: "R", name: "广播、电视、电影和录音制作业" },
  { code: "88", section: "R", name: "文化艺术业" },
  { code: "89", section: "R", name: "体育" },
  { code: "90", section: "R", name: "娱乐业" },
  { code: "91", section: "S", name: "中国共产党机关" },
  { code: "92", section: "S", name: "国家机构" },
  { code: "93", section: "S", name: "人民政协、民主党派" },
  { code: "94", section: "S", name: "社会保障" },
  { code: "95", section: "S", name: "群众团体、社会团体和其他成员组织" },
  { code: "96", section: "S", name: "基层群众自治组织及其他组织" },
  { code: "97", section: "T", name: "国际组织" },
];

const divisionsByCode: ReadonlyMap<string, IndustryDivision> = new Map(industryDivisions.map((d) => [d.code, d]));
const sectionCodes: ReadonlySet<string> = new Set(industrySections.map((s) => s.code));

export type IndustryCodeCheck = { valid: true; section: string; division: string } | { valid: false; reason: string };

/**
 * Checks "C2614", "2614", "261" or "26": an optional 门类 letter, then 2–4 digits. The letter,
 * when given, must be the section that owns the division.
 */
export function checkIndustryCode(code: string): IndustryCodeCheck {
  const match = /^([A-Z]?)(\d*)$/.exec(code);
  if (!match) {
    return { valid: false, reason: `${JSON.stringify(code)} 不是行业代码: 应为门类字母 (可省略) 加 2 至 4 位数字` };
  }
  const [, letter, digits] = match;
  if (letter !== "" && !sectionCodes.has(letter)) {
    return { valid: false, reason: `${letter} 不是 GB/T 4754-2017 的门类字母` };
  }
  if (digits.length < 2 || digits.length > 4) {
    return { valid: false, reason: `应有 2、3 或 4 位数字, 实为 ${digits.length} 位` };
  }
  const division = divisionsByCode.get(digits.slice(0, 2));
  if (!division) {
    return { valid: false, reason: `${digits.slice(0, 2)} 不是 GB/T 4754-2017 的大类` };
  }
  if (letter !== "" && letter !== division.section) {
    return { valid: false, reason: `大类 ${division.code} 属于门类 ${division.section}, 不属于 ${letter}` };
  }
  return { valid: true, section: division.section, division: division.code };
}
