/**
 * The corpus against the server (issue "Read the sheets officials actually send"): every workbook, on a fresh
 * server with the Quảng Nam demo's units, users and campaign but none of its progress (so no earlier figures
 * to compare with), signed in as the official who would send it, is
 *   (a) uploaded as .xlsx to POST /api/submissions/upload with dryRun=true,
 *   (b) sent as the Excel add-in's grid (office-grid.ts) to POST /api/submissions with dryRun: true,
 * and what the server understood (report date and where, rows, totals, row roles, issues) is compared with what
 * the workbook was written as. A workbook that must be accepted is then really uploaded once: 201 and its
 * receipt. A table expected → got for each is printed at the end, for the issue's note.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestServer, type TestServer } from "../../src/testing";
// Not exported by @sohoa/core yet: the contract is read from its file.
import type { WorkbookReading } from "../../../../packages/core/src/reading/types";
import { officeGrid, type OfficeGrid } from "./office-grid";
import { ASSERTED_ROLES } from "./sheet-writer";
import { CORPUS, type AcceptedExpect, type CorpusCase, type RefusedExpect } from "./workbooks";

interface IssueOut { code: string; severity: "error" | "warning"; sheet: string; cell: string | null }
interface DryRunOut {
  dryRun?: boolean;
  reportDate?: string | null;
  hasErrors?: boolean;
  issues?: IssueOut[];
  rows?: number;
  totals?: { entriesTotal: number; entriesDigitized: number };
  reading?: WorkbookReading;
  error?: { code: string; issues?: IssueOut[] };
}

/** What the server answered, in the terms of the expectation (only the keys the expectation has). */
type View = Record<string, unknown>;

const issueKey = (i: { code: string; cell: string | null; sheet?: string }, withSheet: boolean) => `${i.code}@${withSheet && i.sheet ? `${i.sheet}!` : ""}${i.cell ?? "-"}`;

function expectedView(c: CorpusCase): View {
  const e = c.expect;
  if (e.status === "refused") {
    const withSheet = e.issues.some((i) => i.sheet);
    return { http: 200, dryRun: true, errors: e.issues.map((i) => issueKey(i, withSheet)).sort() };
  }
  const v: View = {
    http: 200, dryRun: true, errors: [], warnings: [...(e.warnings ?? [])].sort(),
    reportDate: e.reportDate, rows: e.dataRows, entriesTotal: e.entriesTotal, entriesDigitized: e.entriesDigitized,
  };
  if (e.dateCell) v.dateCell = e.dateCell;
  if (e.dateSource) v.dateSource = e.dateSource;
  if (e.sheetKinds) v.sheetKinds = e.sheetKinds;
  if (e.tally) v.tally = Object.fromEntries(Object.entries(e.tally).map(([sheet, t]) => [sheet, Object.fromEntries(ASSERTED_ROLES.map((r) => [r, t[r] ?? 0]))]));
  return v;
}

function gotView(c: CorpusCase, status: number, body: DryRunOut): View {
  const e = c.expect;
  const issues = body.issues ?? body.error?.issues ?? [];
  const withSheet = e.status === "refused" && e.issues.some((i) => i.sheet);
  const errors = issues.filter((i) => i.severity === "error").map((i) => issueKey(i, withSheet)).sort();
  if (e.status === "refused") return { http: status, dryRun: body.dryRun ?? false, errors };
  const a = e as AcceptedExpect;
  const reading = body.reading;
  const v: View = {
    http: status, dryRun: body.dryRun ?? false, errors, warnings: [...new Set(issues.filter((i) => i.severity === "warning").map((i) => i.code))].sort(),
    reportDate: body.reportDate ?? null, rows: body.rows ?? null, entriesTotal: body.totals?.entriesTotal ?? null, entriesDigitized: body.totals?.entriesDigitized ?? null,
  };
  const rd = reading?.reportDate ?? null;
  if (a.dateCell) v.dateCell = rd ? `${rd.sheet ?? "?"}!${rd.cell ?? "-"}` : null;
  if (a.dateSource) v.dateSource = rd?.source ?? null;
  if (a.sheetKinds) v.sheetKinds = Object.fromEntries(Object.keys(a.sheetKinds).map((name) => [name, reading?.sheets.find((s) => s.name === name)?.kind ?? null]));
  if (a.tally) {
    v.tally = Object.fromEntries(Object.keys(a.tally).map((name) => {
      const t = reading?.sheets.find((s) => s.name === name)?.tally;
      return [name, t ? Object.fromEntries(ASSERTED_ROLES.map((r) => [r, t[r] ?? 0])) : null];
    }));
  }
  return v;
}

// ── The table printed at the end ───────────────────────────────────────────────────────────

