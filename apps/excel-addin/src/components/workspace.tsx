/** The signed-in pane: the unit, its progress, the sheet actions and sending (through the outbox). */
import { useCallback, useEffect, useState } from "react";
import { Button, Caption1, Checkbox, Divider, Field, MessageBar, MessageBarActions, MessageBarBody, Spinner, Textarea } from "@fluentui/react-components";
import { buildCommuneTemplate, buildRollupTemplate, todayInVietnam, validateGrid, type Locale, type ValidationIssue, type WorkbookReading } from "@sohoa/core";
import { RequestFailed, type Client } from "../api";
import type { Receipt, SubmissionRequest, UnitSummary } from "@sohoa/contract";
import { translate } from "../i18n";
import type { Session } from "../session";
import { buildContext, isLeaf, reportDateFor, templatePrevious, unitRef, validateSheet, type UnitData } from "../validation";
import { inExcel } from "../excel/host";
import { row, spread } from "../layout";
import { clearMarks, markIssues, validateAndMark } from "../excel/marks";
import { readWorkbook, selectCell } from "../excel/sheet";
import { insertTemplate } from "../excel/template";
import { ReadingSummary } from "../reading";
import { messageOf, type Tr } from "../tr";
import { useOutbox, type SendOutcome } from "../use-outbox";
import { OutboxList } from "./outbox-list";
import { Problems } from "./problems";
import { ProgressCard } from "./progress-card";
import { ReceiptCard } from "./receipt-card";
import { UnitPicker } from "./unit-picker";

// A notice is kept as how to say it, not as words: it follows a language switch made after it was shown.
type Notice = { intent: "success" | "error" | "warning" | "info"; text: (tr: Tr, locale: Locale) => string };

