import fs from "node:fs";
import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { antdStyles } from "./antd-styles";

/** The gateway the development server forwards API calls to (`npm start` runs it on 4000). */
const hub = process.env.LIANFANG_HUB_URL ?? "http://127.0.0.1:4000";

/**
 * Writes the list of project files the build bundled (the console's own and those it shares with the
 * server, such as report/query.ts) to the file `scripts/console.ts` names, so that it rebuilds when any
 * of them changes.
 */
function recordSources(record: string | undefined): Plugin {
  return {
    name: "lianfang-record-sources",
    apply: "build",
    writeBundle() {
      if (!record) return;
      const files = [...this.getModuleIds()]
        .map((id) => id.split("?")[0])
        .filter((file) => path.isAbsolute(file) && !file.split(path.sep).includes("node_modules"));
      fs.mkdirSync(path.dirname(record), { recursive: true });
      fs.writeFileSync(record, JSON.stringify([...new Set(files)].sort()));
    },
  };
}

export default defineConfig({
  plugins: [react(), antdStyles(), recordSources(process.env.LIANFANG_CONSOLE_SOURCES_RECORD)],
  server: {
    port: 5173,
    // The kernel's identifier checks and purposes are shared with the server, one folder up.
    fs: { allow: [".."] },
    proxy: { "/graphql": hub, "/console/": hub, "/audit": hub },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // No images or fonts to inline: everything ships as files the gateway serves.
    assetsInlineLimit: 0,
    // antd (with the workbench) and ECharts (the report page alone) are each one large chunk by design.
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // Libraries change less often than pages: their own chunks cache well. By path, not by
        // package name: named, Apollo's chunk would also claim React (which it imports), and the
        // first page would load Apollo for it.
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id) || id.includes("commonjsHelpers")) return "react";
          if (/[\\/]node_modules[\\/](@apollo|graphql|graphql-tag|@wry|optimism|zen-observable-ts|ts-invariant)[\\/]/.test(id))
            return "apollo";
          return undefined;
        },
      },
    },
  },
});
