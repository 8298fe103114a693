import { App as AntApp, ConfigProvider, Spin } from "antd";
import zhCN from "antd/locale/zh_CN";
import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { SessionProvider, useSession } from "./session";

// The sign-in page loads without the API client, the router or any page: the first page is small.
const SignIn = lazy(() => import("./pages/SignIn"));
const Workbench = lazy(() => import("./Workbench"));

/** A new department, role or purpose sees nothing cached under the old one. */
const forgetCache = () => void import("./apollo").then(({ client }) => client.clearStore());

function Root() {
  const { session } = useSession();
  return <Suspense fallback={<Spin style={{ display: "block", margin: 48 }} />}>{session ? <Workbench /> : <SignIn />}</Suspense>;
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: "#1f5fa8" } }}>
      <AntApp>
        <SessionProvider onChange={forgetCache}>
          <Root />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
