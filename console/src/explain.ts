import type { GraphQLFormattedError } from "graphql";
import { fieldLabel } from "../../kernel/field-labels";
import { purposes } from "../../kernel/purposes";
import { agencyNames, nameOf, roleNames } from "../../reference/labels";

/** One field the gateway refused, as `extensions.denied` lists it. */
export interface Denied {
  resource: string;
  owners: string[];
  level: string;
  reason: string;
  apply?: string;
}

/** An error as a clerk reads it: what happened in Chinese, what it concerns, and why, in Chinese too. */
export interface Problem {
  code: string;
  title: string;
  field?: string;
  subgraph?: string;
  denied?: Denied[];
  /** Why, in Chinese. */
  detail?: string;
  /** The hub's own words when they are not Chinese and no Chinese reading of them is known: for whoever supports the clerk. */
  original?: string;
}

/** The console's own request fields (sign-in, the import upload), beside the hub's input fields that kernel/field-labels.ts names. */
const consoleFields: Record<string, string> = {
  kind: "记录种类",
  file: "导入文件",
  fileName: "文件名",
  dryRun: "试导入",
  user: "用户名",
  roles: "角色",
  region: "行政区划",
  "input.id": "申请编号",
};

export const fieldName = (field: string) => consoleFields[field] ?? fieldLabel(field);

const chinese = /[\u4e00-\u9fff]/;

/** The reasons the console's own routes and the sharing procedure give in English, beside the shared checks' (kernel/reasons.ts). */
const consoleReasons: [RegExp, (...parts: string[]) => string][] = [
  [/^must be 1 to 50 characters of the name$/, () => "应为企业名称中的 1 至 50 个字"],
  [/^must be the 32-character pseudonymous person key$/, () => "应为32位人员标识"],
  [/^must be an 18-character 统一社会信用代码$/, () => "应为18位统一社会信用代码"],
  [/^must be 1 to 64 letters, digits or \. _ @ -$/, () => "应为 1 至 64 个字母、数字或 . _ @ -"],
  [/^must be a comma list drawn from /, () => `应从 ${Object.values(roleNames).join("、")} 中选择`],
  [/^must be a 6-digit GB\/T 2260 code$/, () => "应为6位 GB/T 2260 行政区划代码"],
  [/^must say why the data is needed$/, () => "请说明使用数据的理由"],
  [/^a refusal or revocation must give its reason$/, () => "拒绝或撤销须说明理由"],
  [/^(\S+) is not in the sharing catalogue$/, (resource) => `${resource} 不在共享目录中`],
  [/^\S+ spans the fields of (.*): apply to each/, (owners) => `该资源包含${ownersText(owners)}的数据，请分别向各部门申请`],
  [/^\S+ owns \S+ already$/, () => "该数据属于本部门，无需申请"],
  [/^\S+ is \S+: (\S+) does not share it$/, (owner) => `${nameOf(agencyNames, owner)}不共享该数据`],
  [/^no application (\S+)$/, (id) => `申请 ${id} 不存在`],
  [/^application is (\w+), not \w+$/, (now) => `该申请的状态已是 ${now}，不能再做此操作`],
  [/^must be one of (.*)$/, (choices) => `应为以下之一：${choices}`],
];

const ownersText = (owners: string) =>
  owners
    .split(/,\s*/)
    .map((owner) => nameOf(agencyNames, owner))
    .join("、");

/** A reason in Chinese: as it came when Chinese already, else its known Chinese reading; undefined when neither. */
export function reasonInChinese(reason: string): string | undefined {
  if (/[\u4e00-\u9fff]/.test(reason)) return reason;
  for (const [pattern, say] of consoleReasons) {
    const match = pattern.exec(reason);
    if (match) return say(...match.slice(1));
  }
  return undefined;
}

