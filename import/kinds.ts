import { ImportProblem } from "./outcome";

/**
 * What can be imported: for each kind of master record, the department that owns it, the batch
 * mutation that saves it, and the template's columns with Chinese headers. A column turns the
 * text of a cell into the value the mutation takes, or says in Chinese why it cannot.
 */

export interface Column {
  header: string;
  /** The input field the column fills; the hub names it when it refuses a value. */
  field: string;
  required: boolean;
  format: string;
  allowed?: string;
  example: string;
  /** Cell text (trimmed, never empty) → the input value; throws a CellProblem in Chinese. */
  parse?: (text: string) => unknown;
}

export interface ImportKind {
  name: string;
  title: string;
  agency: string;
  mutation: string;
  inputType: string;
  /** The column holding the natural key: the same key twice in one file is a mistake to report. */
  keyField: string;
  columns: Column[];
}

export class CellProblem extends Error {}

const oneOf = (labels: Record<string, string>) => (text: string) => {
  const code = labels[text] ?? (Object.values(labels).includes(text) ? text : undefined);
  if (!code) throw new CellProblem(`应为 ${Object.keys(labels).join("、")} 之一, 填写的是 "${text}"`);
  return code;
};

const wholeNumber = (text: string) => {
  if (!/^\d+$/.test(text)) throw new CellProblem(`应为整数, 填写的是 "${text}"`);
  return Number(text);
};

const text = (header: string, field: string, required: boolean, format: string, example: string): Column => ({
  header,
  field,
  required,
  format,
  example,
});
const creditCode = (header: string, field: string, required = true) =>
  text(header, field, required, "18 位统一社会信用代码 (GB 32100); 请将单元格设为文本格式", "91370303MA3C8K7D9C");
const date = (header: string, field: string, required = true) =>
  text(header, field, required, "日期, 写作 YYYY-MM-DD, 或 Excel 日期单元格", "2020-03-01");
const idNumber = (header: string, field: string) =>
  text(header, field, true, "18 位公民身份号码 (或 15 位旧号码); 请将单元格设为文本格式, 否则 Excel 会截断末位", "370303199001010017");

