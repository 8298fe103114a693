import { Alert, Button, Card, Checkbox, Form, Input, Select, Tabs, Typography } from "antd";
import { useEffect, useState } from "react";
import { agencyFullNames, agencyNames, roleNames } from "../../../reference/labels";
import { readToken, useSession } from "../session";

interface ConsoleConfig {
  devSignIn: boolean;
  agencies: string[];
  devAgencies: string[];
  roles: string[];
}

function DevSignIn({ config }: { config: ConsoleConfig }) {
  const { signIn } = useSession();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (values: { agency: string; user: string; roles: string[] }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const query = new URLSearchParams({ agency: values.agency, user: values.user.trim(), roles: values.roles.join(",") });
      const response = await fetch(`/console/dev-sign-in?${query}`);
      const body = await response.json();
      if (!response.ok) {
        setProblem(`登录失败：${body.errors?.[0]?.message ?? response.status}`);
        return;
      }
      const session = readToken(body.token);
      if (typeof session === "string") setProblem(session);
      else signIn(session);
    } catch {
      setProblem("无法连接联防平台");
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={onFinish} initialValues={{ roles: ["viewer"] }} data-testid="dev-sign-in">
      <Form.Item name="agency" label="部门" rules={[{ required: true, message: "请选择部门" }]}>
        <Select
          placeholder="选择部门"
          options={config.devAgencies.map((agency) => ({ value: agency, label: `${agencyNames[agency]}（${agencyFullNames[agency]}）` }))}
          data-testid="agency"
        />
      </Form.Item>
      <Form.Item
        name="user"
        label="用户名"
        rules={[
          { required: true, message: "请填写用户名" },
          { pattern: /^[\w.@-]{1,64}$/, message: "用户名为1至64位字母、数字或 . _ @ -" },
        ]}
      >
        <Input placeholder="如 wang" data-testid="user" />
      </Form.Item>
      <Form.Item name="roles" label="角色" rules={[{ required: true, message: "至少选择一个角色" }]}>
        <Checkbox.Group options={config.roles.map((role) => ({ value: role, label: roleNames[role] ?? role }))} />
      </Form.Item>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={busy} block>
        登录
      </Button>
    </Form>
  );
}

function TokenSignIn() {
  const { signIn } = useSession();
  const [problem, setProblem] = useState<string>();
  return (
    <Form
      layout="vertical"
      onFinish={({ token }: { token: string }) => {
        const session = readToken(token);
        if (typeof session === "string") setProblem(session);
        else signIn(session);
      }}
      data-testid="token-sign-in"
    >
      <Typography.Paragraph type="secondary">
        粘贴本部门身份认证系统签发的令牌（JWT，EdDSA 签名，kid 为部门代码）。须含声明：agency（部门代码）、sub（用户）、roles（viewer /
        admin / auditor）、aud（lianfang）、exp（有效期），可选 region（6位行政区划代码）。平台用部门登记的公钥验证签名。
      </Typography.Paragraph>
      <Form.Item name="token" label="部门令牌" rules={[{ required: true, message: "请粘贴令牌" }]}>
        <Input.TextArea rows={4} placeholder="eyJhbGciOiJFZERTQSIs…" data-testid="token" />
      </Form.Item>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block>
        登录
      </Button>
    </Form>
  );
}

export default function SignIn() {
  const [config, setConfig] = useState<ConsoleConfig>();
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    fetch("/console/config")
      .then((response) => response.json())
      .then(setConfig, () => setUnreachable(true));
  }, []);
  const tokenTab = { key: "token", label: "部门令牌登录", children: <TokenSignIn /> };
  return (
    <div style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "#eef2f7" }}>
      <Card title="联防工作台 · 登录" style={{ width: 460 }}>
        <Typography.Paragraph type="secondary">工伤预防联防联控数据共享平台：各部门共享数据、联合检查与会议报告。</Typography.Paragraph>
        {unreachable && <Alert type="error" showIcon message="无法连接联防平台" style={{ marginBottom: 16 }} />}
        {config && (
          <Tabs
            items={
              config.devSignIn ? [{ key: "dev", label: "开发环境登录", children: <DevSignIn config={config} /> }, tokenTab] : [tokenTab]
            }
          />
        )}
      </Card>
    </div>
  );
}
