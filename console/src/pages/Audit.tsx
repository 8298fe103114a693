import { Alert, Button, Card, Form, Input, Space, Table, Tag } from "antd";
import { useState } from "react";
import { purposes } from "../../../kernel/purposes";
import { getJson } from "../apollo";
import { agencyNames, nameOf } from "../../../reference/labels";
import { Problems } from "../problems";
import { useSignedIn } from "../session";

interface Access {
  seq: number;
  at: string;
  agency: string;
  user: string;
  purpose: string | null;
  caseRef: string | null;
  operationName: string | null;
  outcome: string;
}

/** The console percent-encodes case numbers for the header; other clients may not. */
function caseText(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const outcomeTag = (outcome: string) =>
  outcome === "ALLOWED" ? (
    <Tag color="green">已提供</Tag>
  ) : outcome.startsWith("DENIED") ? (
    <Tag color="red">已拒绝（{outcome.slice(7)}）</Tag>
  ) : (
    <Tag>{outcome}</Tag>
  );

/** `GET /audit?pid=`: who read a person's data, when and why; auditors only. */
export default function Audit() {
  const session = useSignedIn();
  const [accesses, setAccesses] = useState<Access[]>();
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const find = async ({ pid }: { pid: string }) => {
    setBusy(true);
    setProblem(undefined);
    const { status, body } = await getJson(`/audit?pid=${encodeURIComponent(pid.trim())}`).catch(() => ({ status: 0, body: undefined }));
    setBusy(false);
    if (status === 200) setAccesses(body.accesses);
    else {
      setAccesses(undefined);
      setProblem(body ?? new Error("无法连接联防平台"));
    }
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {!session.roles.includes("auditor") && (
        <Alert
          type="info"
          showIcon
          message="只有审计员角色可以查阅审计日志"
          description="审计与查阅、管理职责分离（GB/T 39477）；请以审计员身份登录。"
        />
      )}
      <Card title="审计：谁在何时为何查阅了某人的数据">
        <Form layout="inline" onFinish={find} data-testid="audit-form">
          <Form.Item
            name="pid"
            label="人员标识（pid）"
            rules={[{ required: true, pattern: /^\s*[0-9a-f]{32}\s*$/, message: "人员标识为32位十六进制字符" }]}
          >
            <Input style={{ width: 340 }} placeholder="32位，见人员查询页" data-testid="pid" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Problems error={problem} />
      {accesses && (
        <Card title={`共 ${accesses.length} 次访问`}>
          <Table<Access>
            rowKey="seq"
            size="small"
            dataSource={accesses}
            data-testid="audit-trail"
            columns={[
              { title: "序号", dataIndex: "seq" },
              {
                title: "时间",
                dataIndex: "at",
                render: (value: string) => new Date(value).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }),
              },
              { title: "部门", dataIndex: "agency", render: (value: string) => nameOf(agencyNames, value) },
              { title: "用户", dataIndex: "user" },
              { title: "用途", dataIndex: "purpose", render: (value: string | null) => (value ? (purposes[value] ?? value) : "—") },
              { title: "案件", dataIndex: "caseRef", render: (value: string | null) => (value ? caseText(value) : "—") },
              { title: "操作", dataIndex: "operationName", render: (value: string | null) => value ?? "—" },
              { title: "结果", dataIndex: "outcome", render: outcomeTag },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
