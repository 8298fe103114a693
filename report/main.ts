import { Command } from "commander";
import { commonVariables, keyDirectory, readConfig } from "../kernel/config";
import { systemClock } from "../kernel/clock";
import { issueAgencyToken } from "../kernel/identity";
import { loadAgencySigningKey } from "../kernel/keys";
import { departmentNames } from "./fetch";
import { ReportProblem } from "./period";
import { checkRequest, reportFormats, writeReport } from "./run";

const defaultGatewayUrl = "http://127.0.0.1:4000/graphql";

/**
 * LIANFANG_TOKEN, or a viewer's token signed with the department's development key (two hours).
 * A client makes no keys: without one, the hub (npm start) has not made them here.
 */
async function readerToken(agency: string): Promise<string> {
  if (process.env.LIANFANG_TOKEN) return process.env.LIANFANG_TOKEN;
  const keyDir = keyDirectory(readConfig(commonVariables));
  let key: Awaited<ReturnType<typeof loadAgencySigningKey>>;
  try {
    key = await loadAgencySigningKey(keyDir, agency);
  } catch {
    throw new ReportProblem(`没有 ${agency} 的开发密钥 (${keyDir}): 请设置 LIANFANG_TOKEN, 或先在本机运行 npm start`);
  }
  return issueAgencyToken(key, { agency, user: "report", roles: ["viewer"] }, "2h");
}

async function main(): Promise<void> {
  const program = new Command()
    .name("npm run report --")
    .description("生成领导小组会议报告 (HTML / PDF / xlsx), 数据经网关读取并记入审计日志")
    .requiredOption("--region <code>", "GB/T 2260 行政区划代码, 如 370300 (市级、省级汇总其下全部区县)")
    .requiredOption("--period <period>", "报告期间: 年份 2024 或季度 2024-Q2")
    .requiredOption("--format <format>", `输出格式: ${reportFormats.join(", ")} (png: 主要指标页的图片)`)
    .requiredOption("--out <file>", "保存路径")
    .option("--agency <name>", "读取报告的部门 (用开发密钥签发令牌时)", "coordination")
    .option("--case <ref>", "会议或案由编号, 记入审计日志")
    .parse();
  const options = program.opts<{ region: string; period: string; format: string; out: string; agency: string; case?: string }>();
  const request = { regionCode: options.region, period: options.period, format: options.format, clock: systemClock };
  checkRequest(request);
  const model = await writeReport({
    ...request,
    out: options.out,
    gatewayUrl: process.env.LIANFANG_GATEWAY_URL ?? defaultGatewayUrl,
    token: await readerToken(options.agency),
    caseRef: options.case,
  });
  process.stdout.write(`${model.title} 已保存到 ${options.out}\n`);
  for (const department of model.data.missing) {
    process.stderr.write(`注意: ${departmentNames[department.agency] ?? department.agency}${department.reason}, 报告中已注明\n`);
  }
  // The document is written but incomplete: a script running the command must be able to tell.
  if (model.data.missing.length) process.exitCode = 2;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ReportProblem ? "" : "会议报告生成失败: "}${(error as Error).message}\n`);
  process.exit(1);
});
