import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the charts the console draws: the rest of ECharts stays out of the bundle.
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts chart; `data-rendered` turns true once it has drawn, for people waiting and for tests. */
export function Chart({ option, testId, height = 300 }: { option: echarts.EChartsCoreOption; testId: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.on("finished", () => element.current?.setAttribute("data-rendered", "true"));
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} style={{ width: "100%", height }} data-testid={testId} />;
}
