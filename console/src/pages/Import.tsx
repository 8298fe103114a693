import { Alert, Button, Card, Col, Form, Row, Select, Space, Statistic, Table, Typography, Upload } from "antd";
import type { UploadFile } from "antd";
import { useState } from "react";
import { download } from "../apollo";
import type { RefusedRow } from "../../../import/outcome";
import { kindsOf, saveErrorsFile, templatePath, uploadSheet, type ImportAnswer } from "../api/import";
import { agencyNames, nameOf } from "../../../reference/labels";
import { Problems } from "../problems";
import { useSignedIn } from "../session";

function Summary({ answer }: { answer: ImportAnswer }) {
  const { summary, refusedRows, headers, errorsFile } = answer;
  const figures = [
    { title: "读取（行）", value: summary.read },
    { title: "新增", value: summary.inserted },
    { title: "更新", value: summary.updated },
    { title: "未变", value: summary.unchanged },
    { title: "拒绝", value: summary.refused },
  ];
  const columns = [
    { title: "行号", dataIndex: "rowNumber", key: "rowNumber", width: 70 },
    ...headers.map((header, index) => ({
      title: header || `第${index + 1}列`,
      key: `column-${index}`,
      render: (_: unknown, row: RefusedRow) => row.cells[index] ?? "",
    })),
    {
      title: "错误说明",
      key: "problems",
      render: (_: unknown, row: RefusedRow) => (
        <Space direction="vertical" size={0}>
          {row.problems.map((problem) => (
            <Typography.Text key={problem} type="danger">
              {problem}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Card title={summary.dryRun ? "试导入结果（未保存任何数据）" : "导入结果"} data-testid="import-summary">
      <Space direction="vertical" size="middle" style={{ width: "100%" }}>
        <Row gutter={16}>
          {figures.map((figure) => (
            <Col span={4} key={figure.title}>
              <Statistic title={figure.title} value={figure.value} />
            </Col>
          ))}
        </Row>
        {answer.messages.slice(1).map((message) => (
          <Alert key={message} type="info" showIcon message={message} />
        ))}
        {summary.refused > 0 && (
          <>
            <Space>
              <Typography.Text strong>未导入的行</Typography.Text>
              {summary.refused > refusedRows.length && (
                <Typography.Text type="secondary">
                  共 {summary.refused} 行，此处列出前 {refusedRows.length} 行；全部见下载的表格
                </Typography.Text>
              )}
              {errorsFile && (
                <Button onClick={() => saveErrorsFile(errorsFile)} data-testid="download-errors">
                  下载未导入的行（含错误说明）
                </Button>
              )}
            </Space>
            <Table
              size="small"
              rowKey="rowNumber"
              columns={columns}
              dataSource={refusedRows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: true }}
              data-testid="refused-rows"
            />
          </>
        )}
      </Space>
    </Card>
  );
}

/** 数据导入: a department's administrator loads a spreadsheet of its own records through the hub, as `npm run import` does. */
export default function Import() {
  const session = useSignedIn();
  const kinds = kindsOf(session.agency);
  const [kind, setKind] = useState(kinds[0]?.name);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState<"dry" | "real" | "template">();
  const [answer, setAnswer] = useState<ImportAnswer>();
  const [problem, setProblem] = useState<unknown>();
  const department = nameOf(agencyNames, session.agency);
  if (!session.roles.includes("admin")) {
    return <Alert type="info" showIcon message="只有本部门的管理员可以导入数据" description="请以管理员身份登录后再导入。" />;
  }
  if (!kind) return <Alert type="info" showIcon message={`${department}没有可导入的记录种类`} />;
  const file = files[0]?.originFileObj;
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? "dry" : "real");
    setProblem(undefined);
    setAnswer(undefined);
    const result = await uploadSheet(kind, file, dryRun);
    setBusy(undefined);
    if ("answer" in result) setAnswer(result.answer);
    else setProblem(result.refusal);
  };
  const fetchTemplate = async () => {
    setBusy("template");
    const refused = await download(templatePath(kind));
    setBusy(undefined);
    setProblem(refused ? new Error(refused) : undefined);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card title="数据导入">
        <Form layout="vertical" data-testid="import-form">
          <Form.Item label="记录种类" required>
            <Space>
              <Select
                style={{ width: 220 }}
                value={kind}
                onChange={(next) => {
                  setKind(next);
                  setAnswer(undefined);
                }}
                options={kinds.map((candidate) => ({ value: candidate.name, label: candidate.title }))}
                data-testid="import-kind"
              />
              <Button loading={busy === "template"} onClick={() => void fetchTemplate()} data-testid="download-template">
                下载导入模板
              </Button>
            </Space>
          </Form.Item>
          <Form.Item label="表格文件（.xlsx 或 .csv，UTF-8 或 GB18030，不超过 20 MB）" required>
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => {
                setFiles(fileList.slice(-1));
                setAnswer(undefined);
              }}
              data-testid="import-file"
            >
              <Button>选择文件</Button>
            </Upload>
          </Form.Item>
          <Space>
            <Button disabled={!file || !!busy} loading={busy === "dry"} onClick={() => void run(true)} data-testid="dry-run">
              试导入
            </Button>
            <Button
              type="primary"
              disabled={!file || !!busy}
              loading={busy === "real"}
              onClick={() => void run(false)}
              data-testid="import"
            >
              导入
            </Button>
          </Space>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          试导入只检查，不保存。导入以“数据维护”用途、页面顶部的案件编号进行，逐行记入审计日志；按编号识别记录：新编号新增，已有编号更新，内容相同的不做改动，重复导入同一文件不会产生重复记录。
        </Typography.Paragraph>
      </Card>
      <Problems error={problem} />
      {answer && <Summary answer={answer} />}
    </Space>
  );
}
