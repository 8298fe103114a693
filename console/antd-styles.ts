import { createRequire } from "node:module";
import type { Plugin } from "vite";
import { theme } from "./src/theme";

// antd computes its CSS in the browser, component by component, the first time each renders:
// most of the signed-in first page's main-thread work. The build renders the components the
// workbench uses once, here, and ships their CSS as a file with the workbench; antd's runtime
// finds each style listed in that file (its `data-ant-cssinjs-cache-path` rule) and skips
// computing it. A component missing here still works: its style is computed in the browser.

const require = createRequire(import.meta.url);

/** The CSS of the antd components the workbench uses, with the theme the workbench uses. */
function extractAntdStyles(): string {
  // The same CommonJS instances throughout: antd's StyleProvider and the cache must be the ones it reads.
  const antd = require("antd") as typeof import("antd");
  const { createCache, extractStyle, StyleProvider } = require("@ant-design/cssinjs") as typeof import("@ant-design/cssinjs");
  const { createElement: h } = require("react") as typeof import("react");
  const { renderToString } = require("react-dom/server") as typeof import("react-dom/server");
  const { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Layout, List, Menu, Modal } = antd;
  const { Row, Select, Space, Spin, Statistic, Table, Tabs, Tag, Typography, Upload } = antd;
  const options = [{ value: "a", label: "a" }];
  const columns = [{ title: "a", dataIndex: "a", key: "a" }];
  const everyComponent = [
    h(Layout, null, h(Layout.Header), h(Layout, null, h(Layout.Sider, { theme: "light" }), h(Layout.Content))),
    h(Menu, { mode: "inline", selectedKeys: ["a"], items: [{ key: "a", label: "a" }] }),
    h(Typography.Title, { level: 4 }, "a"),
    h(Typography.Paragraph, { type: "secondary" }, "a"),
    h(Typography.Text, { type: "danger", strong: true }, "a"),
    h(Typography.Link, null, "a"),
    h(Card, { title: "a", size: "small" }, "a"),
    h(Button, { type: "primary", loading: true }, "a"),
    h(Button, { size: "small", danger: true }, "a"),
    h(Button, { type: "link" }, "a"),
    h(Alert, { type: "error", showIcon: true, message: "a", description: "a" }),
    h(
      Form,
      { layout: "vertical" },
      h(Form.Item, { label: "a", required: true, help: "a", validateStatus: "error" }, h(Input)),
      h(Form.Item, null, h(Input.TextArea)),
    ),
    h(Form, { layout: "inline" }, h(Form.Item, { label: "a" }, h(Select, { options, value: "a" }))),
    h(InputNumber),
    h(Checkbox.Group, { options, value: ["a"] }),
    h(Tag, { color: "blue" }, "a"),
    h(Space, null, "a", "b"),
    h(Space.Compact, null, h(Input), h(Button, null, "a")),
    h(Row, { gutter: 16 }, h(Col, { span: 8 }, "a")),
    h(Descriptions, { column: 3, size: "small", bordered: true, items: [{ key: "a", label: "a", children: "a" }] }),
    h(Statistic, { title: "a", value: 1 }),
    h(Spin),
    h(Table, { columns, dataSource: [{ key: "a", a: "a" }], pagination: { pageSize: 1, total: 2 } }),
    h(Table, { columns, dataSource: [] }),
    h(List, { dataSource: ["a"], renderItem: (item) => h(List.Item, null, h(List.Item.Meta, { title: String(item) })) }),
    h(Tabs, { items: [{ key: "a", label: "a", children: "a" }] }),
    h(Upload, null, h(Button, null, "a")),
    h(Modal, { open: true, title: "a" }, "a"),
  ];
  const cache = createCache();
  renderToString(h(StyleProvider, { cache }, h(antd.ConfigProvider, { theme }, h(antd.App, null, ...everyComponent))));
  return extractStyle(cache, { plain: true });
}

const moduleId = "virtual:antd-styles.css";
const resolvedId = `\0${moduleId}`;

/**
 * `import "virtual:antd-styles.css"`: antd's styles, extracted at build time. Empty in development
 * and in any build whose antd is not the production one (its class names would differ).
 */
export function antdStyles(): Plugin {
  let extract = false;
  return {
    name: "lianfang-antd-styles",
    configResolved(config) {
      extract = config.command === "build" && config.isProduction && process.env.NODE_ENV === "production";
    },
    resolveId: (id) => (id === moduleId ? resolvedId : undefined),
    load: (id) => (id === resolvedId ? (extract ? extractAntdStyles() : "") : undefined),
  };
}