export const importKinds: readonly ImportKind[] = [
  {
    name: "enterprise",
    title: "参保单位",
    agency: "hrss",
    mutation: "saveEnterprises",
    inputType: "EnterpriseInput",
    keyField: "creditCode",
    columns: [
      creditCode("统一社会信用代码", "creditCode"),
      text("单位名称", "name", true, "最多 200 字", "淄博示例化工有限公司"),
      text("行业代码", "industryCode", true, "GB/T 4754-2017 门类字母加 2 至 4 位数字", "C2614"),
      text("所在地区", "regionCode", true, "GB/T 2260 县级行政区划代码, 6 位数字", "370303"),
      date("参保登记日期", "registeredOn"),
    ],
  },
  {
    name: "person",
    title: "参保人员",
    agency: "hrss",
    mutation: "savePersons",
    inputType: "PersonInput",
    keyField: "idNumber",
    columns: [
      idNumber("公民身份号码", "idNumber"),
      text("姓名", "name", true, "最多 60 字", "张三"),
      text("手机号码", "phone", false, "11 位手机号码", "13800000000"),
      creditCode("参保单位统一社会信用代码", "employerCreditCode", false),
      date("参保日期", "insuredSince", false),
    ],
  },
  {
    name: "construction-project",
    title: "建设工程项目",
    agency: "housing",
    mutation: "saveConstructionProjects",
    inputType: "ConstructionProjectInput",
    keyField: "permitNo",
    columns: [
      text("施工许可证编号", "permitNo", true, "最多 24 个字符, 不含空格", "370303202401150001"),
      text("项目名称", "name", true, "最多 200 字", "示例综合楼"),
      creditCode("施工总承包单位统一社会信用代码", "creditCode"),
      text("项目所在地区", "regionCode", true, "GB/T 2260 县级行政区划代码, 6 位数字", "370303"),
      date("发证日期", "permitIssuedOn"),
      {
        ...text("项目状态", "status", true, "下列之一", "在建"),
        allowed: "在建、停工、竣工",
        parse: oneOf({ 在建: "UNDER_CONSTRUCTION", 停工: "SUSPENDED", 竣工: "COMPLETED" }),
      },
      text("合同金额(元)", "contractValueYuan", true, "以元为单位, 最多两位小数, 不写千分位", "123456789.12"),
    ],
  },
  {
    name: "operating-licence",
    title: "道路运输经营许可",
    agency: "transport",
    mutation: "saveOperatingLicences",
    inputType: "OperatingLicenceInput",
    keyField: "licenceNo",
    columns: [
      text("许可证号", "licenceNo", true, "最多 40 个字符, 不含空格", "鲁交运管许可淄字370303000001号"),
      creditCode("经营者统一社会信用代码", "creditCode"),
      {
        ...text("经营范围", "scopes", true, "一项或多项, 用顿号、逗号或分号分隔", "普通货运、危险货物运输"),
        allowed: "普通货运、旅客运输、危险货物运输",
        parse: (cell) =>
          cell
            .split(/[、,，;；]/)
            .map((scope) => oneOf({ 普通货运: "FREIGHT", 旅客运输: "PASSENGER", 危险货物运输: "HAZARDOUS_GOODS" })(scope.trim())),
      },
      date("有效期至", "validUntil"),
    ],
  },
  {
    name: "safety-licence",
    title: "安全生产许可证",
    agency: "emergency",
    mutation: "saveSafetyLicences",
    inputType: "SafetyLicenceInput",
    keyField: "licenceNo",
    columns: [
      text("许可证编号", "licenceNo", true, "最多 40 个字符, 不含空格", "(鲁)WH安许证字[2024]030001"),
      creditCode("持证单位统一社会信用代码", "creditCode"),
      {
        ...text("许可类别", "kind", true, "下列之一", "危险化学品生产"),
        allowed: "危险化学品生产、危险化学品经营、非煤矿山、煤矿",
        parse: oneOf({
          危险化学品生产: "HAZARDOUS_CHEMICALS_PRODUCTION",
          危险化学品经营: "HAZARDOUS_CHEMICALS_OPERATION",
          非煤矿山: "NON_COAL_MINE",
          煤矿: "COAL_MINE",
        }),
      },
      date("有效期起始日", "validFrom"),
    ],
  },
  {
    name: "health-examination",
    title: "职业健康检查",
    agency: "health",
    mutation: "saveHealthExaminations",
    inputType: "HealthExaminationInput",
    keyField: "reportNo",
    columns: [
      text("体检报告编号", "reportNo", true, "最多 40 个字符, 不含空格", "ZJ-2024-000123"),
      idNumber("公民身份号码", "idNumber"),
      creditCode("用人单位统一社会信用代码", "creditCode"),
      date("体检日期", "examinedOn"),
      {
        ...text("检查类别", "kind", true, "下列之一", "在岗期间"),
        allowed: "上岗前、在岗期间、离岗时",
        parse: oneOf({ 上岗前: "PRE_EMPLOYMENT", 在岗期间: "ON_DUTY", 离岗时: "DEPARTURE" }),
      },
      {
        ...text("检查结论", "result", true, "下列之一", "未见异常"),
        allowed: "未见异常、复查、疑似职业病、职业禁忌证",
        parse: oneOf({ 未见异常: "NORMAL", 复查: "RECHECK", 疑似职业病: "SUSPECTED_DISEASE", 职业禁忌证: "CONTRAINDICATION" }),
      },
    ],
  },
  {
    name: "training-session",
    title: "工会工伤预防培训",
    agency: "unions",
    mutation: "saveTrainingSessions",
    inputType: "TrainingSessionInput",
    keyField: "sessionNo",
    columns: [
      text("培训编号", "sessionNo", true, "最多 40 个字符, 不含空格", "GH-2024-0520"),
      date("培训日期", "heldOn"),
      text("培训主题", "topic", true, "最多 200 字", "工伤预防进企业"),
      { ...text("参训人数", "attendees", true, "整数, 1 至 100000", "80"), parse: wholeNumber },
      { ...text("学时", "hours", true, "整数, 1 至 200", "4"), parse: wholeNumber },
    ],
  },
];

export function importKind(name: string): ImportKind {
  const kind = importKinds.find((candidate) => candidate.name === name);
  if (!kind) throw new Error(`--kind 应为 ${importKinds.map((candidate) => candidate.name).join("、")} 之一, 收到 "${name}"`);
  return kind;
}

/** The kind asked, if the department maintains it. */
export function ownKind(kindName: string, agency: string): ImportKind {
  const kind = importKind(kindName);
  if (kind.agency !== agency) {
    throw new ImportProblem(`${kind.title} (${kind.name}) 由 ${kind.agency} 维护, ${agency} 不能导入他部门的记录`, "FORBIDDEN");
  }
  return kind;
}
