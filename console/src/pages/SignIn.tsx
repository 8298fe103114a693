import { useEffect, useId, useState, type FormEvent, type ReactNode } from "react";
import { agencyFullNames, agencyNames, roleNames } from "../../../reference/labels";
import { readToken, useSession } from "../session";
import "./SignIn.css";

// The first page: plain React and one small style sheet, so it shows without loading antd.

interface ConsoleConfig {
  devSignIn: boolean;
  agencies: string[];
  devAgencies: string[];
  roles: string[];
}

function Problem({ children }: { children: ReactNode }) {
  return (
    <div className="sign-in-problem" role="alert">
      <span className="sign-in-problem-icon" aria-hidden />
      {children}
    </div>
  );
}

/** A labelled field with its required mark and, once the person has acted, what is wrong with it. */
function Field({ id, label, problem, children }: { id: string; label: string; problem?: string; children: ReactNode }) {
  return (
    <div className={problem ? "sign-in-field sign-in-field-wrong" : "sign-in-field"}>
      <label className="sign-in-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {problem && (
        <div className="sign-in-field-problem" id={`${id}-problem`}>
          {problem}
        </div>
      )}
    </div>
  );
}

function SubmitButton({ busy = false }: { busy?: boolean }) {
  return (
    <button type="submit" className="sign-in-submit" disabled={busy} aria-busy={busy}>
      {busy && <span className="sign-in-spinner" aria-hidden />}
      登录
    </button>
  );
}

interface DevValues {
  agency: string;
  user: string;
  roles: string[];
}

/** The same rules the gateway applies, said before asking it. */
function devProblems(values: DevValues): Partial<Record<keyof DevValues, string>> {
  return {
    ...(values.agency ? {} : { agency: "请选择部门" }),
    ...(!values.user
      ? { user: "请填写用户名" }
      : /^[\w.@-]{1,64}$/.test(values.user)
        ? {}
        : { user: "用户名为1至64位字母、数字或 . _ @ -" }),
    ...(values.roles.length ? {} : { roles: "至少选择一个角色" }),
  };
}

