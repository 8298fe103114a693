import { ApolloError } from "@apollo/client";
import { Alert, Button, Space, Typography } from "antd";
import type { GraphQLFormattedError } from "graphql";
import { Link } from "react-router-dom";
import { problemOf, titleOf, type Denied, type Problem } from "./explain";
import { agencyNames, levelNames, nameOf, resourceNames } from "../../reference/labels";

/** Every problem an Apollo error or a local one carries, in Chinese. */
export function problemsOf(error: unknown): Problem[] {
  if (error instanceof ApolloError) {
    const network = error.networkError as (Error & { result?: { errors?: GraphQLFormattedError[] } }) | null;
    const fromServer = [...error.graphQLErrors, ...(network?.result?.errors ?? [])];
    if (fromServer.length) return fromServer.map(problemOf);
    if (network) return [{ code: "NETWORK", title: titleOf("NETWORK", {}), original: network.message }];
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
              <Typography.Text type="secondary">{problem.detail}</Typography.Text>
            ) : problem.original ? (
              <Typography.Text type="secondary">平台原文（供技术支持）：{problem.original}</Typography.Text>
            ) : undefined
          }
        />
      ))}
    </Space>
  );
}
