import { Alert, Button, Form, Input, Layout, Menu, Select, Space, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { Link, useLocation } from "react-router-dom";
import { purposes } from "../../kernel/purposes";
import { agencyFullNames, agencyNames, roleNames } from "../../reference/labels";
import { useSession, useSignedIn } from "./session";

const pages = [
  { key: "/enterprises", label: "一企一档" },
  { key: "/persons", label: "人员查询" },
  { key: "/sharing", label: "共享目录与授权" },
  { key: "/inspections", label: "联合检查" },
  { key: "/report", label: "会议报告" },
  { key: "/import", label: "数据导入" },
  { key: "/audit", label: "审计" },
];

/** Purpose and case, chosen once for the work at hand; every request carries them. */
function WorkChooser() {
  const { work, setWork } = useSession();
  const [purpose, setPurpose] = useState(work?.purpose);
  const [caseRef, setCaseRef] = useState(work?.caseRef ?? "");
  const changed = purpose !== work?.purpose || caseRef.trim() !== work?.caseRef;
  return (
    <Form
      layout="inline"
      onFinish={() => purpose && caseRef.trim() && setWork({ purpose, caseRef: caseRef.trim() })}
      data-testid="work-chooser"
    >
      <Form.Item label={<span style={{ color: "#fff" }}>用途</span>} required>
        <Select
          style={{ width: 180 }}
          placeholder="选择用途"
          value={purpose}
          onChange={setPurpose}
          options={Object.entries(purposes).map(([value, label]) => ({ value, label }))}
          data-testid="purpose"
        />
      </Form.Item>
      <Form.Item label={<span style={{ color: "#fff" }}>案件编号</span>} required>
        <Input
          style={{ width: 160 }}
          placeholder="如 LJ-2025-001"
          maxLength={64}
          value={caseRef}
          onChange={(event) => setCaseRef(event.target.value)}
          data-testid="case"
        />
      </Form.Item>
      <Form.Item>
        {changed || !work ? (
          <Button htmlType="submit" type="primary" disabled={!purpose || !caseRef.trim()}>
            确定
          </Button>
        ) : (
          <Tag color="green">已生效</Tag>
        )}
      </Form.Item>
    </Form>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const { work, signOut } = useSession();
  const location = useLocation();
  const selected = pages.find((page) => location.pathname.startsWith(page.key))?.key ?? "/enterprises";
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header style={{ display: "flex", alignItems: "center", gap: 24, paddingInline: 24 }}>
        <Typography.Title level={4} style={{ color: "#fff", margin: 0, whiteSpace: "nowrap" }}>
          联防工作台
        </Typography.Title>
        <WorkChooser />
        <Space style={{ marginLeft: "auto", color: "#fff" }} data-testid="who">
          <span title={agencyFullNames[session.agency]}>{agencyNames[session.agency] ?? session.agency}</span>
          <span>{session.user}</span>
          {session.roles.map((role) => (
            <Tag key={role} color="blue">
              {roleNames[role] ?? role}
            </Tag>
          ))}
          <Button size="small" onClick={signOut}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={pages.map((page) => ({ key: page.key, label: <Link to={page.key}>{page.label}</Link> }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          {work ? (
            children
          ) : (
            <Alert
              type="info"
              showIcon
              message="请先在页面顶部选择用途并填写案件编号"
              description="每次查询都会带上用途和案件编号，记入审计日志，并告知提供数据的部门。"
            />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
