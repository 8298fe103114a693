import { useLazyQuery } from "@apollo/client";
import { Alert, Button, Card, Form, Input, Select, Space, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { EnterpriseByCodeQuery, EnterpriseSearchQuery, type EnterpriseSearchVariables, type EnterpriseSummary } from "../api/enterprise";
import { checkedBy, creditCodeProblem, regionCodeProblem } from "../identifiers";
import { riskClassNames } from "../../../reference/labels";
import { Problems } from "../problems";

interface SearchForm {
  name?: string;
  creditCode?: string;
  industryCode?: string;
  regionCode?: string;
  riskClass?: number;
}

const pageSize = 20;

const columns = [
  {
    title: "企业名称",
    dataIndex: "name",
    render: (name: string, enterprise: EnterpriseSummary) => <Link to={`/enterprises/${enterprise.creditCode}`}>{name}</Link>,
  },
  { title: "统一社会信用代码", dataIndex: "creditCode" },
  { title: "行业代码", dataIndex: "industryCode" },
  { title: "行政区划", dataIndex: "regionCode" },
  { title: "风险类别", dataIndex: "riskClass", render: (riskClass: number | null) => (riskClass ? riskClassNames[riskClass] : "—") },
  { title: "参保人数", dataIndex: "insuredHeadcount" },
];

export default function Enterprises() {
  const [form] = Form.useForm<SearchForm>();
  const [warning, setWarning] = useState<string>();
  const [search, searched] = useLazyQuery(EnterpriseSearchQuery);
  const [byCode, foundByCode] = useLazyQuery(EnterpriseByCodeQuery);
  const [mode, setMode] = useState<"list" | "code">();
  const [cursors, setCursors] = useState<string[]>([]);
  const [filter, setFilter] = useState<EnterpriseSearchVariables>({ first: pageSize });

  const run = (values: SearchForm) => {
    const code = values.creditCode?.trim();
    if (code) {
      setWarning(creditCodeProblem(code).warning);
      setMode("code");
      void byCode({ variables: { creditCode: code.toUpperCase() } });
      return;
    }
    setWarning(undefined);
    const next: EnterpriseSearchVariables = {
      first: pageSize,
      ...(values.name?.trim() ? { nameContains: values.name.trim() } : {}),
      ...(values.regionCode?.trim() ? { regionCode: values.regionCode.trim() } : {}),
      ...(values.industryCode?.trim() ? { industryCode: values.industryCode.trim().toUpperCase() } : {}),
      ...(values.riskClass ? { riskClass: values.riskClass } : {}),
    };
    setFilter(next);
    setCursors([]);
    setMode("list");
    void search({ variables: next });
  };
  const page = (after: string | undefined, trail: string[]) => {
    setCursors(trail);
    void search({ variables: { ...filter, ...(after ? { after } : {}) } });
  };

  const listed = mode === "list" ? searched : foundByCode;
  const rows =
    mode === "list" ? (searched.data?.enterprises.nodes ?? []) : foundByCode.data?.enterprise ? [foundByCode.data.enterprise] : [];
  const pageInfo = mode === "list" ? searched.data?.enterprises.pageInfo : undefined;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Card title="一企一档 · 查找企业">
        <Form form={form} layout="inline" onFinish={run} data-testid="enterprise-search" style={{ rowGap: 12 }}>
          <Form.Item name="name" label="企业名称" rules={[{ max: 50, message: "最多50个字" }]}>
            <Input placeholder="名称中的字词" allowClear data-testid="enterprise-name" />
          </Form.Item>
          <Form.Item name="creditCode" label="统一社会信用代码" rules={[checkedBy((value) => creditCodeProblem(value).error)]}>
            <Input placeholder="18位" allowClear style={{ width: 210 }} data-testid="credit-code" />
          </Form.Item>
          <Form.Item
            name="industryCode"
            label="行业代码"
            rules={[{ pattern: /^[A-Ta-t]?\d{0,4}$/, message: "GB/T 4754 代码，如 26 或 C26" }]}
          >
            <Input placeholder="如 26" allowClear style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="regionCode" label="行政区划" rules={[checkedBy(regionCodeProblem)]}>
            <Input placeholder="如 370303" allowClear style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="riskClass" label="风险类别">
            <Select
              allowClear
              style={{ width: 100 }}
              options={riskClassNames.slice(1).map((label, index) => ({ value: index + 1, label }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={listed.loading}>
              查询
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {warning && <Alert type="warning" showIcon message={warning} />}
      <Problems error={listed.error} />
      {mode && (
        <Card title="查询结果">
          <Table<EnterpriseSummary>
            rowKey="creditCode"
            size="middle"
            loading={listed.loading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: "没有符合条件的企业" }}
            data-testid="enterprise-results"
          />
          {mode === "list" && (
            <Space style={{ marginTop: 16 }}>
              <Button disabled={!cursors.length} onClick={() => page(cursors[cursors.length - 2], cursors.slice(0, -1))}>
                上一页
              </Button>
              <Button
                disabled={!pageInfo?.hasNextPage}
                onClick={() => pageInfo?.endCursor && page(pageInfo.endCursor, [...cursors, pageInfo.endCursor])}
              >
                下一页
              </Button>
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}