function DevSignIn({ config }: { config: ConsoleConfig }) {
  const { signIn } = useSession();
  const id = useId();
  const [values, setValues] = useState<DevValues>({ agency: "", user: "", roles: ["viewer"] });
  // A field's problem shows once it has been changed, or all of them once the form is sent.
  const [shown, setShown] = useState<Partial<Record<keyof DevValues, boolean>>>({});
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const problems = devProblems(values);
  const change = <K extends keyof DevValues>(field: K, value: DevValues[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setShown((previous) => ({ ...previous, [field]: true }));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setShown({ agency: true, user: true, roles: true });
    if (Object.keys(problems).length || busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const query = new URLSearchParams({ agency: values.agency, user: values.user.trim(), roles: values.roles.join(",") });
      const response = await fetch(`/console/dev-sign-in?${query}`);
      const body = await response.json();
      if (!response.ok) {
        setProblem(`登录失败：${body.errors?.[0]?.message ?? response.status}`);
        return;
      }
      const session = readToken(body.token);
      if (typeof session === "string") setProblem(session);
      else signIn(session);
    } catch {
      setProblem("无法连接联防平台");
    } finally {
      setBusy(false);
    }
  };
  const shownProblem = (field: keyof DevValues) => (shown[field] ? problems[field] : undefined);
  return (
    <form className="sign-in-form" onSubmit={onSubmit} noValidate data-testid="dev-sign-in">
      <Field id={`${id}-agency`} label="部门" problem={shownProblem("agency")}>
        <select
          id={`${id}-agency`}
          className={values.agency ? "sign-in-input" : "sign-in-input sign-in-placeholder"}
          value={values.agency}
          onChange={(event) => change("agency", event.target.value)}
          aria-invalid={!!shownProblem("agency")}
          data-testid="agency"
        >
          <option value="" disabled>
            选择部门
          </option>
          {config.devAgencies.map((agency) => (
            <option key={agency} value={agency}>
              {`${agencyNames[agency]}（${agencyFullNames[agency]}）`}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-user`} label="用户名" problem={shownProblem("user")}>
        <input
          id={`${id}-user`}
          className="sign-in-input"
          placeholder="如 wang"
          autoComplete="username"
          value={values.user}
          onChange={(event) => change("user", event.target.value)}
          aria-invalid={!!shownProblem("user")}
          data-testid="user"
        />
      </Field>
      <fieldset className={shownProblem("roles") ? "sign-in-field sign-in-field-wrong" : "sign-in-field"}>
        <legend className="sign-in-label">角色</legend>
        <div className="sign-in-roles">
          {config.roles.map((role) => (
            <label key={role} className="sign-in-role">
              <input
                type="checkbox"
                checked={values.roles.includes(role)}
                onChange={(event) =>
                  change(
                    "roles",
                    // Kept in the order the hub lists them, whatever order they are ticked in.
                    config.roles.filter((each) => (each === role ? event.target.checked : values.roles.includes(each))),
                  )
                }
              />
              <span>{roleNames[role] ?? role}</span>
            </label>
          ))}
        </div>
        {shownProblem("roles") && <div className="sign-in-field-problem">{shownProblem("roles")}</div>}
      </fieldset>
      {problem && <Problem>{problem}</Problem>}
      <SubmitButton busy={busy} />
    </form>
  );
}

function TokenSignIn() {
  const { signIn } = useSession();
  const id = useId();
  const [token, setToken] = useState("");
  const [shown, setShown] = useState(false);
  const [problem, setProblem] = useState<string>();
  const missing = shown && !token.trim() ? "请粘贴令牌" : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setShown(true);
    if (!token.trim()) return;
    const session = readToken(token);
    if (typeof session === "string") setProblem(session);
    else signIn(session);
  };
  return (
    <form className="sign-in-form" onSubmit={onSubmit} noValidate data-testid="token-sign-in">
      <p className="sign-in-note">
        粘贴本部门身份认证系统签发的令牌（JWT，EdDSA 签名，kid 为部门代码）。须含声明：agency（部门代码）、sub（用户）、roles（viewer /
        admin / auditor）、aud（lianfang）、exp（有效期），可选 region（6位行政区划代码）。平台用部门登记的公钥验证签名。
      </p>
      <Field id={`${id}-token`} label="部门令牌" problem={missing}>
        <textarea
          id={`${id}-token`}
          className="sign-in-input"
          rows={4}
          placeholder="eyJhbGciOiJFZERTQSIs…"
          spellCheck={false}
          value={token}
          onChange={(event) => {
            setToken(event.target.value);
            setShown(true);
          }}
          aria-invalid={!!missing}
          data-testid="token"
        />
      </Field>
      {problem && <Problem>{problem}</Problem>}
      <SubmitButton />
    </form>
  );
}

/**
 * The sign-in page. `onStart` is called when the person first reaches for a field: the signed-in
 * workbench can load while they type.
 */
export function SignIn({ onStart }: { onStart: () => void }) {
  const [config, setConfig] = useState<ConsoleConfig>();
  const [unreachable, setUnreachable] = useState(false);
  const [tab, setTab] = useState<"dev" | "token">("dev");
  useEffect(() => {
    fetch("/console/config")
      .then((response) => response.json())
      .then(setConfig, () => setUnreachable(true));
  }, []);
  const tabs = config?.devSignIn
    ? [
        { key: "dev" as const, label: "开发环境登录" },
        { key: "token" as const, label: "部门令牌登录" },
      ]
    : [{ key: "token" as const, label: "部门令牌登录" }];
  const active = config?.devSignIn ? tab : "token";
  return (
    <main className="sign-in" onFocus={onStart} onPointerDown={onStart}>
      <section className="sign-in-card" aria-labelledby="sign-in-title">
        <h1 className="sign-in-title" id="sign-in-title">
          联防工作台 · 登录
        </h1>
        <div className="sign-in-body">
          <p className="sign-in-note">工伤预防联防联控数据共享平台：各部门共享数据、联合检查与会议报告。</p>
          {unreachable && <Problem>无法连接联防平台</Problem>}
          {config && (
            <>
              <div className="sign-in-tabs" role="tablist">
                {tabs.map(({ key, label }) => (
                  <button
                    key={key}
                    type="button"
                    role="tab"
                    aria-selected={key === active}
                    className={key === active ? "sign-in-tab sign-in-tab-active" : "sign-in-tab"}
                    onClick={() => setTab(key)}
                  >
                    {label}
                  </button>
                ))}
              </div>
              {/* Both stay mounted: what was typed in one survives a look at the other. */}
              {config.devSignIn && (
                <div role="tabpanel" hidden={active !== "dev"}>
                  <DevSignIn config={config} />
                </div>
              )}
              <div role="tabpanel" hidden={active !== "token"}>
                <TokenSignIn />
              </div>
            </>
          )}
        </div>
      </section>
    </main>
  );
}