const fmt = (n: unknown) => (typeof n === "number" ? n.toLocaleString("de-DE") : String(n));
function shortExpected(e: AcceptedExpect | RefusedExpect): string {
  return e.status === "accepted"
    ? `accepted ${e.reportDate}, ${e.dataRows} rows, ${fmt(e.entriesDigitized)}/${fmt(e.entriesTotal)}${e.warnings?.length ? ` (warnings ${e.warnings.join(" ")})` : ""}`
    : `refused ${e.issues.map((i) => `${i.code}@${i.cell ?? "-"}`).join(" ")}`;
}
/** What differs between the two views, key by key (nested one level for tally and sheet kinds). */
function differences(want: View, got: View): string[] {
  const out: string[] = [];
  for (const [k, w] of Object.entries(want)) {
    const g = got[k];
    if (JSON.stringify(w) === JSON.stringify(g)) continue;
    if ((k === "tally" || k === "sheetKinds") && w && typeof w === "object") {
      for (const [sheet, ws] of Object.entries(w as Record<string, unknown>)) {
        const gs = (g as Record<string, unknown> | null)?.[sheet];
        if (JSON.stringify(ws) === JSON.stringify(gs)) continue;
        if (ws && typeof ws === "object" && gs && typeof gs === "object") {
          for (const [role, n] of Object.entries(ws as Record<string, number>)) {
            const gn = (gs as Record<string, number>)[role];
            if (gn !== n) out.push(`${k}[${sheet}].${role} ${n}→${gn}`);
          }
        } else out.push(`${k}[${sheet}] ${JSON.stringify(ws)}→${JSON.stringify(gs)}`);
      }
    } else out.push(`${k} ${Array.isArray(w) ? `[${w.join(" ")}]` : fmt(w)}→${Array.isArray(g) ? `[${g.join(" ")}]` : fmt(g)}`);
  }
  return out;
}

const table: { id: string; path: string; expected: string; got: string }[] = [];
function record(c: CorpusCase, path: string, want: View, got: View, status: number, body: DryRunOut): void {
  const diff = differences(want, got);
  const summary = status === 200
    ? `200${body.dryRun ? " dry" : ""} ${body.reportDate ?? "no date"}, ${body.rows ?? "?"} rows, ${fmt(body.totals?.entriesDigitized)}/${fmt(body.totals?.entriesTotal)}`
    : `HTTP ${status}${body.error ? ` ${body.error.code}` : ""}`;
  table.push({ id: c.id, path, expected: shortExpected(c.expect), got: diff.length === 0 ? `ok (${summary})` : `${summary}; ${diff.join("; ").slice(0, 400)}` });
}

afterAll(() => {
  const w = Math.max(...table.map((r) => r.id.length));
  const lines = table.map((r) => `| ${r.id.padEnd(w)} | ${r.path.padEnd(6)} | ${r.expected} | ${r.got} |`);
  const ok = table.filter((r) => r.got.startsWith("ok")).length;
  console.log([`corpus: ${ok}/${table.length} checks as expected`, `| ${"workbook".padEnd(w)} | path   | expected | got |`, `|${"-".repeat(w + 2)}|--------|---|---|`, ...lines].join("\n"));
});

// ── The cases ──────────────────────────────────────────────────────────────────────────────

describe.each(CORPUS.map((c) => [c.id, c] as const))("corpus: %s", (_id, c) => {
  let server: TestServer;
  let token: string;
  let xlsx: Buffer;
  let grid: OfficeGrid;

  beforeAll(async () => {
    server = await startTestServer({ progress: false });
    token = await signIn(server.app, c.submitAs);
    xlsx = await c.build();
    grid = await officeGrid(xlsx);
  });
  afterAll(async () => {
    await server?.close();
  });

  const upload = async (extra: Record<string, string>) => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(xlsx)], `${c.id}.xlsx`, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    form.set("unitCode", c.unitCode);
    if (c.reportDate) form.set("reportDate", c.reportDate);
    for (const [k, v] of Object.entries(extra)) form.set(k, v);
    const res = await fetch(`${server.url}/api/submissions/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as DryRunOut & Record<string, unknown> };
  };

  it(`${c.title} — .xlsx upload, dry run`, async () => {
    const { status, body } = await upload({ dryRun: "true" });
    const want = expectedView(c);
    const got = gotView(c, status, body);
    record(c, "upload", want, got, status, body);
    expect(got).toEqual(want);
  });

  it("the add-in's grid, dry run", async () => {
    const res = await fetch(`${server.url}/api/submissions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ unitCode: c.unitCode, grid, source: "ADDIN", dryRun: true, ...(c.reportDate ? { reportDate: c.reportDate } : {}) }),
    });
    const body = (await res.json().catch(() => ({}))) as DryRunOut;
    const want = expectedView(c);
    const got = gotView(c, res.status, body);
    record(c, "add-in", want, got, res.status, body);
    expect(got).toEqual(want);
  });

  if (c.expect.status === "accepted") {
    const e = c.expect;
    it("a real upload stores it: 201 and its receipt", async () => {
      const { status, body } = await upload(e.warnings?.length ? { acceptWarnings: "true" } : {});
      const got = { http: status, reportDate: body.reportDate ?? null, rows: (body.accepted as { rows?: number } | undefined)?.rows ?? null };
      const want = { http: 201, reportDate: e.reportDate, rows: e.dataRows };
      const diff = differences(want, got);
      table.push({ id: c.id, path: "store", expected: `201 ${e.reportDate}, ${e.dataRows} rows`, got: diff.length === 0 ? "ok" : `HTTP ${status}${body.error ? ` ${body.error.code} ${(body.error.issues ?? []).filter((i) => i.severity === "error").slice(0, 4).map((i) => `${i.code}@${i.cell ?? "-"}`).join(" ")}` : ""}; ${diff.join("; ")}` });
      expect(got).toEqual(want);
    });
  }
});
