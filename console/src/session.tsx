import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

/** Who is signed in, read from the department token's claims (the gateway verifies the signature). */
export interface Session {
  token: string;
  agency: string;
  user: string;
  roles: string[];
  region?: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/** The work at hand: every request states it (x-lianfang-purpose, x-lianfang-case). */
export interface Work {
  purpose: string;
  caseRef: string;
}

const tokenKey = "lianfang.token";
const workKey = "lianfang.work";

/** The claims of a department token, or why it cannot be used. */
export function readToken(token: string, now = Date.now()): Session | string {
  const parts = token.trim().split(".");
  if (parts.length !== 3) return "令牌格式不对：应为三段以“.”分隔的 JWT";
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(atob(parts[1].replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))),
    );
  } catch {
    return "令牌内容无法读取";
  }
  const { agency, sub, roles, region, exp } = claims;
  if (typeof agency !== "string" || !agency) return "令牌缺少 agency（部门）声明";
  if (typeof sub !== "string" || !sub) return "令牌缺少 sub（用户）声明";
  if (!Array.isArray(roles)) return "令牌缺少 roles（角色）声明";
  if (typeof exp !== "number") return "令牌缺少 exp（有效期）声明";
  if (exp * 1000 <= now) return "令牌已过期，请重新获取";
  return {
    token: token.trim(),
    agency,
    user: sub,
    roles: roles.map(String),
    ...(typeof region === "string" ? { region } : {}),
    expiresAt: exp,
  };
}

function stored<T>(key: string, parse: (text: string) => T | undefined): T | undefined {
  const text = sessionStorage.getItem(key);
  return text ? parse(text) : undefined;
}

/** What the Apollo link reads on every request: kept outside React so a request always sees the latest. */
export const current: { session?: Session; work?: Work } = {
  session: stored(tokenKey, (text) => {
    const session = readToken(text);
    return typeof session === "string" ? undefined : session;
  }),
  work: stored(workKey, (text) => JSON.parse(text) as Work),
};

interface SessionState {
  session?: Session;
  work?: Work;
  signIn: (session: Session) => void;
  signOut: () => void;
  setWork: (work: Work) => void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children, onChange }: { children: ReactNode; onChange: () => void }) {
  const [session, setSession] = useState(current.session);
  const [work, setWorkState] = useState(current.work);
  const signIn = useCallback(
    (next: Session) => {
      sessionStorage.setItem(tokenKey, next.token);
      current.session = next;
      setSession(next);
      onChange();
    },
    [onChange],
  );
  const signOut = useCallback(() => {
    sessionStorage.removeItem(tokenKey);
    current.session = undefined;
    setSession(undefined);
    onChange();
  }, [onChange]);
  const setWork = useCallback(
    (next: Work) => {
      sessionStorage.setItem(workKey, JSON.stringify(next));
      current.work = next;
      setWorkState(next);
      onChange();
    },
    [onChange],
  );
  const value = useMemo(() => ({ session, work, signIn, signOut, setWork }), [session, work, signIn, signOut, setWork]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSession outside SessionProvider");
  return state;
}

/** The signed-in session; pages render only inside a signed-in shell. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error("not signed in");
  return session;
}
