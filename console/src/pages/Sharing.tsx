import { useMutation, useQuery } from "@apollo/client";
import { App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { purposes } from "../../../kernel/purposes";
import type { CatalogueEntry } from "../api/catalogue";
import { ApplicationsQuery, ApplyMutation, ApproveMutation, RefuseMutation, RevokeMutation, type SharingApplication } from "../api/sharing";
import { useCatalogue } from "../catalogue";
import { agencyNames, applicationStatusNames, levelNames, nameOf, resourceNames } from "../../../reference/labels";
import { Problems } from "../problems";
import { current, useSignedIn } from "../session";

const levelColours: Record<string, string> = { UNCONDITIONAL: "green", CONDITIONAL: "gold", NONE: "red" };
const agencies = (owners: string[]) => owners.map((owner) => nameOf(agencyNames, owner)).join("、");
const time = (value: string | null) => (value ? new Date(value).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }) : "—");
const resourceLabel = (resource: string) => (resourceNames[resource] ? `${resourceNames[resource]}（${resource}）` : resource);

function ApplyDialog({ entry, onClose }: { entry: CatalogueEntry; onClose: (applied: boolean) => void }) {
  const { message } = App.useApp();
  const [apply, applying] = useMutation(ApplyMutation);
  const onFinish = async (values: { purpose: string; justification: string; days: number; unmasked?: boolean }) => {
    const result = await apply({ variables: { input: { resource: entry.resource, ...values, unmasked: values.unmasked ?? false } } }).catch(
      () => undefined,
    );
    if (result?.data) {
      message.success(
        `申请已提交，${agencies([result.data.applyForResource.owner])}应于 ${result.data.applyForResource.answerDueOn} 前答复`,
      );
      onClose(true);
    }
  };
  return (
    <Modal open title={`申请使用：${resourceLabel(entry.resource)}`} footer={null} onCancel={() => onClose(false)} destroyOnClose>
      <Typography.Paragraph type="secondary">
        数据属于{agencies(entry.owners)}；{levelNames[entry.level]}，依据：{entry.basis ?? "—"}。申请须在10个工作日内答复。
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={onFinish} initialValues={{ purpose: current.work?.purpose, days: 30 }} data-testid="apply-form">
        <Form.Item name="purpose" label="用途" rules={[{ required: true, message: "请选择用途" }]}>
          <Select options={Object.entries(purposes).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="justification"
          label="申请理由"
          rules={[{ required: true, whitespace: true, message: "请说明为何需要这些数据" }, { max: 500 }]}
        >
          <Input.TextArea rows={3} placeholder="如：联合检查需核对工伤职工伤残等级" data-testid="justification" />
        </Form.Item>
        <Form.Item name="days" label="使用期限（天）" rules={[{ required: true, type: "integer", min: 1, max: 365, message: "1至365天" }]}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        {entry.mask && (
          <Form.Item name="unmasked" valuePropName="checked">
            <Checkbox>申请查看未脱敏数据（须充分说明理由）</Checkbox>
          </Form.Item>
        )}
        <Problems error={applying.error} />
        <Button type="primary" htmlType="submit" loading={applying.loading} block style={{ marginTop: 12 }}>
          提交申请
        </Button>
      </Form>
    </Modal>
  );
}

/** An action that must give its reason (a refusal, a revocation): the button waits for one. */
function WithReason(props: { label: string; loading: boolean; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState("");
  return (
    <Space>
      <Input size="small" placeholder={`${props.label}理由`} value={reason} onChange={(event) => setReason(event.target.value)} />
      <Button size="small" danger disabled={!reason.trim()} loading={props.loading} onClick={() => props.onConfirm(reason.trim())}>
        确认{props.label}
      </Button>
    </Space>
  );
}

function Decide({ application, onDone }: { application: SharingApplication; onDone: () => void }) {
  const session = useSignedIn();
  const [approve, approving] = useMutation(ApproveMutation);
  const [refuse, refusing] = useMutation(RefuseMutation);
  const [asking, setAsking] = useState(false);
  if (!session.roles.includes("admin")) return <Typography.Text type="secondary">须管理员答复</Typography.Text>;
  const run = (promise: Promise<unknown>) => promise.then(onDone, () => undefined);
  return (
    <Space direction="vertical">
      <Space>
        <Button
          type="primary"
          size="small"
          loading={approving.loading}
          onClick={() => run(approve({ variables: { input: { id: application.id } } }))}
        >
          批准
        </Button>
        <Button danger size="small" onClick={() => setAsking(true)}>
          拒绝
        </Button>
      </Space>
      {asking && (
        <WithReason
          label="拒绝"
          loading={refusing.loading}
          onConfirm={(reason) => run(refuse({ variables: { input: { id: application.id, reason } } }))}
        />
      )}
      <Problems error={approving.error ?? refusing.error} />
    </Space>
  );
}

function Revoke({ application, onDone }: { application: SharingApplication; onDone: () => void }) {
  const [revoke, revoking] = useMutation(RevokeMutation);
  return (
    <Space direction="vertical">
      <WithReason
        label="撤销"
        loading={revoking.loading}
        onConfirm={(reason) => revoke({ variables: { input: { id: application.id, reason } } }).then(onDone, () => undefined)}
      />
      <Problems error={revoking.error} />
    </Space>
  );
}

export default function Sharing() {
  const session = useSignedIn();
  const catalogue = useCatalogue();
  const applications = useQuery(ApplicationsQuery, { variables: {} });
  const [params, setParams] = useSearchParams();
  const [applying, setApplying] = useState<CatalogueEntry>();
  const [tab, setTab] = useState("catalogue");
  const wanted = params.get("apply");
  useEffect(() => {
    const entry = wanted ? catalogue.entries.find((candidate) => candidate.resource === wanted) : undefined;
    if (entry) setApplying(entry);
  }, [wanted, catalogue.entries]);
  const refresh = () => {
    void applications.refetch();
    void catalogue.refetch();
  };
  const all = applications.data?.sharingApplications.nodes ?? [];
  const inbox = all.filter((application) => application.owner === session.agency && application.status === "PENDING");
  const mine = all.filter((application) => application.applicant === session.agency);
  // In force by the hub's clock, not the browser's.
  const grants = all.filter((application) => application.inForce);
  const applicationColumns = [
    { title: "编号", dataIndex: "id" },
    { title: "申请部门", dataIndex: "applicant", render: (value: string) => nameOf(agencyNames, value) },
    { title: "数据部门", dataIndex: "owner", render: (value: string) => nameOf(agencyNames, value) },
    { title: "资源", dataIndex: "resource", render: resourceLabel },
    { title: "用途", dataIndex: "purpose", render: (value: string) => purposes[value] ?? value },
    { title: "理由", dataIndex: "justification" },
    { title: "期限", dataIndex: "requestedDays", render: (days: number) => `${days}天` },
    { title: "申请时间", dataIndex: "appliedAt", render: time },
    {
      title: "答复期限",
      dataIndex: "answerDueOn",
      render: (value: string, application: SharingApplication) => (application.overdue ? <Tag color="red">{value} 已逾期</Tag> : value),
    },
    {
      title: "状态",
      dataIndex: "status",
      render: (value: string, application: SharingApplication) => (
        <Space direction="vertical" size={0}>
          <Tag color={{ APPROVED: "green", REFUSED: "red", REVOKED: "default", PENDING: "gold" }[value]}>
            {nameOf(applicationStatusNames, value)}
          </Tag>
          {application.reason && <Typography.Text type="secondary">理由：{application.reason}</Typography.Text>}
        </Space>
      ),
    },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Problems error={catalogue.error ?? applications.error} />
      <Card title="共享目录与授权">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: "catalogue",
              label: "共享目录",
              children: (
                <Table<CatalogueEntry>
                  rowKey="resource"
                  size="small"
                  loading={catalogue.loading}
                  dataSource={catalogue.entries.filter((entry) => !entry.owners.includes(session.agency))}
                  pagination={{ pageSize: 15 }}
                  data-testid="catalogue"
                  columns={[
                    { title: "资源", dataIndex: "resource", render: resourceLabel },
                    { title: "数据部门", dataIndex: "owners", render: agencies },
                    {
                      title: "共享级别",
                      dataIndex: "level",
                      filters: Object.entries(levelNames).map(([value, text]) => ({ value, text })),
                      onFilter: (value, entry) => entry.level === value,
                      render: (level: string) => <Tag color={levelColours[level]}>{nameOf(levelNames, level)}</Tag>,
                    },
                    { title: "依据", dataIndex: "basis", render: (basis: string | null) => basis ?? "—" },
                    { title: "脱敏", dataIndex: "mask", render: (mask: string | null) => (mask ? "脱敏" : "—") },
                    {
                      title: "本部门",
                      key: "access",
                      render: (_: unknown, entry: CatalogueEntry) =>
                        catalogue.readable(entry.resource) ? (
                          <Tag color="green">
                            可查看
                            {entry.grantedPurposes.length
                              ? `（已授权：${entry.grantedPurposes.map((p) => purposes[p] ?? p).join("、")}）`
                              : ""}
                          </Tag>
                        ) : entry.level === "CONDITIONAL" ? (
                          <Button size="small" onClick={() => setApplying(entry)} data-testid={`apply-${entry.resource}`}>
                            申请
                          </Button>
                        ) : (
                          <Tag>不可申请</Tag>
                        ),
                    },
                  ]}
                />
              ),
            },
            {
              key: "inbox",
              label: `待我答复（${inbox.length}）`,
              children: (
                <Table<SharingApplication>
                  rowKey="id"
                  size="small"
                  dataSource={inbox}
                  data-testid="inbox"
                  onRow={(application) => ({ style: application.overdue ? { background: "#fff1f0" } : {} })}
                  columns={[
                    ...applicationColumns,
                    {
                      title: "答复",
                      key: "decide",
                      render: (_: unknown, application) => <Decide application={application} onDone={refresh} />,
                    },
                  ]}
                  locale={{ emptyText: "没有待答复的申请" }}
                />
              ),
            },
            {
              key: "mine",
              label: "我的申请",
              children: (
                <Table<SharingApplication>
                  rowKey="id"
                  size="small"
                  dataSource={mine}
                  columns={applicationColumns}
                  locale={{ emptyText: "本部门尚未申请" }}
                  data-testid="mine"
                />
              ),
            },
            {
              key: "grants",
              label: "生效授权",
              children: (
                <Table<SharingApplication>
                  rowKey="id"
                  size="small"
                  dataSource={grants}
                  data-testid="grants"
                  locale={{ emptyText: "没有生效的授权" }}
                  columns={[
                    ...applicationColumns.slice(0, 5),
                    { title: "未脱敏", dataIndex: "unmasked", render: (value: boolean) => (value ? "是" : "否") },
                    { title: "有效至", dataIndex: "expiresAt", render: time },
                    {
                      title: "操作",
                      key: "revoke",
                      render: (_: unknown, application) =>
                        application.owner === session.agency && session.roles.includes("admin") ? (
                          <Revoke application={application} onDone={refresh} />
                        ) : (
                          "—"
                        ),
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
      {applying && (
        <ApplyDialog
          entry={applying}
          onClose={(applied) => {
            setApplying(undefined);
            if (wanted) setParams({});
            if (applied) {
              refresh();
              setTab("mine");
            }
          }}
        />
      )}
    </Space>
  );
}