export function Workspace({ api, session, locale, tr, now, onSignOut, onExpired }: { api: Client; session: Session; locale: Locale; tr: Tr; now: () => Date; onSignOut: () => void; onExpired: () => void }) {
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
  // The body the server warned about: confirming sends exactly it (the sheet may have changed or be gone).
  const [needsAck, setNeedsAck] = useState<SubmissionRequest | null>(null);

  /** An error as a notice (a 401 signs out, as handle does). */
  const noticeOf = useCallback(
    (e: unknown): Notice["text"] => {
      if (e instanceof RequestFailed && e.status === 401) {
        onExpired();
        return (t) => t("signIn.expired");
      }
      return (t, l) => messageOf(e, l, t);
    },
    [onExpired],
  );
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
  }, [api, handle, session.token, unit]);

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
      setNotice({ intent: "error", text: noticeOf(e) });
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
      setNotice({ intent: "success", text: (t) => t("template.inserted", { sheet: r.sheetName }) + (r.dataValidation ? "" : t("template.noValidation")) });
    });

  const ctxFor = () => buildContext(data!, today, correction ? reason.trim() : null);

  const validate = () =>
    act("validate", async () => {
      if (!data) return;
      const r = await validateAndMark((sheet) => validateSheet(sheet, ctxFor()), { locale });
      setIssues({ sheet: r.sheet.name, list: r.issues, from: "addin" });
      // what was read of the sheet, before anything is sent (the server's reading replaces it on sending)
      setReading(validateGrid({ sheets: [r.sheet] }, ctxFor()).reading);
      setNotice(r.issues.length ? { intent: "info", text: (t) => t("validate.marked", { cells: r.cells }) } : { intent: "success", text: (t) => t("validate.none") });
    });

  const clear = () =>
    act("clear", async () => {
      await clearMarks();
      setIssues(null);
    });

  // The server's issues on their cells too (its own rules included); a sheet renamed or removed since is skipped.
  const markServer = useCallback((sheetName: string, list: ValidationIssue[]) => {
    if (list.some((i) => i.cell)) void markIssues(sheetName, list, { locale }).catch(() => undefined);
  }, [locale]);

  // One place that turns an answer (to a click, or to a resend from the outbox) into what the pane shows.
  const outcome = useCallback(
    (o: SendOutcome, fromOutbox = false) => {
      if (o.kind === "busy") return;
      if (o.kind === "sent") {
        const r = o.receipt;
        setReceipt(r);
        setReading(r.reading ?? null);
        setNeedsAck(null);
        setIssues(r.warnings.length ? { sheet: o.body.grid.sheets[0]!.name, list: r.warnings, from: "server" } : null);
        if (r.warnings.length) markServer(o.body.grid.sheets[0]!.name, r.warnings);
        // a report sent from the outbox is announced: the official may have sent it days ago, in another pane
        if (fromOutbox) setNotice({ intent: "success", text: (t, l) => t("outbox.sentLater", { at: new Date(o.item.queuedAt).toLocaleString(l === "en" ? "en-GB" : "vi-VN", { timeZone: "Asia/Ho_Chi_Minh" }) }) });
        setCorrection(false);
        setReason("");
        void load();
        return;
      }
      if (o.kind === "kept" && o.error.offline) {
        setNotice({ intent: "error", text: (t, l) => `${o.error.error.message[l]} ${t("submit.networkKept")}` }); // the outbox below has the retry button
        return;
      }
      const e = o.error;
      if (e instanceof RequestFailed && e.status === 422 && e.error.issues) {
        setReading(e.error.reading ?? null);
        const errors = e.error.issues.filter((i) => i.severity === "error");
        setIssues({ sheet: o.body.grid.sheets[0]!.name, list: e.error.issues, from: "server" });
        markServer(o.body.grid.sheets[0]!.name, e.error.issues);
        setNeedsAck(errors.length === 0 ? o.body : null);
        setNotice({ intent: errors.length ? "error" : "warning", text: (t) => (errors.length ? t("submit.errors") : t("submit.warnings")) });
        return;
      }
      setNotice({ intent: "error", text: noticeOf(e) });
    },
    [noticeOf, load, markServer],
  );
  const outbox = useOutbox({ api, token: session.token, username: session.user.username, now, onOutcome: outcome });

  async function resend() {
    setBusy("submit");
    setNotice(null);
    try {
      await outbox.flush();
    } catch (e) {
      setNotice({ intent: "error", text: noticeOf(e) });
    } finally {
      setBusy(null);
    }
  }

  async function confirm(body: SubmissionRequest) {
    setBusy("submit");
    setNotice(null);
    setNeedsAck(null);
    try {
      outcome(await outbox.submit({ ...body, acceptWarnings: true }));
    } catch (e) {
      setNotice({ intent: "error", text: noticeOf(e) });
    } finally {
      setBusy(null);
    }
  }

  async function send() {
    if (!data) return;
    if (correction && reason.trim().length < 3) {
      setNotice({ intent: "error", text: (t) => t("submit.reasonMissing") });
      return;
    }
    setBusy("submit");
    setNotice(null);
    setReceipt(null);
    setReading(null);
    setNeedsAck(null);
    try {
      // Read every visible sheet and check them here first. A commune's context is complete here; a parent's
      // lists only its direct units, so the server decides for it.
      const { sheets } = await readWorkbook();
      const local = validateGrid({ sheets }, ctxFor()).issues;
      if (isLeaf(data) && local.some((i) => i.severity === "error")) {
        const r = await validateAndMark((s) => validateSheet(s, ctxFor()), { locale });
        setIssues({ sheet: r.sheet.name, list: r.issues, from: "addin" });
        setNotice({ intent: "error", text: (_, l) => translate("validation.summary", l, { errors: r.issues.filter((i) => i.severity === "error").length, warnings: r.issues.filter((i) => i.severity === "warning").length }) });
        return;
      }
      // The sheet passed: marks and problems from an earlier check are stale, so they go before the answer comes.
      setIssues(null);
      await clearMarks();
      const body: SubmissionRequest = { unitCode: data.unit.code, grid: { sheets }, source: "ADDIN", ...(correction ? { correctionReason: reason.trim() } : {}) };
      outcome(await outbox.submit(body));
    } catch (e) {
      setNotice({ intent: "error", text: noticeOf(e) });
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
      <Button data-testid="submit" appearance="primary" disabled={!data || !!busy || !inExcel()} onClick={() => void send()}>
        {busy === "submit" ? <Spinner size="tiny" label={tr("submit.sending")} /> : translate("action.submit", locale)}
      </Button>
      {notice && (
        <MessageBar layout="multiline" intent={notice.intent} data-testid="notice">
          <MessageBarBody>{notice.text(tr, locale)}</MessageBarBody>
        </MessageBar>
      )}
      {needsAck && (
        <Button data-testid="accept-warnings" appearance="primary" disabled={!!busy} onClick={() => void confirm(needsAck)}>{translate("action.acceptWarnings", locale)}</Button>
      )}
      <OutboxList items={outbox.items} tr={tr} busy={!!busy} onResend={() => void resend()} onDiscard={(k) => void outbox.discard(k)} />
      {receipt && <ReceiptCard receipt={receipt} tr={tr} />}
      {reading && <ReadingSummary reading={reading} locale={locale} />}
      {issues && <Problems issues={issues} locale={locale} tr={tr} onGo={(sheet, cell) => void act("select", () => selectCell(sheet, cell))} />}
    </>
  );
}

function pickSummary(u: UnitSummary): UnitSummary {
  return { id: u.id, code: u.code, name: u.name, fullName: u.fullName, nameEn: u.nameEn, level: u.level, parentId: u.parentId, validFrom: u.validFrom, validTo: u.validTo };
}
