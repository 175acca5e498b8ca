/**
 * A small stand-in for the Sohoa API, following docs/api-contract.md, for browser tests that must run even
 * while the real server cannot (its own e2e is in e2e.test.ts). Stateful where the scenarios need it:
 * sessions can be revoked, and an accepted submission moves the commune's figures.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

const unit = (code: string, name: string, level: string, parentId: string | null) => ({ id: `u${code}`, code, name, fullName: name, level, parentId, validFrom: "2008-01-01", validTo: null });
const U = {
  p49: unit("49", "Quảng Nam", "PROVINCE", null),
  d505: unit("505", "Huyện Đông Giang", "DISTRICT", "u49"),
  d506: unit("506", "Huyện Tây Giang", "DISTRICT", "u49"),
  c20491: unit("20491", "Xã Za Hung", "COMMUNE", "u505"),
  c20473: unit("20473", "Xã Sông Kôn", "COMMUNE", "u505"),
};
const users = {
  quangnam: { id: "1", username: "quangnam", displayName: "Sở Tư pháp Quảng Nam", role: "PROVINCE", locale: "vi", unit: U.p49 },
  zahung: { id: "2", username: "zahung", displayName: "Công chức Tư pháp Za Hung", role: "COMMUNE", locale: "vi", unit: U.c20491 },
};
const PASSWORD = "Sohoa@2025";
const scopeOf: Record<string, string[]> = { quangnam: ["49", "505", "506", "20491", "20473"], zahung: ["20491"] };

export function createFixtureApi() {
  const sessions = new Map<string, keyof typeof users>();
  let zaHungDigitized = 0;
  const counts = (done: number, total: number) => ({ booksTotal: Math.round(total / 100), booksDigitized: Math.round(done / 100), entriesTotal: total, entriesDigitized: done, entriesChecked: 0, entriesLoaded: 0 });
  const prog = (u: ReturnType<typeof unit>, done: number, total: number, extra: Record<string, unknown> = {}) => ({
    ...u, counts: counts(done, total), completion: total ? done / total : null, booksCompletion: total ? done / total : null,
    bucket: done === 0 ? "zero" : done / total < 0.1 ? "under10" : done / total < 0.5 ? "under50" : done < total ? "under100" : "done",
    rank: 1, siblings: 2, target: null, growth: null, forecast: { status: "will_miss", dailyRate: 310, requiredRate: 1250, reason: { vi: "cần 1.250 dữ liệu/ngày, hiện đạt 310", en: "needs 1,250 entries/day, does 310" } },
    deadline: "2025-03-07", lastReportAt: null, hasChildren: u.level !== "COMMUNE", reported: done > 0, ...extra,
  });
  const view = (code: string) => {
    const za = prog(U.c20491, zaHungDigitized, 20_000);
    const sk = prog(U.c20473, 0, 15_000);
    const d505 = prog(U.d505, zaHungDigitized + 30_000, 100_000);
    const d506 = prog(U.d506, 600_000, 1_343_893);
    const base = { date: "2025-02-18", latestReportDate: "2025-02-18" };
    const buckets = (xs: { bucket: string }[]) => ({ zero: 0, under10: 0, under50: 0, under100: 0, done: 0, ...Object.fromEntries(["zero", "under10", "under50", "under100", "done"].map((b) => [b, xs.filter((x) => x.bucket === b).length])) });
    if (code === "49") { const p = prog(U.p49, d505.counts.entriesDigitized + d506.counts.entriesDigitized, 1_443_893); return { ...base, unit: p, children: [d505, d506], buckets: buckets([d505, d506]), ancestors: [] }; }
    if (code === "505") return { ...base, unit: d505, children: [za, sk], buckets: buckets([za, sk]), ancestors: [U.p49] };
    if (code === "20491" || code === "20473") {
      const u = code === "20491" ? za : sk;
      const breakdown = [{ registerKind: { code: "KS", nameVi: "Khai sinh", nameEn: "Birth" }, phase: { code: "P1", nameVi: "Giai đoạn 1", nameEn: "Phase 1" }, counts: u.counts, completion: u.completion, reportDate: "2025-02-18", version: 1 }];
      return { ...base, unit: u, children: [], buckets: buckets([]), breakdown, ancestors: [U.p49, U.d505] };
    }
    return null;
  };
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };
  const err = (res: ServerResponse, status: number, code: string, vi: string, en: string, extra: Record<string, unknown> = {}) => send(res, status, { error: { code, message: { vi, en }, ...extra } });
  const read = async (req: IncomingMessage) => { const c: Buffer[] = []; for await (const x of req) c.push(x as Buffer); return c.length ? JSON.parse(Buffer.concat(c).toString("utf8")) : {}; };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const p = url.pathname;
    if (p === "/api/auth/login" && req.method === "POST") {
      const { username, password } = await read(req);
      const u = users[username as keyof typeof users];
      if (!u || password !== PASSWORD) return err(res, 401, "unauthorized", "Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong username or password.");
      const token = `sess_${username}_${Math.random().toString(36).slice(2)}`;
      sessions.set(token, username);
      return send(res, 200, { token, expiresAt: "2999-01-01T00:00:00Z", user: u });
    }
    const who = sessions.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!who) return err(res, 401, "unauthorized", "Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Vui lòng đăng nhập lại.", "Your session has expired or is invalid. Please sign in again.");
    if (p === "/api/auth/logout") { sessions.forEach((v, k) => v === who && sessions.delete(k)); return send(res, 204); }
    const bottom = /^\/api\/units\/([^/]+)\/bottom-units$/.exec(p);
    if (bottom) {
      // the contract's shape: the fixture's two communes under Đông Giang, whatever unit above them is asked
      const v = view(bottom[1]!);
      if (!v || !scopeOf[who]!.includes(bottom[1]!)) return err(res, 404, "not_found", `Không tìm thấy đơn vị mã ${bottom[1]} trong phạm vi của bạn.`, `Unit ${bottom[1]} within your scope not found.`);
      const leaves = (v.children.length ? view("505")!.children : [v.unit]).map((c) => ({ ...c, parent: { code: "505", name: "Đông Giang", fullName: "Huyện Đông Giang", level: "DISTRICT" }, lastReportDate: "2025-02-18" }));
      const list = url.searchParams.get("list");
      const buckets = Object.fromEntries(["zero", "under10", "under50", "under100", "done"].map((b) => [b, leaves.filter((x) => x.bucket === b).length]));
      return send(res, 200, { date: v.date, unit: v.unit, total: leaves.length, buckets, units: list ? leaves.filter((x) => list === "all" || x.bucket === list) : [], agencies: [] });
    }
    const m = /^\/api\/units\/([^/]+)\/(progress|trend)$/.exec(p);
    if (m) {
      const v = view(m[1]!);
      if (!v || !scopeOf[who]!.includes(m[1]!)) return err(res, 404, "not_found", `Không tìm thấy đơn vị mã ${m[1]} trong phạm vi của bạn.`, `Unit ${m[1]} within your scope not found.`);
      if (m[2] === "progress") return send(res, 200, v);
      const d = v.unit.counts.entriesDigitized;
      return send(res, 200, { points: [0, 1, 2, 3].map((i) => ({ date: `2025-02-1${5 + i}`, entriesDigitized: Math.round((d * (i + 1)) / 4), entriesTotal: v.unit.counts.entriesTotal, booksDigitized: 0, booksTotal: 0, target: Math.round((v.unit.counts.entriesTotal * (i + 1)) / 10) })), deadline: "2025-03-07" });
    }
    if (p === "/api/compliance") return send(res, 200, { period: { start: "2025-02-18", end: "2025-02-18", cutoffAt: "2025-02-18T10:00:00Z" }, onTime: [{ unit: U.d506, submittedAt: "2025-02-18T09:00:00Z" }], late: [], missing: [{ unit: U.d505, submittedAt: null }] });
    if (p === "/api/submissions" && req.method === "POST") {
      const body = await read(req);
      const issues: unknown[] = [];
      body.grid.sheets.forEach((s: { name: string; rows: unknown[][] }) => s.rows.forEach((r, ri) => r.forEach((v, ci) => {
        if (typeof v === "number" && v < 0) issues.push({ code: "NEGATIVE", severity: "error", sheet: s.name, cell: `${String.fromCharCode(65 + ci)}${ri + 1}`, row: ri + 1, message: { vi: "Số liệu không được âm.", en: "Counts cannot be negative." } });
      })));
      // a dry run answers what a submission would record, and stores nothing
      if (body.dryRun) return send(res, 200, { dryRun: true, reportDate: null, hasErrors: issues.length > 0, issues, rows: 1, units: 1, totals: { booksTotal: 0, booksDigitized: 0, entriesTotal: 0, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 }, reading: { sheets: [], reportDate: null } });
      if (issues.length) return err(res, 422, "validation_failed", "Bảng tính có lỗi, chưa được ghi nhận.", "The sheet has errors and was not recorded.", { issues });
      const row = body.grid.sheets[0].rows[1] as unknown[];
      zaHungDigitized = Number(row[3] ?? 0);
      return send(res, 201, { id: "s1", checksum: "x", status: "ACCEPTED", reportDate: body.reportDate ?? "2025-02-18", accepted: { rows: 1, units: 1 }, warnings: [], submittedAt: "2025-02-18T09:00:00Z" });
    }
    return err(res, 404, "not_found", "Không có địa chỉ này.", "No such endpoint.");
  });
  return {
    revokeAll: () => sessions.clear(),
    listen: () => new Promise<{ url: string; close(): Promise<void> }>((resolve) => server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      resolve({ url: `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`, close: () => new Promise((r) => server.close(() => r())) });
    })),
  };
}
