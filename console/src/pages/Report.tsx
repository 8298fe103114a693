import { useLazyQuery } from "@apollo/client";
import { Alert, Button, Card, Col, Form, Input, Row, Space, Statistic, Typography } from "antd";
import { useMemo, useState } from "react";
import { download } from "../apollo";
import { MeetingReportQuery, type MeetingReport } from "../api/report";
import { Chart } from "../Chart";
import { checkedBy, regionCodeProblem } from "../identifiers";
import { complaintCategoryNames, gradeNames, nameOf, vehicleClassNames } from "../../../reference/labels";
import { Problems, unavailableDepartments } from "../problems";

const lastYear = String(new Date().getFullYear() - 1);

function Missing({ department }: { department: string }) {
  return <Alert type="warning" showIcon message={`${department}暂时无法访问，本部分数据暂缺`} />;
}

function Charts({ report, down }: { report: MeetingReport; down: Set<string> }) {
  const accidents = report.accidentStatistics;
  const diseases = report.occupationalDiseaseStatistics;
  const injuries = report.injuryStatistics;
  const transport = report.transportStatistics;
  const construction = report.constructionSafetyStatistics;
  const unions = report.unionSupervisionStatistics;
  const options = useMemo(
    () => ({
      grades: accidents && {
        tooltip: {},
        legend: { data: ["事故起数", "死亡人数"] },
        xAxis: { type: "category", data: accidents.byGrade.map((row) => nameOf(gradeNames, row.grade)) },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { name: "事故起数", type: "bar", data: accidents.byGrade.map((row) => row.accidents) },
          { name: "死亡人数", type: "bar", data: accidents.byGrade.map((row) => row.deaths) },
        ],
      },
      months: accidents && {
        tooltip: { trigger: "axis" },
        legend: { data: ["事故起数", "死亡人数"] },
        xAxis: { type: "category", data: accidents.byMonth.map((row) => `${Number(row.month.slice(5))}月`) },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { name: "事故起数", type: "line", data: accidents.byMonth.map((row) => row.accidents) },
          { name: "死亡人数", type: "line", data: accidents.byMonth.map((row) => row.deaths) },
        ],
      },
      diseases: diseases && {
        tooltip: { trigger: "item", formatter: "{b}：{c}例（{d}%）" },
        series: [
          { type: "pie", radius: ["35%", "65%"], data: diseases.byCategory.map((row) => ({ name: row.categoryName, value: row.cases })) },
        ],
      },
      injuries: injuries && {
        tooltip: {},
        xAxis: { type: "category", data: ["工伤认定申请", "认定工伤", "一至四级伤残"] },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { type: "bar", data: [injuries.applications, injuries.recognised, injuries.severelyDisabled], itemStyle: { color: "#1f5fa8" } },
        ],
      },
      vehicles: transport && {
        tooltip: {},
        legend: { data: ["营运车辆", "本期到期的道路运输证"] },
        xAxis: {
          type: "category",
          axisLabel: { interval: 0 },
          data: transport.byVehicleClass.map((row) => nameOf(vehicleClassNames, row.vehicleClass)),
        },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { name: "营运车辆", type: "bar", data: transport.byVehicleClass.map((row) => row.vehicles) },
          { name: "本期到期的道路运输证", type: "bar", data: transport.byVehicleClass.map((row) => row.certificatesExpiring) },
        ],
      },
      construction: construction && {
        tooltip: {},
        xAxis: { type: "category", axisLabel: { interval: 0 }, data: ["检查（次）", "隐患（处）", "限期整改", "停工整改"] },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          {
            type: "bar",
            data: [construction.inspections, construction.hazardsFound, construction.rectificationsOrdered, construction.stopWorkOrders],
            itemStyle: { color: "#e08e0b" },
          },
        ],
      },
      complaints: unions && {
        tooltip: {},
        grid: { containLabel: true, left: 8, right: 16 },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: {
          type: "category",
          inverse: true,
          data: unions.complaintsByCategory.map((row) => nameOf(complaintCategoryNames, row.category)),
        },
        series: [{ type: "bar", data: unions.complaintsByCategory.map((row) => row.complaints), itemStyle: { color: "#2e8b57" } }],
      },
    }),
    [accidents, diseases, injuries, transport, construction, unions],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col span={12}>
        <Card title="事故：按等级（应急）">
          {options.grades ? <Chart option={options.grades} testId="chart-grades" /> : <Missing department="应急" />}
        </Card>
      </Col>
      <Col span={12}>
        <Card title="事故：按月份（应急）">
          {options.months ? <Chart option={options.months} testId="chart-months" /> : <Missing department="应急" />}
        </Card>
      </Col>
      <Col span={12}>
        <Card title={`新发职业病：按类别（卫健，共 ${diseases?.newCases ?? "—"} 例）`}>
          {options.diseases ? <Chart option={options.diseases} testId="chart-diseases" /> : <Missing department="卫健" />}
        </Card>
      </Col>
      <Col span={12}>
        <Card title="工伤认定（人社）">
          {options.injuries ? <Chart option={options.injuries} testId="chart-injuries" /> : <Missing department="人社" />}
        </Card>
      </Col>
      <Col span={8}>
        <Card title={`营运车辆：按类别（交通，共 ${transport?.vehicles ?? "—"} 辆）`}>
          {transport && options.vehicles ? (
            <>
              <Chart option={options.vehicles} testId="chart-vehicles" />
              <Typography.Text type="secondary">
                经营者 {transport.licensedOperators} 家，其中许可证本期到期 {transport.licencesExpiring} 家（现有登记）
              </Typography.Text>
            </>
          ) : (
            <Missing department="交通" />
          )}
        </Card>
      </Col>
      <Col span={8}>
        <Card title="施工安全检查（住建）">
          {construction && options.construction ? (
            <>
              <Chart option={options.construction} testId="chart-construction" />
              <Typography.Text type="secondary">
                新发施工许可 {construction.projectsPermitted} 个，进场实名登记工人 {construction.workersEntered} 人
              </Typography.Text>
            </>
          ) : (
            <Missing department="住建" />
          )}
        </Card>
      </Col>
      <Col span={8}>
        <Card title={`职工投诉：按类别（总工会，共 ${unions?.complaintsReceived ?? "—"} 件）`}>
          {unions && options.complaints ? (
            <>
              <Chart option={options.complaints} testId="chart-complaints" />
              <Typography.Text type="secondary">
                劳动保护监督检查 {unions.checks} 次；投诉转办 {unions.complaintsTransferred} 件，已办结 {unions.complaintsResolved} 件
              </Typography.Text>
            </>
          ) : (
            <Missing department="总工会" />
          )}
        </Card>
      </Col>
      {down.size > 0 && (
        <Col span={24}>
          <Typography.Text type="secondary">报告中暂缺部门的数据在其恢复后重新生成即可补齐。</Typography.Text>
        </Col>
      )}
    </Row>
  );
}

