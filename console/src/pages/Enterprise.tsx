import { useQuery } from "@apollo/client";
import { Alert, Card, Descriptions, Space, Spin, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { useParams } from "react-router-dom";
import { EnterpriseRecordQuery, restrictedEnterpriseFields, type EnterpriseRecord } from "../api/enterprise";
import { useCatalogue } from "../catalogue";
import {
  agencyFullNames,
  agencyNames,
  checkStatusNames,
  gradeNames,
  inspectionStatusNames,
  nameOf,
  projectStatusNames,
  recognitionStatusNames,
  riskClassNames,
  vehicleClassNames,
} from "../../../reference/labels";
import { DeniedField, Problems, unavailableDepartments } from "../problems";

const refusedTag = (
  <Tag color="default" data-testid="no-access">
    无权查看
  </Tag>
);
/** Deadlines are China days (UTC+8, no daylight saving). */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const day = (value: string | null | undefined) => (value ? value.slice(0, 10) : "—");
const yesNo = (late: boolean) => (late ? <Tag color="red">迟报</Tag> : <Tag color="green">按时</Tag>);

type Row<Key extends keyof EnterpriseRecord> = NonNullable<EnterpriseRecord[Key]> extends (infer Item)[] ? Item : never;

/** One department's shared record of the enterprise, labelled with its department; greyed out while it is down. */
function Section<Key extends keyof EnterpriseRecord>(props: {
  owner: string;
  title: string;
  rows: EnterpriseRecord[Key];
  columns: ColumnsType<Row<Key>>;
  rowKey: string;
  down: boolean;
  refused?: ReactNode;
}) {
  const rows = (props.rows ?? []) as Row<Key>[];
  return (
    <Card
      data-testid={`section-${props.owner}`}
      title={
        <Space>
          <Tag color={props.down ? "default" : "blue"}>{agencyNames[props.owner]}</Tag>
          {props.title}
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            数据来源：{agencyFullNames[props.owner]}
          </Typography.Text>
        </Space>
      }
      style={props.down ? { opacity: 0.55, background: "#f5f5f5" } : undefined}
    >
      {props.down ? (
        <Alert type="warning" showIcon message={`${agencyNames[props.owner]}暂时无法访问，本部分数据暂缺；其他部门的数据不受影响。`} />
      ) : (
        <>
          <Table<Row<Key>>
            size="small"
            rowKey={props.rowKey}
            columns={props.columns}
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10 } : false}
            locale={{ emptyText: "无记录" }}
          />
          {props.refused}
        </>
      )}
    </Card>
  );
}

