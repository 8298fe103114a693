import { purposes } from "./purposes";

/**
 * The shared checks (validate.ts, the identifier, region and industry checks, pagination, the
 * gateway's bounds on purpose and case) give their reasons in English, which programs and tests
 * rely on; a clerk reads them in Chinese through this table, in the console and the import's
 * errors file alike. Plain TypeScript, so the console imports it as it is.
 */
const reasons: [RegExp, (parts: string[], fieldName: (field: string) => string) => string][] = [
  [/^must be 18 characters, got (\d+)$/, ([got]) => `应为18位，现为${got}位`],
  [
    /^must be 2 registration characters, a 6-digit region code/,
    () => "格式不对：应为2位登记管理部门和机构类别代码、6位行政区划代码、10位主体标识码",
  ],
  [
    /^must be 18 characters \(17 digits and a digit or X\) or a legacy 15-digit number$/,
    () => "应为18位（17位数字加一位数字或X）或15位旧号码",
  ],
  [/^birth date (\d+) is not a real date between 1900 and today$/, ([birth]) => `出生日期 ${birth} 不是1900年至今的有效日期`],
  [/^check character is (.), expected (.)/, ([got, expected]) => `校验码为 ${got}，应为 ${expected}（GB 11643）`],
  [/^"(.*)" is not a 6-digit region code$/, ([code]) => `「${code}」不是6位行政区划代码`],
  [/^(\d+) is not a known GB\/T 2260 region$/, ([code]) => `${code} 不是已知的 GB/T 2260 行政区划代码`],
  [/^"(.*)" is not a section letter followed by 2 to 4 digits$/, ([code]) => `「${code}」应为门类字母加2至4位数字`],
  [/^(.) is not a GB\/T 4754-2017 section letter$/, ([letter]) => `${letter} 不是 GB/T 4754-2017 的门类字母`],
  [/^industry code needs 2, 3 or 4 digits, got (\d+)$/, ([got]) => `行业代码应有2至4位数字，现为${got}位`],
  [/^(\d+) is not a GB\/T 4754-2017 division$/, ([division]) => `${division} 不是 GB/T 4754-2017 的行业大类`],
  [/^division (\d+) belongs to section (.), not (.)$/, ([division, section, not]) => `大类 ${division} 属于门类 ${section}，不属于 ${not}`],
  [/^cannot be empty$/, () => "不能为空"],
  [/^must be at most (\d+) characters, got (\d+)$/, ([most, got]) => `最多 ${most} 个字，现为 ${got} 个`],
  [/^must be a whole number from (-?\d+) to (-?\d+), got (.*)$/, ([from, to, got]) => `应为 ${from} 至 ${to} 的整数，现为 ${got}`],
  [/^cannot be in the future$/, () => "不能晚于今天"],
  [/^cannot be before (.*)$/, ([earlier], fieldName) => `不能早于${fieldName(earlier)}`],
  [/^"(.*)" is not a real calendar date written YYYY-MM-DD$/, ([date]) => `「${date}」不是有效日期，应写作 YYYY-MM-DD`],
  [/^must be between 1 and (\d+), got (.*)$/, ([most, got]) => `应在 1 至 ${most} 之间，现为 ${got}`],
  [/^is not a cursor this list returned$/, () => "不是本列表给出的翻页位置，请从第一页重新查询"],
  [/^must be a purpose code of at most 40 capital letters/, () => `应为用途代码之一：${Object.values(purposes).join("、")}`],
  [/^must be at most (\d+) printable characters, without control characters$/, ([most]) => `最多 ${most} 个字，不能含控制字符`],
];

const chinese = /[\u4e00-\u9fff]/;

/**
 * A reason as a clerk reads it: as it came when already Chinese, else its Chinese reading; undefined
 * when none is known. `fieldName` names another field a reason mentions ("cannot be before …").
 */
export function chineseReason(reason: string, fieldName: (field: string) => string = (field) => field): string | undefined {
  if (chinese.test(reason)) return reason;
  for (const [pattern, say] of reasons) {
    const match = pattern.exec(reason);
    if (match) return say(match.slice(1), fieldName);
  }
  return undefined;
}
