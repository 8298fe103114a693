import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { ReportProblem } from "./period";

/** Debian's Chromium, or the one LIANFANG_CHROMIUM names; a browser is never downloaded. */
export function chromiumPath(): string | undefined {
  return [process.env.LIANFANG_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (candidate): candidate is string => !!candidate && existsSync(candidate),
  );
}

async function withBrowser<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new ReportProblem(
      "找不到 Chromium, 无法打印 PDF: 请安装 Debian 的 chromium (apt-get install chromium fonts-noto-cjk) 或以 LIANFANG_CHROMIUM 指明其路径",
    );
  }
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}

const footer = `<div style="width:100%;font-size:8pt;color:#5b626b;text-align:center;font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif;">
第 <span class="pageNumber"></span> 页，共 <span class="totalPages"></span> 页</div>`;

/** Prints the HTML document as an A4 PDF with page numbers in the footer. */
export async function printPdf(html: string): Promise<Buffer> {
  return withBrowser(async (browser) => {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready.then(() => true)");
    return page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer,
      margin: { top: "18mm", bottom: "20mm", left: "17mm", right: "17mm" },
    });
  });
}

/**
 * The summary page as a picture (PNG): the document laid out on screen at A4 width (210 mm at 96
 * dpi), cut around the summary with the page's margins, at 1.5× for sharp text.
 */
export async function pictureOfSummary(html: string): Promise<Buffer> {
  return withBrowser(async (browser) => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 }, deviceScaleFactor: 1.5 });
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready.then(() => true)");
    const box = await page.locator("section.summary").boundingBox();
    if (!box) throw new ReportProblem("文档中没有主要指标页");
    const margin = 48;
    return page.screenshot({ fullPage: true, clip: { x: 0, y: Math.max(0, box.y - margin), width: 794, height: box.height + margin + 8 } });
  });
}
