import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Badge, Button, Caption1, Checkbox, Divider, Field, Input, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle,
  Select, Spinner, Text, Textarea, Title3,
} from "@fluentui/react-components";
import { buildCommuneTemplate, buildRollupTemplate, validateGrid, formatDate, formatNumber, formatPercent, formatProgress, todayInVietnam, type Locale, type ValidationIssue, type WorkbookReading } from "@sohoa/core";
import { createClient, newIdempotencyKey, RequestFailed, type Receipt, type SubmitBody, type UnitRow, type UnitSummary } from "./api";
import { translate, type Key } from "./i18n";
import { forgetSession, loadSession, saveSession, type Session } from "./session";
import { buildContext, isLeaf, reportDateFor, templatePrevious, unitRef, validateSheet, type UnitData } from "./validation";
import { inExcel } from "./excel/host";
import { pane, row, shrink, spread, stack } from "./layout";
import { clearMarks, validateAndMark } from "./excel/marks";
import { readWorkbook, selectCell } from "./excel/sheet";
import { insertTemplate } from "./excel/template";
import { ReadingSummary } from "./reading";

const api = createClient();

type Notice = { intent: "success" | "error" | "warning" | "info"; text: string; retry?: () => void };

export function App({ now = () => new Date() }: { now?: () => Date }) {
  const [locale, setLocale] = useState<Locale>("vi");
  const tr = useCallback((k: Key, p?: Record<string, string | number>) => translate(k, locale, p), [locale]);
  const [session, setSession] = useState<Session | null>(() => loadSession(now()));
  const [expired, setExpired] = useState(false);

  function signedIn(s: Session) {
    saveSession(s);
    setSession(s);
    setExpired(false);
    if (s.user.locale) setLocale(s.user.locale);
  }
  function signOut(reason?: "expired") {
    if (session && !reason) void api.logout(session.token).catch(() => undefined);
    forgetSession();
    setSession(null);
    if (reason) setExpired(true);
  }

  return (
    <main style={pane} lang={locale}>
      <div style={spread}>
        <Title3 as="h1">Sohoa</Title3>
        <Link as="button" data-testid="language" onClick={() => setLocale(locale === "vi" ? "en" : "vi")}>{tr("language")}</Link>
      </div>
      {!inExcel() && (
        <MessageBar layout="multiline" intent="warning"><MessageBarBody>{tr("excel.notInExcel")}</MessageBarBody></MessageBar>
      )}
      {session ? (
        <Workspace key={session.token} session={session} locale={locale} tr={tr} now={now} onSignOut={() => signOut()} onExpired={() => signOut("expired")} />
      ) : (
        <SignIn tr={tr} locale={locale} expired={expired} onSignedIn={signedIn} />
      )}
    </main>
  );
}

type Tr = (k: Key, p?: Record<string, string | number>) => string;

function messageOf(e: unknown, locale: Locale, tr: Tr): string {
  if (e instanceof RequestFailed) return e.error.message[locale];
  return tr("error.generic", { message: e instanceof Error ? e.message : String(e) });
}

