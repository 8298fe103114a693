import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, Observable } from "@apollo/client";
import { pruneLink } from "./prune";
import { current } from "./session";

/** Sent with every request; the console never sends one without a purpose and a case. */
const workLink = new ApolloLink((operation, forward) => {
  const { session, work } = current;
  if (!session || !work?.purpose || !work.caseRef) {
    return new Observable((observer) => observer.error(new Error(session ? "请先在页面顶部选择用途并填写案件编号" : "请先登录")));
  }
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
    headers: {
      ...headers,
      authorization: `Bearer ${session.token}`,
      "x-lianfang-purpose": work.purpose,
      // Headers carry ASCII only: a case number in Chinese travels percent-encoded.
      "x-lianfang-case": encodeURIComponent(work.caseRef),
    },
  }));
  return forward(operation);
});

export const client = new ApolloClient({
  link: ApolloLink.from([pruneLink, workLink, new HttpLink({ uri: "/graphql" })]),
  cache: new InMemoryCache(),
  // Shared data changes as grants come and go: always ask, and show what arrived beside what failed.
  defaultOptions: {
    watchQuery: { fetchPolicy: "network-only", errorPolicy: "all" },
    query: { fetchPolicy: "network-only", errorPolicy: "all" },
    mutate: { errorPolicy: "none" },
  },
});

/** A route beside /graphql (the audit trail, documents, the import), with the same token and work. */
export function callRoute(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  const { session, work } = current;
  return fetch(path, {
    ...init,
    headers: {
      ...init.headers,
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      ...(work ? { "x-lianfang-purpose": work.purpose, "x-lianfang-case": encodeURIComponent(work.caseRef) } : {}),
    },
  });
}

export async function getJson(path: string): Promise<{ status: number; body: any }> {
  const response = await callRoute(path);
  return { status: response.status, body: await response.json() };
}

/** Saves what a route answers as the file it names; a refusal comes back as its Chinese message. */
export async function download(path: string): Promise<string | undefined> {
  const response = await callRoute(path);
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    return body?.errors?.[0]?.message ?? `下载失败 (HTTP ${response.status})`;
  }
  const named = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get("content-disposition") ?? "");
  saveFile(await response.blob(), named ? decodeURIComponent(named[1]) : "report");
  return undefined;
}

/** Hands the browser a file to save under the name given. */
export function saveFile(content: Blob, fileName: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(content);
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
