import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { antdStyles } from "./antd-styles";

/** The gateway the development server forwards API calls to (`npm start` runs it on 4000). */
const hub = process.env.LIANFANG_HUB_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  plugins: [react(), antdStyles()],
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
