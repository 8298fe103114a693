import { useLazyQuery } from "@apollo/client";
import { Alert, Button, Card, Descriptions, Form, Input, Space, Table, Tag, Typography } from "antd";
import { PersonByIdNumberQuery, restrictedPersonFields } from "../api/person";
import { useCatalogue } from "../catalogue";
import { checkedBy, idNumberProblem } from "../identifiers";
import { nameOf, recognitionStatusNames } from "../../../reference/labels";
import { DeniedField, Problems } from "../problems";

const refused = <Tag data-testid="no-access">无权查看</Tag>;

export default function Persons() {
  const catalogue = useCatalogue();
  const [find, { data, loading, error, called }] = useLazyQuery(PersonByIdNumberQuery);
  const person = data?.personByIdNumber;
  const switches = catalogue.switches(restrictedPersonFields);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card title="人员查询">
        <Form
          layout="inline"
          onFinish={({ idNumber }: { idNumber: string }) =>
            void find({ variables: { idNumber: idNumber.trim().toUpperCase(), ...switches } })
          }
          data-testid="person-search"
        >
          <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, message: "请填写身份证号" }, checkedBy(idNumberProblem)]}>
            <Input style={{ width: 240 }} placeholder="18位或15位" data-testid="id-number" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={loading || catalogue.loading}>
              查询
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          身份证号、姓名等个人信息为有条件共享：未经授权不显示，授权后按规定脱敏（保留前6位和后4位）。每次查询记入审计日志。
        </Typography.Paragraph>
      </Card>
      <Problems error={error} except={person ? ["SUBGRAPH_UNAVAILABLE"] : []} />
      {called && !loading && !error && !person && <Alert type="info" showIcon message="没有该身份证号的参保人员" />}
      {person && (
        <Card title="人员信息" data-testid="person">
          <Descriptions column={3} size="small">
            <Descriptions.Item label="人员标识（pid）">{person.pid}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{switches.withIdentity ? person.idNumber : refused}</Descriptions.Item>
            <Descriptions.Item label="姓名">{switches.withIdentity ? person.name : refused}</Descriptions.Item>
            <Descriptions.Item label="性别">
              {switches.withIdentity ? ({ MALE: "男", FEMALE: "女" }[person.gender ?? ""] ?? person.gender) : refused}
            </Descriptions.Item>
            <Descriptions.Item label="出生日期">{switches.withIdentity ? person.birthDate : refused}</Descriptions.Item>
            <Descriptions.Item label="用人单位">{switches.withEmployer ? (person.employer?.name ?? "—") : refused}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>工伤认定（人社）</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={person.injuryRecognitions}
            locale={{ emptyText: "无记录" }}
            columns={[
              { title: "编号", dataIndex: "id" },
              { title: "受伤日期", dataIndex: "injuredOn" },
              { title: "用人单位", dataIndex: ["enterprise", "name"] },
              { title: "状态", dataIndex: "status", render: (value: string) => nameOf(recognitionStatusNames, value) },
            ]}
          />
          <Typography.Title level={5}>职业病（卫健）</Typography.Title>
          {switches.withDiseases ? (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={person.occupationalDiseaseCases ?? []}
              locale={{ emptyText: "无记录" }}
              columns={[
                { title: "病例编号", dataIndex: "id" },
                { title: "病名", dataIndex: "diseaseName" },
                { title: "诊断日期", dataIndex: "diagnosedOn" },
              ]}
            />
          ) : (
            refused
          )}
          <Typography.Title level={5}>建筑工地实名登记（住建）</Typography.Title>
          {switches.withSites ? (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={person.siteRegistrations ?? []}
              locale={{ emptyText: "无记录" }}
              columns={[
                { title: "施工许可证号", dataIndex: "projectPermitNo" },
                { title: "工种", dataIndex: "tradeName" },
                { title: "进场日期", dataIndex: "enteredOn" },
              ]}
            />
          ) : (
            refused
          )}
          <Space direction="vertical" style={{ marginTop: 16 }}>
            {catalogue.refused(restrictedPersonFields).map((entry) => (
              <DeniedField key={entry.resource} denied={entry} />
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}
