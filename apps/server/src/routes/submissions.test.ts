import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { Grid, ProgressCounts, UnitRef } from "@sohoa/core";
import { naiveRollupAt, submissionContext, submissionContexts, type Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";
import { communeGrid } from "../test-support/sheets";
import { lyingZipBomb } from "../test-support/zip";
import { batchSizes } from "../services/submission-writer";

const DAY = "2025-02-19";

describe("POST /api/submissions and /api/submissions/upload", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  let zaHung: UnitRef;
  let kinds: { code: string; nameVi: string; nameEn: string }[];
  let phases: { code: string; nameVi: string; nameEn: string }[];

  const grid = (unit: UnitRef, f: (kind: string, phase: string) => ProgressCounts, date = DAY) => communeGrid({ unit, registerKinds: kinds, phases, reportDate: date, counts: f });
  const figures = (digitized: number): ((k: string, p: string) => ProgressCounts) => (k, p) => ({ booksTotal: 20, booksDigitized: 5, entriesTotal: 2000, entriesDigitized: k === "BIRTH" && p === "P1" ? digitized : 0, entriesChecked: 0, entriesLoaded: 0 });
  const post = (user: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request("/api/submissions", { method: "POST", headers: { authorization: `Bearer ${tokens[user]}`, "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const province = async (date = DAY) =>
    ((await (await app.request(`/api/units/49/progress?date=${date}`, { headers: { authorization: `Bearer ${tokens.quangnam}` } })).json()) as { unit: { counts: { entriesDigitized: number; entriesTotal: number } } }).unit.counts;
  const count = () => db.prisma.progressSnapshot.count();
  const kindId = async (code: string) => (await db.prisma.registerKind.findUniqueOrThrow({ where: { code } })).id;
  const phaseId = async (code: string) => (await db.prisma.bookPhase.findUniqueOrThrow({ where: { code } })).id;

  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    app = createApp({ db, config: { maxJsonBytes: 256 * 1024, maxRows: 5000 } });
    for (const u of ["quangnam", "lanhdao", "donggiang", "zahung"]) tokens[u] = await signIn(app, u);
    const u = await db.prisma.unit.findFirstOrThrow({ where: { code: "20491", validTo: { not: null } } });
    zaHung = { id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId };
    kinds = await db.prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
    phases = await db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" } });
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("accepts a commune sheet and shows it in the province roll-up as soon as the receipt is returned", async () => {
    const before = await province();
    const res = await post("zahung", { unitCode: "20491", grid: grid(zaHung, figures(300)), source: "ADDIN", acceptWarnings: true }, { "idempotency-key": "zahung-0219-first" });
    expect(res.status, await res.clone().text()).toBe(201);
    const receipt = (await res.json()) as { id: string; checksum: string; reportDate: string; accepted: { rows: number } };
    expect(receipt.reportDate).toBe(DAY);
    expect(receipt.accepted.rows).toBe(14);
    expect(receipt.checksum).toMatch(/^[0-9a-f]{64}$/);
    const after = await province();
    expect(after.entriesDigitized).toBe(before.entriesDigitized + 300);
    const stored = await db.prisma.submission.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(stored).toMatchObject({ status: "ACCEPTED", source: "ADDIN", reportDate: new Date(`${DAY}T00:00:00Z`) });
    expect(stored.submittedById).toBeTruthy();
    expect(await db.prisma.auditLog.count({ where: { entity: "submission", entityId: receipt.id } })).toBe(1);
  });

  it("writes concurrent submissions together (group commit), each with its own receipt, versions and audit entry", async () => {
    const date = "2025-02-21";
    const communes = (await db.prisma.unit.findMany({ where: { level: "COMMUNE", validTo: { not: null }, parent: { code: "506" } }, orderBy: { code: "asc" }, take: 12 }))
      .map((u) => ({ id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId }) as UnitRef);
    expect(communes.length).toBeGreaterThan(5);
    const before = await province(date);
    batchSizes.splice(0);
    // Each commune twice in the same burst: the second is a same-day resubmission (version 2 of each key).
    const sends = communes.flatMap((u, i) => [
      () => post("quangnam", { unitCode: u.code, grid: grid(u, figures(1000 + i), date), acceptWarnings: true, correctionReason: "Chuẩn hóa số liệu theo mẫu mới" }),
      () => post("quangnam", { unitCode: u.code, grid: grid(u, figures(1100 + i), date), acceptWarnings: true, correctionReason: "Sửa lại số liệu trong ngày" }),
    ]);
    const responses = await Promise.all(sends.map((f) => f()));
    for (const r of responses) expect(r.status, await r.clone().text()).toBe(201);
    expect(Math.max(...batchSizes), "some submissions shared a transaction").toBeGreaterThan(1);
    const receipts = (await Promise.all(responses.map((r) => r.json()))) as { id: string; changes: { registerKind: string; phase: string; version: number; entriesDigitized: number }[] }[];
    expect(new Set(receipts.map((r) => r.id)).size).toBe(receipts.length);
    // Each stored receipt (what a retry gets back) is the one returned, whether its row was written before its
    // snapshots' versions were known (a key twice in one batch) or with them.
    const stored = new Map((await db.prisma.submission.findMany({ where: { id: { in: receipts.map((r) => r.id) } }, select: { id: true, receipt: true } })).map((s) => [s.id, s.receipt]));
    // (the answer also carries how the sheet was read; the stored receipt does not keep that)
    for (const r of receipts) expect({ ...stored.get(r.id) as object, reading: (r as { reading?: unknown }).reading }).toEqual(r);
    for (const [i, u] of communes.entries()) {
      // The latest version of each key is the one that counts, whatever transaction each went in.
      const latest = await db.prisma.progressSnapshot.findFirstOrThrow({ where: { unitId: u.id, reportDate: new Date(`${date}T00:00:00Z`), registerKindId: await kindId("BIRTH"), phaseId: await phaseId("P1") }, orderBy: { version: "desc" } });
      const versions = receipts.flatMap((r) => r.changes.filter((ch) => ch.registerKind === "BIRTH" && ch.phase === "P1" && (ch.entriesDigitized === 1000 + i || ch.entriesDigitized === 1100 + i)).map((ch) => ch.version));
      expect(versions.sort()).toEqual([1, 2]);
      expect(latest.version).toBe(2);
      expect([1000 + i, 1100 + i]).toContain(latest.entriesDigitized);
    }
    expect(await db.prisma.auditLog.count({ where: { entity: "submission", entityId: { in: receipts.map((r) => r.id) } } })).toBe(receipts.length);
    // The province moved by exactly what the latest versions say, as the straightforward query computes it.
    const after = await province(date);
    const naive = await naiveRollupAt(db.prisma, (await db.prisma.unit.findFirstOrThrow({ where: { code: "49", level: "PROVINCE" } })).id, date);
    expect(after.entriesDigitized).toBe(naive.entriesDigitized);
    expect(after.entriesDigitized).not.toBe(before.entriesDigitized);
  });

  it("reads the validation contexts of submissions arriving together in one statement, each as if read alone", async () => {
    const users = await db.prisma.user.findMany({ where: { username: { in: ["quangnam", "donggiang"] } } });
    const qn = users.find((u) => u.username === "quangnam")!;
    const dg = users.find((u) => u.username === "donggiang")!;
    const q = (unitCode: string, user: typeof qn, key?: string) =>
      ({ unitCode, date: DAY, scopeUnitId: user.unitId, userId: user.id, seriesFrom: "2025-02-04", seriesTo: "2025-02-18", idempotencyKey: key ?? null });
    // Za Hung from the province and from its district, a commune outside Đông Giang's scope, a district
    const qs = [q("20491", qn), q("20491", dg, "k-1"), q("20335", dg), q("506", qn)];
    const together = await submissionContexts(db.sql, qs);
    const alone = await Promise.all(qs.map((x) => submissionContext(db.sql, x)));
    expect(together).toEqual(alone);
    expect(together.map((c) => c.submitter?.code ?? null)).toEqual(["20491", "20491", null, "506"]);
    expect(together[0]!.snapshots.length).toBeGreaterThan(0);
    expect(together[3]!.units.length).toBeGreaterThan(5);
  });

  it("returns the first receipt for a retried request, also under concurrent retries", async () => {
    const body = { unitCode: "20491", grid: grid(zaHung, figures(450)), source: "ADDIN", acceptWarnings: true };
    const snapshotsBefore = await count();
    const results = await Promise.all(Array.from({ length: 5 }, () => post("zahung", body, { "idempotency-key": "zahung-0219-second" })));
    const ids = await Promise.all(results.map(async (r) => { expect(r.status).toBe(201); return ((await r.json()) as { id: string }).id; }));
    expect(new Set(ids).size).toBe(1);
    expect(await db.prisma.submission.count({ where: { idempotencyKey: "zahung-0219-second" } })).toBe(1);
    expect(await count()).toBe(snapshotsBefore + 14);
    const again = await post("zahung", body, { "idempotency-key": "zahung-0219-second" });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    // the same key with other content is a conflict
    expect((await post("zahung", { ...body, grid: grid(zaHung, figures(460)) }, { "idempotency-key": "zahung-0219-second" })).status).toBe(409);
  });

  it("answers 409 for the same key and sheet with another date, unit, acceptWarnings or correction, storing nothing", async () => {
    // dated two days earlier: later tests count the versions of DAY
    const body = { unitCode: "20491", grid: grid(zaHung, figures(200), "2025-02-17"), reportDate: "2025-02-17", source: "ADDIN", acceptWarnings: true };
    const key = { "idempotency-key": "zahung-0217-fingerprint" };
    const first = await post("zahung", body, key);
    expect(first.status, await first.clone().text()).toBe(201);
    const before = { submissions: await db.prisma.submission.count(), snapshots: await count() };
    for (const other of [
      { ...body, reportDate: "2025-02-16" },
      { ...body, unitCode: "20473" },
      { ...body, acceptWarnings: false },
      { ...body, correctionReason: "Sửa số liệu nhập nhầm" },
    ]) {
      const res = await post("zahung", other, key);
      expect(res.status, JSON.stringify(other).slice(0, 80)).toBe(409);
      const err = ((await res.json()) as { error: { code: string; message: { vi: string; en: string } } }).error;
      expect(err.code).toBe("conflict");
      expect(err.message.vi).toMatch(/Idempotency-Key/);
    }
    expect({ submissions: await db.prisma.submission.count(), snapshots: await count() }).toEqual(before);
    // the very same request is still a replay
    const again = await post("zahung", body, key);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("answers errors with 422, every issue in both languages with its cell, and counts nothing", async () => {
    const before = await province();
    const bad = grid(zaHung, (k, p) => ({ booksTotal: 20, booksDigitized: 30, entriesTotal: 100, entriesDigitized: k === "DEATH" && p === "P2" ? 5000 : 0, entriesChecked: 0, entriesLoaded: 0 }));
    const res = await post("zahung", { unitCode: "20491", grid: bad, acceptWarnings: true });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; issues: { code: string; severity: string; cell: string | null; message: { vi: string; en: string } }[] } };
    expect(body.error.code).toBe("validation_failed");
    const errors = body.error.issues.filter((i) => i.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(2);
    for (const e of errors) {
      expect(e.cell).toMatch(/^[A-Z]+\d+$/);
      expect(e.message.vi).not.toBe(e.message.en);
    }
    expect(await province()).toEqual(before);
  });

  it("refuses lower cumulative figures unless sent as a correction with a reason, and keeps the old version", async () => {
    const lower = grid(zaHung, figures(100));
    expect((await post("zahung", { unitCode: "20491", grid: lower, acceptWarnings: true })).status).toBe(422);
    const before = await province();
    const res = await post("zahung", { unitCode: "20491", grid: lower, acceptWarnings: true, correctionReason: "Nhập nhầm số liệu ngày 19/02, đã kiểm tra lại sổ" });
    expect(res.status, await res.clone().text()).toBe(201);
    const after = await province();
    expect(after.entriesDigitized).toBe(before.entriesDigitized - 350);
    const versions = await db.prisma.progressSnapshot.findMany({ where: { unitId: zaHung.id, reportDate: new Date(`${DAY}T00:00:00Z`), registerKindId: await kindId("BIRTH"), phaseId: await phaseId("P1") }, orderBy: { version: "asc" } });
    expect(versions.map((v) => v.entriesDigitized)).toEqual([300, 450, 100]);
    expect(versions.at(-1)).toMatchObject({ isCorrection: true, correctionReason: expect.stringContaining("Nhập nhầm") });
  });

  it("enforces scope and role", async () => {
    const sonKon = await db.prisma.unit.findFirstOrThrow({ where: { code: "20473" } });
    const other = grid({ ...zaHung, id: sonKon.id, code: "20473", name: sonKon.name, fullName: sonKon.fullName }, figures(10));
    expect((await post("zahung", { unitCode: "20473", grid: other, acceptWarnings: true })).status).toBe(404);
    expect((await post("lanhdao", { unitCode: "20491", grid: grid(zaHung, figures(460)), acceptWarnings: true })).status).toBe(403);
    const district = await post("donggiang", { unitCode: "20473", grid: other, acceptWarnings: true, reportDate: DAY });
    expect(district.status, await district.clone().text()).toBe(201);
    expect((await app.request("/api/submissions", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(401);
  });

  it("answers bad input with a clear 4xx and stores nothing", async () => {
    const subs = await db.prisma.submission.count();
    const snaps = await count();
    const auth = { authorization: `Bearer ${tokens.zahung}` };
    const malformed = await app.request("/api/submissions", { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: "{\"unitCode\": " });
    expect(malformed.status).toBe(400);
    const wrongType = await post("zahung", { unitCode: "20491", grid: "not a grid" });
    expect(wrongType.status).toBe(400);
    const wrongBody = (await wrongType.json()) as { error: { field: string; message: { vi: string; en: string } } };
    expect(wrongBody.error.field).toBe("grid");
    // The Vietnamese message is Vietnamese throughout, not zod's English wording.
    expect(wrongBody.error.message.vi).toMatch(/^Dữ liệu không hợp lệ ở trường "grid": Đầu vào không hợp lệ: mong đợi/);
    expect(wrongBody.error.message.en).toMatch(/^Invalid input at "grid": Invalid input: expected object/);
    // A bad cell is named by its address, in both languages.
    const badCell = grid(zaHung, figures(1));
    (badCell.sheets[0]!.rows[3] as unknown[])[2] = { formula: "=A1" };
    const badCellRes = await post("zahung", { unitCode: "20491", grid: badCell });
    expect(badCellRes.status).toBe(400);
    const badCellBody = (await badCellRes.json()) as { error: { field: string; message: { vi: string; en: string } } };
    expect(badCellBody.error.field).toBe("grid.sheets.0.rows.3.2");
    expect(badCellBody.error.message.vi).toBe('Dữ liệu không hợp lệ ở trường "grid.sheets.0.rows.3.2": ô C4 phải là chữ (tối đa 2.000 ký tự), số, đúng/sai hoặc để trống');
    expect(badCellBody.error.message.en).toBe('Invalid input at "grid.sheets.0.rows.3.2": cell C4 must be text (at most 2,000 characters), a number, true/false or empty');
    const longRow = await post("zahung", { unitCode: "20491", grid: { sheets: [{ name: "S", rows: [Array.from({ length: 201 }, () => 1)] }] } });
    expect(((await longRow.json()) as { error: { message: { en: string } } }).error.message.en).toContain("row 1 must be a list of at most 200 cells");
    const shortReason = await post("zahung", { unitCode: "20491", grid: grid(zaHung, figures(1)), correctionReason: "x" });
    expect(((await shortReason.json()) as { error: { message: { vi: string } } }).error.message.vi).toBe('Dữ liệu không hợp lệ ở trường "correctionReason": Quá nhỏ: mong đợi string có >=3 ký tự');
    const text = await app.request("/api/submissions", { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: "hello" });
    expect(text.status).toBe(415);
    const huge = await post("zahung", { unitCode: "20491", grid: { sheets: [{ name: "S", rows: Array.from({ length: 20_000 }, () => ["x".repeat(20)]) }] } });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain("MB");
    const tooManyRows = await createApp({ db, config: { maxRows: 10 } }).request("/api/submissions", { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ unitCode: "20491", grid: grid(zaHung, figures(500)) }) });
    expect(tooManyRows.status).toBe(413);
    expect(await db.prisma.submission.count()).toBe(subs);
    expect(await count()).toBe(snaps);
  });

  it("credits a sheet dated after the reform that still names old communes to their successor, summed, with a warning", async () => {
    tokens.admin = await signIn(app, "admin");
    const rows = [
      ["Ngày báo cáo:", "10/07/2025"],
      ["STT", "Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Số dữ liệu đã số hóa"],
      [1, "Zà Hung", 12_508, 1_000],
      [2, "Xã A Rooi", 5_000, 2_000],
    ];
    const res = await post("admin", { unitCode: "48", grid: { sheets: [{ name: "Đà Nẵng", rows }] }, acceptWarnings: true });
    expect(res.status, await res.clone().text()).toBe(201);
    const receipt = (await res.json()) as { warnings: { code: string; message: { vi: string; en: string } }[]; changes: { unitCode: string; entriesDigitized: number; registerKind: string }[] };
    const former = receipt.warnings.filter((w) => w.code === "UNIT_FORMER");
    expect(former).toHaveLength(2);
    expect(former[0]!.message.vi).toBe("Xã Za Hung (cũ) nay thuộc Xã Đông Giang: số liệu được ghi cho Xã Đông Giang.");
    expect(former[0]!.message.en).toContain("(former) is now part of Xã Đông Giang");
    const main = receipt.changes.filter((ch) => ch.unitCode === "20467" && ch.entriesDigitized > 0);
    expect(main).toEqual([expect.objectContaining({ entriesDigitized: 3_000 })]);
  });

  describe("xlsx upload", () => {
    const upload = async (user: string, bytes: Uint8Array, name = "tien-do.xlsx", extra: Record<string, string> = {}) => {
      const form = new FormData();
      form.set("file", new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      form.set("unitCode", "20491");
      for (const [k, v] of Object.entries(extra)) form.set(k, v);
      return app.request("/api/submissions/upload", { method: "POST", headers: { authorization: `Bearer ${tokens[user]}` }, body: form });
    };
    async function xlsxOf(g: Grid) {
      const wb = new ExcelJS.Workbook();
      for (const s of g.sheets) {
        const ws = wb.addWorksheet(s.name);
        for (const r of s.rows) ws.addRow(r);
      }
      return new Uint8Array(await wb.xlsx.writeBuffer());
    }

    it("reads an .xlsx with exceljs, validates it the same way and keeps the original file", async () => {
      const res = await upload("zahung", await xlsxOf(grid(zaHung, figures(600), "2025-02-20")), "tien-do.xlsx", { acceptWarnings: "true" });
      expect(res.status, await res.clone().text()).toBe(201);
      const { id } = (await res.json()) as { id: string };
      const s = await db.prisma.submission.findUniqueOrThrow({ where: { id }, include: { file: true } });
      expect(s.source).toBe("UPLOAD");
      expect(s.file?.filename).toBe("tien-do.xlsx");
      expect(s.file?.size).toBeGreaterThan(1000);
    });

    it("refuses a file that is not an xlsx, a broken one and a zip bomb, storing nothing", async () => {
      const subs = await db.prisma.submission.count();
      const notXlsx = await upload("zahung", new TextEncoder().encode("Mã đơn vị;Tên\n20491;Za Hung"), "data.csv");
      expect(notXlsx.status).toBe(400);
      expect(((await notXlsx.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain(".xlsx");
      const broken = await upload("zahung", new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]));
      expect(broken.status).toBe(400);
      expect((await upload("zahung", zipBomb())).status).toBe(413);
      // headers that claim 1 KB for 1.2 GB: refused while inflating, before exceljs
      const lying = await upload("zahung", lyingZipBomb(1200).zip);
      expect(lying.status).toBe(413);
      expect(((await lying.json()) as { error: { message: { en: string } } }).error.message.en).toContain("inflates to more than");
      expect(await db.prisma.submission.count()).toBe(subs);
    });
  });
});

/** A zip whose directory declares a 3 GB entry (nothing that large is sent). */
function zipBomb(): Uint8Array {
  const name = new TextEncoder().encode("xl/worksheets/sheet1.xml");
  const data = new Uint8Array(16);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(8, 8, true);
  local.setUint32(18, data.length, true);
  local.setUint32(22, 3_000_000_000, true);
  local.setUint16(26, name.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(10, 8, true);
  central.setUint32(20, data.length, true);
  central.setUint32(24, 3_000_000_000, true);
  central.setUint16(28, name.length, true);
  const cdOffset = 30 + name.length + data.length;
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, 1, true);
  eocd.setUint16(10, 1, true);
  eocd.setUint32(12, 46 + name.length, true);
  eocd.setUint32(16, cdOffset, true);
  const parts = [new Uint8Array(local.buffer), name, data, new Uint8Array(central.buffer), name, new Uint8Array(eocd.buffer)];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