function SignIn({ tr, locale, expired, onSignedIn }: { tr: Tr; locale: Locale; expired: boolean; onSignedIn: (s: Session) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withPassword() {
    setBusy(true);
    setError(null);
    try {
      const s = await api.login(username.trim(), password);
      setPassword("");
      onSignedIn({ ...s, kind: "session" });
    } catch (e) {
      setError(messageOf(e, locale, tr));
    } finally {
      setBusy(false);
    }
  }
  async function withToken() {
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.me(token.trim());
      onSignedIn({ token: token.trim(), expiresAt: null, user, kind: "token" });
      setToken("");
    } catch (e) {
      setError(messageOf(e, locale, tr));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-label={tr("signIn.title")} style={stack(8)}>
      {expired && <MessageBar layout="multiline" intent="warning"><MessageBarBody>{tr("signIn.expired")}</MessageBarBody></MessageBar>}
      <Field label={tr("signIn.username")}>
        <Input data-testid="username" value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" />
      </Field>
      <Field label={tr("signIn.password")}>
        <Input data-testid="password" type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" onKeyDown={(e) => e.key === "Enter" && username && password && void withPassword()} />
      </Field>
      {error && <MessageBar layout="multiline" intent="error" data-testid="signin-error"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      <Button data-testid="sign-in" appearance="primary" disabled={busy || !username || !password} onClick={() => void withPassword()}>
        {busy ? <Spinner size="tiny" /> : tr("signIn.submit")}
      </Button>
      <Divider>{tr("signIn.orToken")}</Divider>
      <Field label={tr("signIn.token")} hint={tr("signIn.tokenNote")}>
        <Input data-testid="token" type="password" value={token} onChange={(_, d) => setToken(d.value)} />
      </Field>
      <Button data-testid="use-token" disabled={busy || token.trim().length < 8} onClick={() => void withToken()}>{tr("signIn.useToken")}</Button>
    </section>
  );
}

function Workspace({ session, locale, tr, now, onSignOut, onExpired }: { session: Session; locale: Locale; tr: Tr; now: () => Date; onSignOut: () => void; onExpired: () => void }) {
  // The path from the user's own unit down to the chosen one: the picker never leaves the user's scope.
  const [path, setPath] = useState<UnitSummary[]>([session.user.unit]);
  const unit = path[path.length - 1]!;
  const [data, setData] = useState<UnitData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [issues, setIssues] = useState<{ sheet: string; list: ValidationIssue[]; from: "addin" | "server" } | null>(null);
  const [correction, setCorrection] = useState(false);
  const [reason, setReason] = useState("");
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [reading, setReading] = useState<WorkbookReading | null>(null);
  const [needsAck, setNeedsAck] = useState(false);
  // Idempotency: the same body is sent with the same key (a retry after a lost answer is recorded once).
  const pending = useRef<{ body: string; key: string } | null>(null);

  const handle = useCallback(
    (e: unknown): string => {
      if (e instanceof RequestFailed && e.status === 401) {
        onExpired();
        return tr("signIn.expired");
      }
      return messageOf(e, locale, tr);
    },
    [locale, onExpired, tr],
  );

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const [progress, kinds, phases, children] = await Promise.all([
        api.progress(session.token, unit.code),
        api.registerKinds(session.token),
        api.phases(session.token),
        api.units(session.token, unit.id),
      ]);
      setData({ unit: { ...unit, ...pickSummary(progress.unit) }, progress, kinds, phases, children: children.filter((c) => c.active !== false) });
    } catch (e) {
      setLoadError(handle(e));
    }
  }, [handle, session.token, unit]);

  useEffect(() => {
    setData(null);
    setIssues(null);
    setReceipt(null);
    void load();
  }, [load]);

  const today = todayInVietnam(now());

  async function act(name: string, fn: () => Promise<void>) {
    setBusy(name);
    setNotice(null);
    try {
      await fn();
    } catch (e) {
      setNotice({ intent: "error", text: handle(e) });
    } finally {
      setBusy(null);
    }
  }

  const insert = () =>
    act("insert", async () => {
      if (!data) return;
      const previous = templatePrevious(data);
      const template = isLeaf(data)
        ? buildCommuneTemplate({ unit: unitRef(data.unit), registerKinds: data.kinds.map((k, i) => ({ code: k.code, nameVi: k.nameVi, nameEn: k.nameEn, sortOrder: k.sortOrder ?? i })), phases: data.phases, reportDate: reportDateFor(data.unit, today), locale, previous })
        : buildRollupTemplate({ parent: unitRef(data.unit), children: data.children.map(unitRef), reportDate: reportDateFor(data.unit, today), locale, previous });
      const r = await insertTemplate(template, { validationTitle: tr("template.dvTitle"), validationMessage: tr("template.dvMessage") });
      setIssues(null);
      setNotice({ intent: "success", text: tr("template.inserted", { sheet: r.sheetName }) + (r.dataValidation ? "" : tr("template.noValidation")) });
    });

  const ctxFor = () => buildContext(data!, today, correction ? reason.trim() : null);

  const validate = () =>
    act("validate", async () => {
      if (!data) return;
      const r = await validateAndMark((sheet) => validateSheet(sheet, ctxFor()), { locale });
      setIssues({ sheet: r.sheet.name, list: r.issues, from: "addin" });
      setNotice(r.issues.length ? { intent: "info", text: tr("validate.marked", { cells: r.cells }) } : { intent: "success", text: tr("validate.none") });
    });

  const clear = () =>
    act("clear", async () => {
      await clearMarks();
      setIssues(null);
    });

  async function send(acceptWarnings: boolean) {
    if (!data) return;
    if (correction && reason.trim().length < 3) {
      setNotice({ intent: "error", text: tr("submit.reasonMissing") });
      return;
    }
    setBusy("submit");
    setNotice(null);
    setReceipt(null);
    setReading(null);
    try {
      // Read every visible sheet and check them here first; nothing in the workbook is written on this path. A
      // commune's context is complete here; a parent's lists only its direct units, so the server decides for it.
      const { sheets } = await readWorkbook();
      const local = validateGrid({ sheets }, ctxFor()).issues;
      if (isLeaf(data) && local.some((i) => i.severity === "error")) {
        const r = await validateAndMark((s) => validateSheet(s, ctxFor()), { locale });
        setIssues({ sheet: r.sheet.name, list: r.issues, from: "addin" });
        setNotice({ intent: "error", text: translate("validation.summary", locale, { errors: r.issues.filter((i) => i.severity === "error").length, warnings: r.issues.filter((i) => i.severity === "warning").length }) });
        return;
      }
      const body: SubmitBody = { unitCode: data.unit.code, grid: { sheets }, source: "ADDIN", ...(acceptWarnings ? { acceptWarnings: true } : {}), ...(correction ? { correctionReason: reason.trim() } : {}) };
      await post(body);
    } catch (e) {
      setNotice({ intent: "error", text: handle(e) });
    } finally {
      setBusy(null);
    }
  }

  async function post(body: SubmitBody) {
    const text = JSON.stringify(body);
    if (!pending.current || pending.current.body !== text) pending.current = { body: text, key: newIdempotencyKey() };
    const key = pending.current.key;
    try {
      const r = await api.submit(session.token, body, key);
      pending.current = null;
      setReceipt(r);
      setReading(r.reading ?? null);
      setNeedsAck(false);
      setIssues(r.warnings.length ? { sheet: body.grid.sheets[0]!.name, list: r.warnings, from: "server" } : null);
      setCorrection(false);
      setReason("");
      void load();
    } catch (e) {
      if (e instanceof RequestFailed && e.offline) {
        setNotice({ intent: "error", text: `${e.error.message[locale]} ${tr("submit.networkKept")}`, retry: () => void retry(body) });
        return;
      }
      if (e instanceof RequestFailed && e.status === 422 && e.error.issues) {
        pending.current = null;
        setReading(e.error.reading ?? null);
        const errors = e.error.issues.filter((i) => i.severity === "error");
        setIssues({ sheet: body.grid.sheets[0]!.name, list: e.error.issues, from: "server" });
        setNeedsAck(errors.length === 0);
        setNotice({ intent: errors.length ? "error" : "warning", text: errors.length ? tr("submit.errors") : tr("submit.warnings") });
        return;
      }
      throw e;
    }
  }

  async function retry(body: SubmitBody) {
    setBusy("submit");
    setNotice(null);
    try {
      await post(body);
    } catch (e) {
      setNotice({ intent: "error", text: handle(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div style={spread}>
        <Caption1 data-testid="user">{session.user.displayName}</Caption1>
        <Button size="small" data-testid="sign-out" onClick={onSignOut}>{tr("signOut")}</Button>
      </div>
      <UnitPicker tr={tr} path={path} children={data?.children ?? []} onPick={(u) => setPath([...path, u])} onUp={() => setPath(path.slice(0, -1))} />
      {loadError && (
        <MessageBar layout="multiline" intent="error"><MessageBarBody>{loadError}</MessageBarBody><MessageBarActions><Button size="small" onClick={() => void load()}>{tr("submit.retry")}</Button></MessageBarActions></MessageBar>
      )}
      {!data && !loadError && <Spinner size="small" label={tr("progress.loading")} />}
      {data && <ProgressCard data={data} locale={locale} tr={tr} />}
      <Divider />
      <div style={row}>
        <Button data-testid="insert-template" disabled={!data || !!busy || !inExcel()} onClick={() => void insert()}>{busy === "insert" ? <Spinner size="tiny" /> : translate("action.insertTemplate", locale)}</Button>
        <Button data-testid="validate" disabled={!data || !!busy || !inExcel()} onClick={() => void validate()}>{busy === "validate" ? <Spinner size="tiny" /> : translate("action.validate", locale)}</Button>
        <Button data-testid="clear-marks" disabled={!!busy || !inExcel()} onClick={() => void clear()}>{tr("validate.clear")}</Button>
      </div>
      <Checkbox data-testid="correction" checked={correction} onChange={(_, d) => setCorrection(!!d.checked)} label={tr("submit.correction")} />
      {correction && (
        <Field label={tr("submit.reason")} required>
          <Textarea data-testid="reason" value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
      )}
      <Button data-testid="submit" appearance="primary" disabled={!data || !!busy || !inExcel()} onClick={() => void send(false)}>
        {busy === "submit" ? <Spinner size="tiny" label={tr("submit.sending")} /> : translate("action.submit", locale)}
      </Button>
      {notice && (
        <MessageBar layout="multiline" intent={notice.intent} data-testid="notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
          {notice.retry && (
            <MessageBarActions>
              <Button data-testid="retry" size="small" onClick={notice.retry}>{tr("submit.retry")}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {needsAck && (
        <Button data-testid="accept-warnings" appearance="primary" disabled={!!busy} onClick={() => void send(true)}>{translate("action.acceptWarnings", locale)}</Button>
      )}
      {receipt && <ReceiptCard receipt={receipt} tr={tr} />}
      {reading && <ReadingSummary reading={reading} locale={locale} />}
      {issues && <Problems issues={issues} locale={locale} tr={tr} onGo={(sheet, cell) => void act("select", () => selectCell(sheet, cell))} />}
    </>
  );
}

function pickSummary(u: UnitSummary): UnitSummary {
  return { id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId, validFrom: u.validFrom ?? null, validTo: u.validTo ?? null };
}

function UnitPicker({ tr, path, children, onPick, onUp }: { tr: Tr; path: UnitSummary[]; children: UnitRow[]; onPick: (u: UnitSummary) => void; onUp: () => void }) {
  const unit = path[path.length - 1]!;
  return (
    <section aria-label={tr("unit.label")} style={stack(4)}>
      <Caption1>{tr("unit.label")}</Caption1>
      <Text weight="semibold" data-testid="unit-name">{unit.fullName} ({unit.code})</Text>
      <div style={row}>
        {path.length > 1 && <Button size="small" data-testid="unit-up" onClick={onUp}>{tr("unit.up")}</Button>}
        {children.length > 0 && (
          <Select
            data-testid="unit-select"
            style={shrink}
            value=""
            onChange={(_, d) => {
              const u = children.find((c) => c.id === d.value);
              if (u) onPick(u);
            }}
          >
            <option value="">{tr("unit.choose")}</option>
            {children.map((c) => (
              <option key={c.id} value={c.id}>{c.fullName} ({c.code})</option>
            ))}
          </Select>
        )}
      </div>
    </section>
  );
}

const forecastColor = (s: string) => (s === "on_track" || s === "done" ? "success" : s === "no_data" ? "informative" : s === "at_risk" ? "warning" : "danger");

function ProgressCard({ data, locale, tr }: { data: UnitData; locale: Locale; tr: Tr }) {
  const u = data.progress.unit;
  return (
    <section aria-label={tr("progress.title")} style={stack(4)} data-testid="progress">
      <Caption1>{tr("progress.asOf", { date: formatDate(data.progress.date, locale) })}</Caption1>
      <Text>{translate("metric.completion", locale)}: <Text weight="semibold" data-testid="progress-line">{formatProgress(u.counts.entriesDigitized, u.counts.entriesTotal, locale)}</Text></Text>
      <Text data-testid="deadline">{translate("metric.deadline", locale)}: {u.deadline ? formatDate(u.deadline, locale) : tr("progress.noDeadline")}</Text>
      {u.rank !== null && <Text data-testid="rank">{translate("metric.rank", locale)}: {u.rank}/{u.siblings}</Text>}
      {u.target && (
        <Text data-testid="target">
          {tr("progress.target")}: {formatNumber(u.target.achieved, locale)}/{formatNumber(u.target.entriesTarget, locale)}
          {u.target.percent !== null ? ` (${formatPercent(u.target.percent, locale)})` : ""}
        </Text>
      )}
      <div>
        <Badge data-testid="forecast" appearance="tint" color={forecastColor(u.forecast.status)}>{translate(`forecast.${u.forecast.status}`, locale)}</Badge>{" "}
        <Text size={200}>{u.forecast.reason[locale]}</Text>
      </div>
    </section>
  );
}

function ReceiptCard({ receipt, tr }: { receipt: Receipt; tr: Tr }) {
  return (
    <MessageBar layout="multiline" intent="success" data-testid="receipt">
      <MessageBarBody>
        <MessageBarTitle>{tr("receipt.title")}</MessageBarTitle>
        {tr("receipt.body", { id: receipt.id, date: formatDate(receipt.reportDate), rows: receipt.accepted.rows, units: receipt.accepted.units, at: new Date(receipt.submittedAt).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) })}
        {receipt.replayed ? ` ${tr("receipt.replayed")}` : ""}
      </MessageBarBody>
    </MessageBar>
  );
}

function Problems({ issues, locale, tr, onGo }: { issues: { sheet: string; list: ValidationIssue[] }; locale: Locale; tr: Tr; onGo: (sheet: string, cell: string) => void }) {
  const groups = useMemo(() => (["error", "warning"] as const).map((sev) => ({ sev, list: issues.list.filter((i) => i.severity === sev) })).filter((g) => g.list.length), [issues]);
  const errors = issues.list.filter((i) => i.severity === "error").length;
  return (
    <section aria-label="problems" data-testid="problems" style={stack(6)}>
      <Text weight="semibold" data-testid="problem-summary">{translate("validation.summary", locale, { errors, warnings: issues.list.length - errors })}</Text>
      {groups.map((g) => (
        <div key={g.sev} data-testid={`problems-${g.sev}`} style={stack(4)}>
          <Badge appearance="filled" color={g.sev === "error" ? "danger" : "warning"}>{translate(`severity.${g.sev}`, locale)} ({g.list.length})</Badge>
          <ul style={{ margin: 0, paddingLeft: 16, maxHeight: 320, overflowY: "auto" }}>
            {g.list.slice(0, 500).map((i, n) => (
              <li key={n} style={{ marginBottom: 4 }}>
                {i.cell ? (
                  <Link as="button" data-testid="problem-link" data-cell={i.cell} title={translate("validation.goTo", locale, { cell: i.cell })} onClick={() => onGo(i.sheet || issues.sheet, i.cell!)}>{i.cell}</Link>
                ) : (
                  <Text size={200}>{tr("validate.sheetLevel")}</Text>
                )}{" "}
                <Text size={200}>{i.message[locale]}</Text>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