export default function EnterprisePage() {
  const { creditCode = "" } = useParams();
  const catalogue = useCatalogue();
  const ready = catalogue.loaded || !!catalogue.error;
  const { data, loading, error } = useQuery(EnterpriseRecordQuery, {
    variables: { creditCode, ...catalogue.switches(restrictedEnterpriseFields) },
    skip: !ready,
  });
  if (!ready || (loading && !data)) return <Spin tip="加载中" style={{ display: "block", margin: 48 }} />;
  const enterprise = data?.enterprise;
  const down = unavailableDepartments(error);
  const refused = catalogue.refused(restrictedEnterpriseFields);
  const refusedNote = (resource: string) => {
    const entry = refused.find((candidate) => candidate.resource === resource);
    return (
      entry && (
        <div style={{ marginTop: 12 }}>
          <DeniedField denied={entry} />
        </div>
      )
    );
  };
  const isRefused = (resource: string) => refused.some((entry) => entry.resource === resource);
  if (!enterprise) {
    return (
      <Space direction="vertical" style={{ width: "100%" }}>
        <Problems error={error} />
        {!error && <Alert type="info" showIcon message={`没有统一社会信用代码为 ${creditCode} 的参保企业`} />}
      </Space>
    );
  }
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="enterprise-record">
      <Problems error={error} except={["SUBGRAPH_UNAVAILABLE"]} />
      {catalogue.error && <Alert type="warning" showIcon message="共享目录暂时无法读取：有条件共享的字段暂不显示" />}
      <Card
        data-testid="section-hrss"
        title={
          <Space>
            <Tag color="blue">{agencyNames.hrss}</Tag>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {enterprise.name}
            </Typography.Title>
          </Space>
        }
      >
        <Descriptions column={3} size="small">
          <Descriptions.Item label="统一社会信用代码">
            {enterprise.creditCode}
            {enterprise.creditCodeNeedsReview && (
              <Tag color="orange" style={{ marginLeft: 8 }}>
                校验位待核
              </Tag>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="行业代码">{enterprise.industryCode}</Descriptions.Item>
          <Descriptions.Item label="行政区划">{enterprise.regionCode}</Descriptions.Item>
          <Descriptions.Item label="风险类别">{enterprise.riskClass ? riskClassNames[enterprise.riskClass] : "—"}</Descriptions.Item>
          <Descriptions.Item label="参保人数">{enterprise.insuredHeadcount}</Descriptions.Item>
          <Descriptions.Item label="参保登记日期">{enterprise.registeredOn}</Descriptions.Item>
          <Descriptions.Item label="工伤保险费率">
            {enterprise.contributionRateBasisPoints === null ? "—" : `${(enterprise.contributionRateBasisPoints / 100).toFixed(2)}%`}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Section<"injuryRecognitions">
        owner="hrss"
        title="工伤认定"
        rows={enterprise.injuryRecognitions}
        rowKey="id"
        down={down.has("hrss")}
        columns={[
          { title: "编号", dataIndex: "id" },
          { title: "受伤日期", dataIndex: "injuredOn" },
          {
            title: "申请人",
            dataIndex: "applicant",
            render: (value: string) => ({ EMPLOYER: "用人单位", WORKER: "职工或近亲属", UNION: "工会" })[value] ?? value,
          },
          { title: "状态", dataIndex: "status", render: (value: string) => nameOf(recognitionStatusNames, value) },
          { title: "认定日期", dataIndex: "decidedOn", render: day },
          {
            title: "伤残等级",
            dataIndex: "disabilityGrade",
            render: (grade: number | null | undefined) =>
              isRefused("InjuryRecognition.disabilityGrade") ? refusedTag : grade ? `${grade}级` : "—",
          },
        ]}
        refused={refusedNote("InjuryRecognition.disabilityGrade")}
      />
      <Section<"accidents">
        owner="emergency"
        title="生产安全事故"
        rows={enterprise.accidents}
        rowKey="id"
        down={down.has("emergency")}
        columns={[
          { title: "事故编号", dataIndex: "id" },
          {
            title: "发生时间",
            dataIndex: "occurredAt",
            render: (value: string) => new Date(value).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" }),
          },
          { title: "类别", dataIndex: "categoryName" },
          { title: "等级", dataIndex: "grade", render: (value: string) => nameOf(gradeNames, value) },
          { title: "死亡", dataIndex: "deaths" },
          { title: "重伤", dataIndex: "seriousInjuries" },
          { title: "报告", dataIndex: "reportedLate", render: yesNo },
        ]}
      />
      <Section<"occupationalDiseaseCases">
        owner="health"
        title="职业病病例"
        rows={enterprise.occupationalDiseaseCases}
        rowKey="id"
        down={down.has("health")}
        columns={[
          { title: "病例编号", dataIndex: "id" },
          { title: "类别", dataIndex: "categoryName" },
          { title: "病名", dataIndex: "diseaseName" },
          { title: "诊断日期", dataIndex: "diagnosedOn" },
          { title: "诊断机构", dataIndex: "institution", render: (value: string | null) => value ?? "—" },
          { title: "报告", dataIndex: "reportedLate", render: yesNo },
        ]}
      />
      <Section<"vehicles">
        owner="transport"
        title="营运车辆"
        rows={enterprise.vehicles}
        rowKey="plateNumber"
        down={down.has("transport")}
        columns={[
          { title: "车牌号", dataIndex: "plateNumber" },
          { title: "类别", dataIndex: "vehicleClass", render: (value: string) => nameOf(vehicleClassNames, value) },
          { title: "道路运输证号", dataIndex: "transportCertificateNo" },
          { title: "有效期至", dataIndex: "certificateValidUntil" },
        ]}
      />
      <Section<"constructionProjects">
        owner="housing"
        title="建设项目"
        rows={enterprise.constructionProjects}
        rowKey="permitNo"
        down={down.has("housing")}
        columns={[
          { title: "施工许可证号", dataIndex: "permitNo" },
          { title: "项目名称", dataIndex: "name" },
          { title: "状态", dataIndex: "status", render: (value: string) => nameOf(projectStatusNames, value) },
          { title: "发证日期", dataIndex: "permitIssuedOn" },
          { title: "在册工人", dataIndex: "workerCount" },
          {
            title: "合同金额",
            dataIndex: "contractValueYuan",
            render: (value: number | undefined) =>
              isRefused("ConstructionProject.contractValueYuan")
                ? refusedTag
                : value === undefined
                  ? "—"
                  : `${value.toLocaleString("zh-CN")} 元`,
          },
        ]}
        refused={refusedNote("ConstructionProject.contractValueYuan")}
      />
      <Section<"supervisionChecks">
        owner="unions"
        title="劳动保护监督检查"
        rows={enterprise.supervisionChecks}
        rowKey="id"
        down={down.has("unions")}
        columns={[
          { title: "检查编号", dataIndex: "id" },
          { title: "检查日期", dataIndex: "checkedOn" },
          { title: "发现隐患", dataIndex: "hazardsFound" },
          { title: "整改期限", dataIndex: "rectificationDueOn", render: day },
          { title: "状态", dataIndex: "status", render: (value: string) => nameOf(checkStatusNames, value) },
        ]}
      />
      <Section<"jointInspections">
        owner="coordination"
        title="联合检查与整改"
        rows={enterprise.jointInspections}
        rowKey="id"
        down={down.has("coordination")}
        columns={[
          { title: "检查", dataIndex: ["inspection", "title"] },
          { title: "状态", dataIndex: ["inspection", "status"], render: (value: string) => nameOf(inspectionStatusNames, value) },
          { title: "发现问题", dataIndex: "findings", render: (value: string | null) => value ?? "—" },
          { title: "整改期限", dataIndex: "rectificationDueOn", render: day },
          {
            title: "整改",
            dataIndex: "rectifiedOn",
            render: (value: string | null, row) =>
              value ? (
                <Tag color="green">{value} 已整改</Tag>
              ) : row.rectificationDueOn && row.rectificationDueOn < chinaToday() ? (
                <Tag color="red">逾期未整改</Tag>
              ) : (
                "—"
              ),
          },
        ]}
      />
    </Space>
  );
}
