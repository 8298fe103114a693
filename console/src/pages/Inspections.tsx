import { useQuery } from "@apollo/client";
import { Card, List, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { InspectionsQuery, type Inspection, type Target } from "../api/inspections";
import { agencyNames, gradeNames, inspectionStatusNames, nameOf } from "../../../reference/labels";
import { Problems } from "../problems";

const enterpriseLink = (enterprise: Target["enterprise"]) =>
  enterprise ? (
    <Link to={`/enterprises/${enterprise.creditCode}`}>{enterprise.name}</Link>
  ) : (
    <Typography.Text type="secondary">（人社暂不可达）</Typography.Text>
  );

const targetColumns = [
  { title: "检查对象", dataIndex: "enterprise", render: enterpriseLink },
  { title: "发现问题", dataIndex: "findings", render: (value: string | null) => value ?? "—" },
  { title: "整改期限", dataIndex: "rectificationDueOn", render: (value: string | null) => value ?? "—" },
  { title: "整改完成", dataIndex: "rectifiedOn", render: (value: string | null) => (value ? <Tag color="green">{value}</Tag> : "—") },
];

export default function Inspections() {
  const [status, setStatus] = useState<string>();
  const { data, loading, error } = useQuery(InspectionsQuery, { variables: status ? { status } : {} });
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Problems error={error} />
      <Card
        title="联合检查"
        extra={
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={Object.entries(inspectionStatusNames).map(([value, label]) => ({ value, label }))}
          />
        }
      >
        <Table<Inspection>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.jointInspections.nodes ?? []}
          data-testid="inspections"
          expandable={{
            expandedRowRender: (inspection) => (
              <Table<Target> rowKey="id" size="small" pagination={false} columns={targetColumns} dataSource={inspection.targets} />
            ),
          }}
          columns={[
            { title: "检查编号", dataIndex: "id" },
            { title: "名称", dataIndex: "title" },
            { title: "牵头部门", dataIndex: "leadAgency", render: (value: string) => nameOf(agencyNames, value) },
            {
              title: "参加部门",
              dataIndex: "agencies",
              render: (values: string[]) => values.map((value) => nameOf(agencyNames, value)).join("、"),
            },
            { title: "计划日期", dataIndex: "plannedOn" },
            { title: "对象数", key: "targets", render: (_: unknown, inspection) => inspection.targets.length },
            { title: "状态", dataIndex: "status", render: (value: string) => <Tag>{nameOf(inspectionStatusNames, value)}</Tag> },
          ]}
        />
      </Card>
      <Card title={<Typography.Text type="danger">逾期未整改</Typography.Text>}>
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.overdueRectifications.nodes ?? []}
          data-testid="overdue"
          onRow={() => ({ style: { background: "#fff1f0" } })}
          locale={{ emptyText: "没有逾期未整改的对象" }}
          columns={[{ title: "联合检查", dataIndex: ["inspection", "title"] }, ...targetColumns.slice(0, 3)]}
        />
      </Card>
      <Card title="典型案例通报">
        <List
          loading={loading}
          dataSource={data?.typicalCaseBulletins.nodes ?? []}
          locale={{ emptyText: "暂无通报" }}
          renderItem={(bulletin) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space>
                    {bulletin.title}
                    <Typography.Text type="secondary">{bulletin.publishedOn}</Typography.Text>
                    {bulletin.accident && <Tag color="orange">{nameOf(gradeNames, bulletin.accident.grade)}事故</Tag>}
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>{bulletin.summary}</Typography.Paragraph>
                    <Typography.Text type="secondary">警示：{bulletin.lessons}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