const documentFormats = [
  { format: "pdf", label: "下载 PDF" },
  { format: "xlsx", label: "下载 Excel" },
  { format: "html", label: "下载网页版" },
];

/** The same report as a document, made by the hub (`npm run report`), read with this session's token and case. */
function Downloads({ regionCode, period }: { regionCode: string; period: string }) {
  const [making, setMaking] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const fetchDocument = async (format: string) => {
    setMaking(format);
    setProblem(undefined);
    setProblem(await download(`/console/report?${new URLSearchParams({ regionCode, period, format })}`));
    setMaking(undefined);
  };
  return (
    <Space direction="vertical">
      <Space>
        {documentFormats.map(({ format, label }) => (
          <Button
            key={format}
            loading={making === format}
            disabled={making !== undefined}
            onClick={() => void fetchDocument(format)}
            data-testid={`download-${format}`}
          >
            {label}
          </Button>
        ))}
      </Space>
      {problem && <Alert type="error" showIcon message={problem} data-testid="download-problem" />}
    </Space>
  );
}

const periodLabel = (period: string) => (period.includes("-Q") ? `${period.slice(0, 4)}年第${period.slice(6)}季度` : `${period}年度`);

export default function Report() {
  const [load, { data, loading, error }] = useLazyQuery(MeetingReportQuery);
  const report = data?.meetingReport;
  const down = unavailableDepartments(error);
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card title="领导小组会议报告">
        <Form
          layout="inline"
          initialValues={{ regionCode: "370300", period: lastYear }}
          onFinish={(values: { regionCode: string; period: string }) =>
            void load({ variables: { regionCode: values.regionCode.trim(), period: values.period.trim() } })
          }
          data-testid="report-form"
        >
          <Form.Item
            name="regionCode"
            label="行政区划"
            rules={[{ required: true, message: "请填写行政区划代码" }, checkedBy(regionCodeProblem)]}
          >
            <Input style={{ width: 120 }} placeholder="如 370300" data-testid="region-code" />
          </Form.Item>
          <Form.Item
            name="period"
            label="期间"
            rules={[{ pattern: /^(19|20)\d{2}(-Q[1-4])?$/, message: "请填写年份如 2024，或季度如 2024-Q2" }]}
          >
            <Input style={{ width: 100 }} data-testid="period" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={loading}>
              生成报告
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          市级或省级代码汇总其下全部区县；各部门分别统计本部门数据，联席办汇总联合检查情况。
        </Typography.Paragraph>
      </Card>
      <Problems error={error} except={report ? ["SUBGRAPH_UNAVAILABLE"] : []} />
      {report && (
        <>
          <Card
            title={`${report.regionName} ${periodLabel(report.period)}工伤预防联防联控情况`}
            extra={<Downloads regionCode={report.regionCode} period={report.period} />}
            data-testid="report"
          >
            <Row gutter={16}>
              <Col span={4}>
                <Statistic title="联合检查（次）" value={report.jointWork?.inspectionsPlanned ?? "—"} />
              </Col>
              <Col span={4}>
                <Statistic title="已完成检查" value={report.jointWork?.inspectionsClosed ?? "—"} />
              </Col>
              <Col span={4}>
                <Statistic title="检查企业（家）" value={report.jointWork?.enterprisesInspected ?? "—"} />
              </Col>
              <Col span={4}>
                <Statistic title="责令整改" value={report.jointWork?.rectificationsOrdered ?? "—"} />
              </Col>
              <Col span={4}>
                <Statistic title="生产安全事故（起）" value={report.accidentStatistics?.accidents ?? "—"} />
              </Col>
              <Col span={4}>
                <Statistic title="死亡（人）" value={report.accidentStatistics?.deaths ?? "—"} />
              </Col>
            </Row>
          </Card>
          <Charts report={report} down={down} />
        </>
      )}
    </Space>
  );
}