/** Why a token was not accepted, from the reasons kernel/identity.ts gives. */
function tokenProblem(reason: string): string {
  if (chinese.test(reason)) return reason;
  if (/expired/.test(reason)) return "令牌已过期，请重新登录";
  if (/missing Authorization|must be `Bearer/.test(reason)) return "请求缺少部门令牌";
  if (/does not trust|signed with a key of/.test(reason)) return "令牌的签名密钥不被平台信任，或不属于令牌所称的部门";
  if (/signature is invalid/.test(reason)) return "令牌签名无效";
  if (/audience/.test(reason)) return "令牌不是签发给联防平台的";
  return "令牌内容不符合平台要求";
}

type Extensions = Record<string, unknown>;
const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));

export function titleOf(code: string, extensions: Extensions): string {
  switch (code) {
    case "UNAUTHENTICATED":
      return "身份验证未通过，请重新登录";
    case "FORBIDDEN":
      return extensions.denied ? "无权查看所请求的数据" : "无权进行此操作";
    case "PURPOSE_REQUIRED":
      return "请求未说明用途：请在页面顶部选择用途";
    case "BAD_USER_INPUT":
      return extensions.field ? `输入有误：${fieldName(text(extensions.field))}` : "输入有误";
    case "SUBGRAPH_UNAVAILABLE":
      return `${nameOf(agencyNames, text(extensions.subgraph))}暂时无法访问，其数据暂缺`;
    case "SUBGRAPH_UNATTESTED":
      return `${nameOf(agencyNames, text(extensions.subgraph))}的答复未通过核验，其数据暂缺`;
    case "RATE_LIMITED":
      return "请求过于频繁，请稍后再试";
    case "DEPTH_LIMIT_EXCEEDED":
    case "ALIAS_LIMIT_EXCEEDED":
    case "COST_LIMIT_EXCEEDED":
      return "查询范围过大，请缩小条件或减少每页条数";
    case "PAYLOAD_TOO_LARGE":
      return "请求内容过大";
    case "AUDIT_UNAVAILABLE":
      return "审计日志暂时无法写入，平台暂停提供数据";
    case "NOT_FOUND":
      return "未找到所请求的记录";
    case "HOLIDAY_DATA_MISSING":
      return "缺少节假日安排，无法计算期限";
    case "GRAPHQL_VALIDATION_FAILED":
      return "平台暂不支持此查询：相关部门的接口尚未上线";
    case "GRAPHQL_PARSE_FAILED":
    case "BAD_REQUEST":
    case "UNSUPPORTED_MEDIA_TYPE":
    case "METHOD_NOT_ALLOWED":
      return "请求格式不被平台接受";
    case "INTERNAL_SERVER_ERROR":
      return "平台内部出错";
    case "HUB_UNREACHABLE":
    case "NETWORK":
      return "无法连接联防平台，请检查网络或稍后再试";
    default:
      return "操作未能完成";
  }
}

/** Why, in Chinese, from what the error's extensions say; the hub's words themselves only where they are Chinese. */
function detailOf(code: string, extensions: Extensions, said: string): string | undefined {
  const inChinese = chinese.test(said) ? said : undefined;
  switch (code) {
    case "UNAUTHENTICATED":
      return tokenProblem(text(extensions.reason) || said);
    case "FORBIDDEN":
      if (extensions.requiredRole) return `此操作需要${nameOf(roleNames, text(extensions.requiredRole))}角色`;
      if (extensions.owner) return inChinese ?? `只有${nameOf(agencyNames, text(extensions.owner))}可以修改这些记录`;
      return inChinese ?? "所请求的操作超出本部门的权限";
    case "PURPOSE_REQUIRED":
      return `可选用途：${Object.values(purposes).join("、")}`;
    case "BAD_USER_INPUT":
      return reasonInChinese(text(extensions.reason) || said.replace(/^[\w.]+: /, ""));
    case "SUBGRAPH_UNAVAILABLE":
      return "其他部门的数据不受影响，该部门恢复后重新查询即可";
    case "SUBGRAPH_UNATTESTED":
      return "平台无法核实该部门答复中报告的数据主体，答复未被采用；请联系平台运维";
    case "RATE_LIMITED":
      return "本部门的请求超过每秒限额，请稍候片刻再试";
    case "DEPTH_LIMIT_EXCEEDED":
      return `查询嵌套 ${text(extensions.depth)} 层，超过上限 ${text(extensions.limit)} 层`;
    case "ALIAS_LIMIT_EXCEEDED":
      return `查询使用别名 ${text(extensions.aliases)} 个，超过上限 ${text(extensions.limit)} 个`;
    case "COST_LIMIT_EXCEEDED":
      return `查询成本 ${text(extensions.cost)}，超过上限 ${text(extensions.limit)}；请减少每页条数`;
    case "PAYLOAD_TOO_LARGE":
      return inChinese ?? `请求超过 ${text(extensions.limit)} 字节的上限`;
    case "AUDIT_UNAVAILABLE":
      return "每次访问都须记入审计日志：日志恢复前平台不提供数据，也不执行修改，请稍后再试";
    case "GRAPHQL_PARSE_FAILED":
    case "BAD_REQUEST":
    case "UNSUPPORTED_MEDIA_TYPE":
    case "METHOD_NOT_ALLOWED":
      return "工作台与平台的版本可能不一致，请刷新页面后重试";
    case "INTERNAL_SERVER_ERROR":
      return "请稍后再试；如反复出现，请联系平台运维";
    case "GRAPHQL_VALIDATION_FAILED":
      return "工作台所用的查询与平台当前的接口不一致";
    default:
      return inChinese;
  }
}

/** One error of the hub's, in Chinese. */
export function problemOf(error: GraphQLFormattedError): Problem {
  const extensions = (error.extensions ?? {}) as Extensions;
  const code = String(extensions.code ?? "UNKNOWN");
  const detail = detailOf(code, extensions, error.message);
  return {
    code,
    title: titleOf(code, extensions),
    ...(typeof extensions.field === "string" ? { field: extensions.field } : {}),
    ...(typeof extensions.subgraph === "string" ? { subgraph: extensions.subgraph } : {}),
    ...(Array.isArray(extensions.denied) ? { denied: extensions.denied as Denied[] } : {}),
    ...(detail ? { detail } : { original: error.message }),
  };
}
