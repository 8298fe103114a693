import { lazy, StrictMode, Suspense } from "react";
import { createRoot } from "react-dom/client";
import "./main.css";
import { SignIn } from "./pages/SignIn";
import { SessionProvider, useSession } from "./session";

// The first page is React, the session and a plain sign-in form: antd, the API client, the router
// and the pages load with the workbench, once someone signs in.
const loadWorkbench = () => import("./Workbench");
const Workbench = lazy(loadWorkbench);

/** Starts loading the workbench while the person types; the browser fetches and runs it once. */
const prepareWorkbench = () => void loadWorkbench();

/** A new department, role or purpose sees nothing cached under the old one. */
const forgetCache = () => void import("./apollo").then(({ client }) => client.clearStore());

function Root() {
  const { session } = useSession();
  if (!session) return <SignIn onStart={prepareWorkbench} />;
  return (
    <Suspense fallback={<div className="loading" role="status" aria-label="加载中" />}>
      <Workbench />
    </Suspense>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <SessionProvider onChange={forgetCache}>
      <Root />
    </SessionProvider>
  </StrictMode>,
);
