import { ApolloError } from "@apollo/client";
import { Alert, Button, Space, Typography } from "antd";
import type { GraphQLFormattedError } from "graphql";
import { Link } from "react-router-dom";
import { agencyNames, levelNames, nameOf, resourceNames } from "./labels";

/** One field the gateway refused, as `extensions.denied` lists it. */
export interface Denied {
  resource: string;
  owners: string[];
  level: string;
  reason: string;
  apply?: string;
}

/** An error as a clerk reads it: what happened in Chinese, what it concerns, and the server's own words. */
export interface Problem {
  code: string;
  title: string;
  field?: string;
  subgraph?: string;
  denied?: Denied[];
  detail?: string;
}

/** Form fields by the names the API gives them in `extensions.field`. */
const fieldNames: Record<string, string> = {
  creditCode: "统一社会信用代码",
  nameContains: "企业名称",
  regionCode: "行政区划代码",
  industryCode: "行业代码",
  riskClass: "风险类别",
  period: "期间（年份）",
  idNumber: "身份证号",
  pid: "人员标识",
  "input.resource": "共享资源",
  "input.purpose": "用途",
  "input.justification": "申请理由",
  "input.days": "期限（天）",
  "input.reason": "理由",
  "input.id": "申请编号",
};

const fieldName = (field: string) => fieldNames[field] ?? fieldNames[field.replace(/^input\./, "")] ?? field;

function titleOf(code: string, extensions: Record<string, unknown>): string {
  switch (code) {
    case "UNAUTHENTICATED":
      return "身份验证未通过，请重新登录";
    case "FORBIDDEN":
      return extensions.denied ? "无权查看所请求的数据" : "无权进行此操作";
    case "PURPOSE_REQUIRED":
      return "请求未说明用途：请在页面顶部选择用途";
    case "BAD_USER_INPUT":
      return `输入有误：${fieldName(String(extensions.field ?? ""))}`;
    case "SUBGRAPH_UNAVAILABLE":
      return `${nameOf(agencyNames, String(extensions.subgraph))}暂时无法访问，其数据暂缺`;
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
    case "GRAPHQL_VALIDATION_FAILED":
      return "平台暂不支持此查询：相关部门的接口尚未上线";
    case "NETWORK":
      return "无法连接联防平台，请检查网络或稍后再试";
    default:
      return "操作未能完成";
  }
}

function problemOf(error: GraphQLFormattedError): Problem {
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  const code = String(extensions.code ?? "UNKNOWN");
  return {
    code,
    title: titleOf(code, extensions),
    ...(typeof extensions.field === "string" ? { field: extensions.field } : {}),
    ...(typeof extensions.subgraph === "string" ? { subgraph: extensions.subgraph } : {}),
    ...(Array.isArray(extensions.denied) ? { denied: extensions.denied as Denied[] } : {}),
    detail: typeof extensions.reason === "string" ? extensions.reason : error.message,
  };
}

/** Every problem an Apollo error or a local one carries, in Chinese. */
export function problemsOf(error: unknown): Problem[] {
  if (error instanceof ApolloError) {
    const network = error.networkError as (Error & { result?: { errors?: GraphQLFormattedError[] } }) | null;
    const fromServer = [...error.graphQLErrors, ...(network?.result?.errors ?? [])];
    if (fromServer.length) return fromServer.map(problemOf);
    if (network) return [{ code: "NETWORK", title: titleOf("NETWORK", {}), detail: network.message }];
    return [{ code: "LOCAL", title: error.message }];
  }
  if (error && typeof error === "object" && "errors" in error)
    return ((error as { errors: GraphQLFormattedError[] }).errors ?? []).map(problemOf);
  return [{ code: "LOCAL", title: error instanceof Error ? error.message : String(error) }];
}

/** The departments that did not answer, so their sections can say so and grey out. */
export function unavailableDepartments(error: unknown): Set<string> {
  return new Set(
    problemsOf(error).flatMap((problem) => (problem.code === "SUBGRAPH_UNAVAILABLE" && problem.subgraph ? [problem.subgraph] : [])),
  );
}

/** A refused field: who owns it, at which level and why; conditional ones link to the application form. */
export function DeniedField({
  denied,
}: {
  denied: Pick<Denied, "resource" | "owners" | "level"> & { basis?: string | null; reason?: string };
}) {
  return (
    <Space direction="vertical" size={0} data-testid="denied-field">
      <Typography.Text strong>
        无权查看：{nameOf(resourceNames, denied.resource)}（{denied.resource}）
      </Typography.Text>
      <Typography.Text type="secondary">
        {levelNames[denied.level] ?? denied.level}，数据属于{denied.owners.map((owner) => nameOf(agencyNames, owner)).join("、")}
        {denied.basis ? `；依据：${denied.basis}` : ""}
      </Typography.Text>
      {denied.level === "CONDITIONAL" ? (
        <Typography.Text>
          可向数据部门申请授权：
          <Link to={`/sharing?apply=${encodeURIComponent(denied.resource)}`}>
            <Button size="small" type="link">
              申请使用
            </Button>
          </Link>
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">此类数据不予共享，无法申请。</Typography.Text>
      )}
    </Space>
  );
}

/** Errors next to what caused them; `except` leaves out those a page shows in place (a department down). */
export function Problems({ error, except = [] }: { error: unknown; except?: string[] }) {
  if (!error) return null;
  const problems = problemsOf(error).filter((problem) => !except.includes(problem.code));
  if (!problems.length) return null;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="problems">
      {problems.map((problem, index) => (
        <Alert
          key={index}
          type={problem.code === "SUBGRAPH_UNAVAILABLE" ? "warning" : "error"}
          showIcon
          message={problem.title}
          description={
            problem.denied?.length ? (
              <Space direction="vertical">
                {problem.denied.map((denied) => (
                  <DeniedField key={denied.resource} denied={denied} />
                ))}
              </Space>
            ) : problem.detail && problem.detail !== problem.title ? (
              <Typography.Text type="secondary">系统说明：{problem.detail}</Typography.Text>
            ) : undefined
          }
        />
      ))}
    </Space>
  );
}
