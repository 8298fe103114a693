import type { ThemeConfig } from "antd";

/** The workbench's antd theme; the build extracts antd's styles for exactly this theme. */
export const theme: ThemeConfig = { token: { colorPrimary: "#1f5fa8" } };
