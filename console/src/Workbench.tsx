import { ApolloProvider } from "@apollo/client";
import { App as AntApp, ConfigProvider, Spin } from "antd";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense } from "react";
import { HashRouter, Navigate, Route, Routes } from "react-router-dom";
import { client } from "./apollo";
import { Shell } from "./Shell";
import { theme } from "./theme";
// antd's styles, extracted when the console is built: antd need not compute them here.
import "virtual:antd-styles.css";

// Each page is its own chunk, loaded when first opened.
const Enterprises = lazy(() => import("./pages/Enterprises"));
const EnterprisePage = lazy(() => import("./pages/Enterprise"));
const Persons = lazy(() => import("./pages/Persons"));
const Sharing = lazy(() => import("./pages/Sharing"));
const Inspections = lazy(() => import("./pages/Inspections"));
const Report = lazy(() => import("./pages/Report"));
const Import = lazy(() => import("./pages/Import"));
const Audit = lazy(() => import("./pages/Audit"));

/** What a signed-in person works in: antd in Chinese, the API client, the pages and the frame around them. */
export default function Workbench() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <ApolloProvider client={client}>
          <HashRouter>
            <Shell>
              <Suspense fallback={<Spin style={{ display: "block", margin: 48 }} />}>
                <Routes>
                  <Route path="/" element={<Navigate to="/enterprises" replace />} />
                  <Route path="/enterprises" element={<Enterprises />} />
                  <Route path="/enterprises/:creditCode" element={<EnterprisePage />} />
                  <Route path="/persons" element={<Persons />} />
                  <Route path="/sharing" element={<Sharing />} />
                  <Route path="/inspections" element={<Inspections />} />
                  <Route path="/report" element={<Report />} />
                  <Route path="/import" element={<Import />} />
                  <Route path="/audit" element={<Audit />} />
                  <Route path="*" element={<Navigate to="/enterprises" replace />} />
                </Routes>
              </Suspense>
            </Shell>
          </HashRouter>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
