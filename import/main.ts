import "reflect-metadata";
import { Command } from "commander";
import { SingleBar } from "cli-progress";
import { commonVariables, keyDirectory, readConfig } from "../kernel/config";
import { issueAgencyToken } from "../kernel/identity";
import { ensureDevKeys, loadAgencySigningKey } from "../kernel/keys";
import { subgraphs } from "../subgraphs";
import { importKind, importKinds } from "./kinds";
import { FileProblem, ImportProblem } from "./outcome";
import { runImport, summaryLines, type ImportSummary } from "./run";
import { writeTemplate } from "./template";

const defaultGatewayUrl = "http://127.0.0.1:4000/graphql";

/** The department's token: LIANFANG_TOKEN, or one signed with its development key (an admin, for two hours). */
async function departmentToken(agency: string): Promise<string> {
  if (process.env.LIANFANG_TOKEN) return process.env.LIANFANG_TOKEN;
  const keyDir = keyDirectory(readConfig(commonVariables));
  await ensureDevKeys(
    keyDir,
    subgraphs.map((subgraph) => subgraph.name),
  );
  return issueAgencyToken(await loadAgencySigningKey(keyDir, agency), { agency, user: "import", roles: ["admin"] }, "2h");
}

/** A bar on a terminal; plain lines (one per batch) in a log or a pipe. */
function progressReporter(): { onProgress: (done: number, total: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: "导入 [{bar}] {value}/{total} 行 {percentage}%", stream: process.stderr });
    let started = false;
    return {
      onProgress: (done, total) => {
        if (!started) bar.start(total, done);
        started = true;
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  return { onProgress: (done, total) => process.stderr.write(`已处理 ${done}/${total} 行\n`), stop: () => undefined };
}

function summaryText(summary: ImportSummary): string {
  const lines = summaryLines(summary);
  if (summary.errorsFile) lines.push(`被拒绝的行及原因 (错误说明) 见 ${summary.errorsFile}`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  const program = new Command()
    .name("npm run import --")
    .description("把部门的表格 (xlsx / csv, UTF-8 或 GB18030) 通过网关导入联防中心")
    .option("--agency <name>", "导入的部门")
    .option("--kind <kind>", `记录种类: ${importKinds.map((kind) => kind.name).join(", ")}`)
    .option("--file <path>", "要导入的 .xlsx 或 .csv 文件")
    .option("--dry-run", "只检查, 不保存", false)
    .option("--template <kind>", "生成该种类的导入模板")
    .option("--out <file.xlsx>", "模板的保存路径")
    .parse();
  const options = program.opts<{ agency?: string; kind?: string; file?: string; dryRun: boolean; template?: string; out?: string }>();
  if (options.template) {
    if (!options.out) throw new FileProblem("--template 需要 --out <file.xlsx>");
    await writeTemplate(importKind(options.template), options.out);
    process.stdout.write(`模板已保存到 ${options.out}\n`);
    return;
  }
  if (!options.agency || !options.kind || !options.file) throw new FileProblem("需要 --agency、--kind 和 --file (或 --template 与 --out)");
  const progress = progressReporter();
  try {
    const summary = await runImport({
      agency: options.agency,
      kind: options.kind,
      file: options.file,
      dryRun: options.dryRun,
      gatewayUrl: process.env.LIANFANG_GATEWAY_URL ?? defaultGatewayUrl,
      token: await departmentToken(options.agency),
      onProgress: progress.onProgress,
    });
    progress.stop();
    process.stdout.write(`${summaryText(summary)}\n`);
    if (summary.refused) process.exitCode = 2;
  } finally {
    progress.stop();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof FileProblem || error instanceof ImportProblem;
  process.stderr.write(`${known ? "" : "导入失败: "}${(error as Error).message}\n`);
  process.exit(1);
});
