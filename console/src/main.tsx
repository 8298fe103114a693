import { ApolloProvider } from "@apollo/client";
import { App as AntApp, ConfigProvider, Spin } from "antd";
import zhCN from "antd/locale/zh_CN";
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { HashRouter, Navigate, Route, Routes } from "react-router-dom";
import { client } from "./apollo";
import { SessionProvider, useSession } from "./session";
import { Shell } from "./Shell";

// Each page is its own chunk: the sign-in page loads without the charts or the tables.
const SignIn = lazy(() => import("./pages/SignIn"));
const Enterprises = lazy(() => import("./pages/Enterprises"));
const EnterprisePage = lazy(() => import("./pages/Enterprise"));
const Persons = lazy(() => import("./pages/Persons"));
const Sharing = lazy(() => import("./pages/Sharing"));
const Inspections = lazy(() => import("./pages/Inspections"));
const Report = lazy(() => import("./pages/Report"));
const Audit = lazy(() => import("./pages/Audit"));

/** A new department, role or purpose sees nothing cached under the old one. */
const forgetCache = () => void client.clearStore();

const loading = <Spin style={{ display: "block", margin: 48 }} tip="加载中" />;

function Pages() {
  const { session } = useSession();
  if (!session) {
    return (
      <Suspense fallback={loading}>
        <SignIn />
      </Suspense>
    );
  }
  return (
    <Shell>
      <Suspense fallback={loading}>
        <Routes>
          <Route path="/" element={<Navigate to="/enterprises" replace />} />
          <Route path="/enterprises" element={<Enterprises />} />
          <Route path="/enterprises/:creditCode" element={<EnterprisePage />} />
          <Route path="/persons" element={<Persons />} />
          <Route path="/sharing" element={<Sharing />} />
          <Route path="/inspections" element={<Inspections />} />
          <Route path="/report" element={<Report />} />
          <Route path="/audit" element={<Audit />} />
          <Route path="*" element={<Navigate to="/enterprises" replace />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: "#1f5fa8" } }}>
      <AntApp>
        <ApolloProvider client={client}>
          <SessionProvider onChange={forgetCache}>
            <HashRouter>
              <Pages />
            </HashRouter>
          </SessionProvider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
