import * as echarts from "echarts";

/** The CJK faces the document is set in; Debian's fonts-noto-cjk first, WenQuanYi as a fallback. */
export const cjkFontFamily = '"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif';

const palette = ["#1f5fa8", "#c0392b", "#e08e0b", "#2e8b57", "#7b4fa0", "#16a2b8", "#8c6d46", "#d4588a", "#5b6770", "#9aa83a", "#3d7dd8"];

/**
 * Draws one chart as an SVG string on the server (ECharts' server-side rendering): no browser, no
 * script in the document, and the same picture in HTML, PDF and print.
 */
export function svgChart(option: echarts.EChartsCoreOption, width = 680, height = 300): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: palette, textStyle: { fontFamily: cjkFontFamily, fontSize: 12 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const legend = (names: string[]) => ({ data: names, top: 0, textStyle: { fontFamily: cjkFontFamily } });
const valueAxis = { type: "value", minInterval: 1 };
const grid = { left: 48, right: 24, top: 36, bottom: 32, containLabel: true };

/** Grouped bars: one category axis, one bar series per measure, the value written on each bar. */
export function barChart(categories: string[], series: { name: string; values: number[] }[], height = 280): string {
  return svgChart(
    {
      grid,
      legend: legend(series.map((entry) => entry.name)),
      xAxis: { type: "category", data: categories, axisLabel: { interval: 0 } },
      yAxis: valueAxis,
      series: series.map((entry) => ({ name: entry.name, type: "bar", data: entry.values, label: { show: true, position: "top" } })),
    },
    680,
    height,
  );
}

/** Lines over the months, for the accidents month by month. */
export function lineChart(categories: string[], series: { name: string; values: (number | null)[] }[]): string {
  return svgChart({
    grid,
    legend: legend(series.map((entry) => entry.name)),
    xAxis: { type: "category", data: categories, boundaryGap: false },
    yAxis: valueAxis,
    series: series.map((entry) => ({ name: entry.name, type: "line", data: entry.values, symbolSize: 6, label: { show: true } })),
  });
}

/** Horizontal bars, largest first from the top: long category names stay readable. */
export function horizontalBarChart(categories: string[], values: number[], name: string): string {
  const height = Math.max(160, 60 + categories.length * 28);
  return svgChart(
    {
      grid: { left: 16, right: 48, top: 16, bottom: 24, containLabel: true },
      xAxis: valueAxis,
      yAxis: { type: "category", data: [...categories].reverse(), axisLabel: { width: 260, overflow: "truncate" } },
      series: [{ name, type: "bar", data: [...values].reverse(), label: { show: true, position: "right" } }],
    },
    680,
    height,
  );
}
