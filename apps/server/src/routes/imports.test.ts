/**
 * File imports through the API on the demo: unit registry (preview, import, audit, date order), successor links,
 * monthly targets from .xlsx (template, per-cell errors in vi+en with nothing stored, scope, import, audit),
 * and where a closed unit went (the dashboard's hint after 01/07/2025).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readRegistry, REGISTRY_2025_07_01, type Database, type RegistryNode } from "@sohoa/db";
import { body, expectMessage, setup, unitId, type Client, type DemoUser, type TestApp } from "./resources/test-kit";

let db: Database;
let app: TestApp;
let as: Record<DemoUser, Client>;
beforeAll(async () => {
  ({ db, app, as } = await setup());
}, 300_000);
afterAll(async () => {
  await db?.close();
});

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
function upload(user: DemoUser, path: string, file: { name: string; bytes: Uint8Array | string; type?: string }, fields: Record<string, string>) {
  const form = new FormData();
  form.set("file", new File([typeof file.bytes === "string" ? file.bytes : new Blob([file.bytes as Uint8Array<ArrayBuffer>])], file.name, { type: file.type ?? "application/octet-stream" }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return Promise.resolve(app.request(path, { method: "POST", headers: { authorization: `Bearer ${as[user].token}` }, body: form }));
}

/** The open part of the 2025-07-01 map the demo loaded (the provinces Quảng Nam's communes went into). */
async function currentRegistry(): Promise<RegistryNode[]> {
  const open = new Set((await db.prisma.unit.findMany({ where: { level: "PROVINCE", validTo: null }, select: { code: true } })).map((u) => u.code));
  return readRegistry(REGISTRY_2025_07_01).filter((p) => open.has(p.code));
}

describe("unit registry import", () => {
  it("previews, then imports a changed registry: counts opened/closed/changed/unchanged, audited, idempotent", async () => {
    const reg = structuredClone(await currentRegistry());
    const dn = reg.find((p) => p.code === "48")!;
    const wards = dn.wards!;
    const renamed = wards[0]!;
    renamed.name = `${renamed.name} Mới`;
    renamed.fullName = `${renamed.fullName} Mới`;
    const removed = wards.pop()!;
    wards.push({ code: "99901", name: "Thử Nghiệm", fullName: "Xã Thử Nghiệm", type: "commune" });
    const total = reg.reduce((n, p) => n + 1 + (p.wards?.length ?? 0), 0);
    const file = { name: "registry-2026.json", bytes: JSON.stringify(reg), type: "application/json" };
    const auditsBefore = await db.prisma.auditLog.count({ where: { entity: "unit_registry" } });

    const preview = await upload("admin", "/api/units/import", file, { effectiveDate: "2026-01-01", dryRun: "true" });
    expect(preview.status).toBe(200);
    const p = await body(preview);
    expect(p).toMatchObject({ dryRun: true, units: total, report: { added: 1, changed: 1, closed: 1, unchanged: total - 2 } });
    expect(p.report.byLevel.COMMUNE).toMatchObject({ added: 1, changed: 1, closed: 1 });
    // nothing written by the preview
    expect(await db.prisma.unit.count({ where: { code: "99901" } })).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { entity: "unit_registry" } })).toBe(auditsBefore);

    const done = await body(await upload("admin", "/api/units/import", file, { effectiveDate: "2026-01-01" }));
    expect(done).toMatchObject({ dryRun: false, report: { added: 1, changed: 1, closed: 1 } });
    const gone = await db.prisma.unit.findFirstOrThrow({ where: { code: removed.code, level: "COMMUNE", validFrom: { lte: new Date("2025-07-01") } }, orderBy: { validFrom: "desc" } });
    expect(gone.validTo?.toISOString().slice(0, 10)).toBe("2026-01-01");
    expect((await db.prisma.unit.findFirstOrThrow({ where: { code: "99901" } })).validFrom.toISOString().slice(0, 10)).toBe("2026-01-01");
    const a = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "unit_registry", action: "import" }, orderBy: { at: "desc" } });
    expect(a).toMatchObject({ username: "admin", details: expect.objectContaining({ filename: "registry-2026.json", added: 1, closed: 1, effective: "2026-01-01" }) });

    // the same file again changes nothing
    const again = await body(await upload("admin", "/api/units/import", file, { effectiveDate: "2026-01-01", dryRun: "true" }));
    expect(again.report).toMatchObject({ added: 0, changed: 0, closed: 0, unchanged: total });
    // an earlier date than changes already in the tree: 409, in both languages
    const early = await upload("admin", "/api/units/import", file, { effectiveDate: "2025-12-01" });
    expect(early.status).toBe(409);
    const eb = await body(early);
    expectMessage(eb);
    expect(eb.error.message.vi).toContain("theo thứ tự ngày");
  }, 120_000);

  it("refuses bad files with a clear 4xx and stores nothing; only admins import", async () => {
    const count = await db.prisma.unit.count();
    const cases: [DemoUser, { name: string; bytes: string }, Record<string, string>, number, RegExp][] = [
      ["admin", { name: "x.json", bytes: "{not json" }, { effectiveDate: "2026-02-01" }, 400, /JSON/],
      ["admin", { name: "x.json", bytes: JSON.stringify([{ code: "48", name: "Đà Nẵng" }]) }, { effectiveDate: "2026-02-01" }, 400, /\[0\]\.fullName/],
      ["admin", { name: "x.json", bytes: JSON.stringify([{ code: "48", name: "A", fullName: "Tỉnh A", wards: [{ code: "1", name: "B", fullName: "Xã B" }, { code: "1", name: "C", fullName: "Xã C" }] }]) }, { effectiveDate: "2026-02-01" }, 400, /hai lần/],
      ["admin", { name: "x.json", bytes: "[]" }, { effectiveDate: "2026-02-30" }, 400, /Ngày hiệu lực/],
      ["quangnam", { name: "x.json", bytes: "[]" }, { effectiveDate: "2026-02-01" }, 403, /quyền/],
    ];
    for (const [user, file, fields, status, vi] of cases) {
      const res = await upload(user, "/api/units/import", file, fields);
      expect(res.status, JSON.stringify(fields)).toBe(status);
      const b = await body(res);
      expectMessage(b);
      expect(b.error.message.vi).toMatch(vi);
    }
    // not multipart → 415; too large → 413
    const json = await as.admin.post("/api/units/import", { effectiveDate: "2026-02-01" });
    expect(json.status).toBe(415);
    const big = await upload("admin", "/api/units/import", { name: "big.json", bytes: "[" + " ".repeat(11 * 1024 * 1024) + "]" }, { effectiveDate: "2026-02-01" });
    expect(big.status).toBe(413);
    expectMessage(await body(big));
    expect(await db.prisma.unit.count()).toBe(count);
  }, 60_000);

  it("previews and re-imports successor links idempotently", async () => {
    const links = [{ old: "20491", new: ["20494"], primary: "20494" }, { old: "00000x", new: ["1"], primary: "1" }];
    const res = await upload("admin", "/api/units/successors/import", { name: "succ.json", bytes: JSON.stringify(links.slice(0, 1)) }, { effectiveDate: "2025-07-01", dryRun: "true" });
    expect(res.status).toBe(200);
    const b = await body(res);
    expect(b).toMatchObject({ dryRun: true, predecessors: 1, carried: null });
    expect(b.linked + b.unchanged).toBe(1);
    const badRes = await upload("admin", "/api/units/successors/import", { name: "succ.json", bytes: JSON.stringify([{ old: "1", new: ["2"], primary: "3" }]) }, { effectiveDate: "2025-07-01" });
    expect(badRes.status).toBe(400);
    expectMessage(await body(badRes));
    expect((await upload("donggiang", "/api/units/successors/import", { name: "s.json", bytes: "[]" }, { effectiveDate: "2025-07-01" })).status).toBe(403);
  });
});

describe("monthly targets from .xlsx", () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = (await db.prisma.campaign.findFirstOrThrow({ where: { code: "QNA-SHHT-2025" } })).id;
  });

  async function template(user: DemoUser, query: string) {
    const res = await as[user].get(`/api/targets/template.xlsx?campaignId=${campaignId}&${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return { wb, ws: wb.worksheets[0]!, disposition: res.headers.get("content-disposition") };
  }
  const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

  it("downloads the template: communes of Đông Giang × the campaign's months, current targets filled in", async () => {
    const { ws, disposition } = await template("quangnam", "unit=505&level=COMMUNE");
    expect(disposition).toContain("chi-tieu-505-2025-01-2025-03.xlsx");
    expect(ws.getRow(1).values).toEqual([undefined, "Mã đơn vị", "Tên đơn vị", "Thuộc", "01/2025", "02/2025", "03/2025"]);
    const codes: string[] = [];
    ws.eachRow((r, i) => { if (i > 1) codes.push(String(r.getCell(1).value)); });
    const communes = await db.prisma.unit.count({ where: { parent: { code: "505", validTo: { not: null } }, level: "COMMUNE", validFrom: { lte: new Date("2025-01-01") } } });
    expect(codes).toHaveLength(communes);
    expect(codes).toContain("20491");
    const zahung = await unitId(db, "20491");
    const feb = await db.prisma.target.findFirstOrThrow({ where: { campaignId, unitId: zahung, periodStart: new Date("2025-02-01") } });
    const row = ws.getRows(2, codes.length)!.find((r) => r.getCell(1).value === "20491")!;
    expect(row.getCell(5).value).toBe(feb.entriesTarget);
    expect(row.getCell(6).value).toBeNull();
    // a commune user may not download it; a unit outside the scope is not found
    expect((await as.zahung.get(`/api/targets/template.xlsx?campaignId=${campaignId}`)).status).toBe(403);
    expect((await as.donggiang.get(`/api/targets/template.xlsx?campaignId=${campaignId}&unit=49`)).status).toBe(404);
  });

  it("refuses a sheet with errors, naming each cell in Vietnamese and English, and stores nothing", async () => {
    const { wb, ws } = await template("quangnam", "unit=505&level=COMMUNE");
    const rowOf = (code: string) => ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === code)!;
    rowOf("20491").getCell(6).value = -5; // F: March, negative
    rowOf("20473").getCell(6).value = "nhiều"; // not a number
    ws.addRow(["20491", "Xã Za Hung", "", null, null, 100]); // duplicate unit
    ws.addRow(["99999", "Xã Không Có", "", null, null, 100]); // unknown
    const before = await db.prisma.target.count();
    const res = await upload("quangnam", "/api/targets/import", { name: "chi-tieu.xlsx", bytes: await bytesOf(wb), type: XLSX }, { campaignId });
    expect(res.status).toBe(422);
    const b = await body(res);
    expectMessage(b);
    const byCell = new Map<string, { code: string; message: { vi: string; en: string } }>(b.error.issues.map((i: any) => [i.cell, i]));
    const r491 = rowOf("20491").number;
    expect(byCell.get(`F${r491}`)).toMatchObject({ code: "bad_count", message: { vi: expect.stringContaining("số nguyên không âm"), en: expect.stringContaining("whole number") } });
    expect(byCell.get(`F${rowOf("20473").number}`)?.code).toBe("bad_count");
    expect(byCell.get(`A${ws.rowCount - 1}`)).toMatchObject({ code: "duplicate_unit", message: { vi: expect.stringContaining(`dòng ${r491}`) } });
    expect(byCell.get(`A${ws.rowCount}`)).toMatchObject({ code: "unit_not_in_scope", message: { vi: expect.stringContaining("99999") } });
    expect(b.error.issues).toHaveLength(4);
    expect(await db.prisma.target.count()).toBe(before);
  });

  it("a province user cannot import targets for another province's unit; a district not for itself", async () => {
    const nation = (await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } })).id;
    const prov = await body(await as.admin.post("/api/units", { code: "99", name: "Thử Nghiệm", level: "PROVINCE", parentId: nation, validFrom: "2024-01-01" }));
    const com = await body(await as.admin.post("/api/units", { code: "99001", name: "Bên Kia", level: "COMMUNE", parentId: prov.id, validFrom: "2024-01-01" }));
    expect(com.id).toBeTruthy();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Chỉ tiêu");
    ws.addRow(["Mã đơn vị", "Tên đơn vị", "03/2025"]);
    ws.addRow(["99001", "Xã Bên Kia", 5000]);
    const before = await db.prisma.target.count();
    const res = await upload("quangnam", "/api/targets/import", { name: "t.xlsx", bytes: await bytesOf(wb), type: XLSX }, { campaignId });
    expect(res.status).toBe(422);
    const b = await body(res);
    expect(b.error.issues).toEqual([expect.objectContaining({ cell: "A2", code: "unit_not_in_scope", message: { vi: expect.stringContaining("phạm vi"), en: expect.stringContaining("scope") } })]);
    // the admin sees the unit but the Quảng Nam campaign does not cover it
    const adm = await body(await upload("admin", "/api/targets/import", { name: "t.xlsx", bytes: await bytesOf(wb), type: XLSX }, { campaignId }));
    expect(adm.error.issues[0]).toMatchObject({ cell: "A2", code: "not_in_campaign" });
    // a district official cannot set the district's own target
    const own = new ExcelJS.Workbook();
    own.addWorksheet("x").addRows([["Mã đơn vị", "03/2025"], ["505", 10]]);
    const ob = await body(await upload("donggiang", "/api/targets/import", { name: "t.xlsx", bytes: await bytesOf(own), type: XLSX }, { campaignId }));
    expect(ob.error.issues[0]).toMatchObject({ cell: "A2", code: "own_unit" });
    // a month outside the campaign is marked on its header cell
    const late = new ExcelJS.Workbook();
    late.addWorksheet("x").addRows([["Mã đơn vị", "Tháng 04/2025"], ["20491", 10]]);
    const lb = await body(await upload("quangnam", "/api/targets/import", { name: "t.xlsx", bytes: await bytesOf(late), type: XLSX }, { campaignId }));
    expect(lb.error.issues[0]).toMatchObject({ cell: "B1", code: "month_outside_campaign" });
    // not a workbook at all
    const junk = await upload("quangnam", "/api/targets/import", { name: "t.xlsx", bytes: "hello", type: XLSX }, { campaignId });
    expect(junk.status).toBe(400);
    expectMessage(await body(junk));
    expect(await db.prisma.target.count()).toBe(before);
  });

  it("previews, then imports: creates March, updates February, keeps the rest; audited", async () => {
    const { wb, ws } = await template("quangnam", "unit=505&level=COMMUNE");
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === "20491")!;
    const febBefore = Number(row.getCell(5).value);
    row.getCell(5).value = febBefore + 1; // February changed
    row.getCell(6).value = "12.000"; // March, typed the Vietnamese way
    const file = { name: "chi-tieu-dong-giang.xlsx", bytes: await bytesOf(wb), type: XLSX };
    const zahung = await unitId(db, "20491");
    const preview = await body(await upload("quangnam", "/api/targets/import", file, { campaignId, dryRun: "true" }));
    expect(preview).toMatchObject({ dryRun: true, created: 1, updated: 1 });
    expect(preview.unchanged).toBeGreaterThan(10);
    expect(preview.rows).toContainEqual(expect.objectContaining({ unit: expect.objectContaining({ code: "20491" }), month: "2025-03", entriesTarget: 12000, before: null, cell: `F${row.number}` }));
    expect(await db.prisma.target.count({ where: { unitId: zahung, periodStart: new Date("2025-03-01") } })).toBe(0);

    const done = await upload("quangnam", "/api/targets/import", file, { campaignId });
    expect(done.status).toBe(200);
    expect(await body(done)).toMatchObject({ dryRun: false, created: 1, updated: 1 });
    const march = await db.prisma.target.findFirstOrThrow({ where: { campaignId, unitId: zahung, periodStart: new Date("2025-03-01") } });
    expect(march).toMatchObject({ periodType: "MONTH", entriesTarget: 12000 });
    expect(march.periodEnd.toISOString().slice(0, 10)).toBe("2025-03-31");
    expect((await db.prisma.target.findFirstOrThrow({ where: { campaignId, unitId: zahung, periodStart: new Date("2025-02-01") } })).entriesTarget).toBe(febBefore + 1);
    const a = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "target", action: "import" }, orderBy: { at: "desc" } });
    expect(a).toMatchObject({ username: "quangnam", details: expect.objectContaining({ created: 1, updated: 1, filename: "chi-tieu-dong-giang.xlsx" }) });
    // the same sheet again changes nothing
    expect(await body(await upload("quangnam", "/api/targets/import", file, { campaignId }))).toMatchObject({ created: 0, updated: 0 });
  });
});

describe("where a closed unit went", () => {
  it("old Quảng Nam after 01/07/2025 points to Đà Nẵng; for its own user too, marked outside the scope", async () => {
    const admin = await body(await as.admin.get("/api/units/49/successor-units?date=2025-08-01"));
    expect(admin).toMatchObject({ current: false, unit: { code: "49", validTo: "2025-07-01" } });
    expect(admin.successors[0]).toMatchObject({ unit: { code: "48", level: "PROVINCE" }, inScope: true });
    expect(admin.successors[0].communes).toBeGreaterThan(200);
    const own = await body(await as.quangnam.get("/api/units/49/successor-units?date=2025-08-01"));
    expect(own.successors[0]).toMatchObject({ unit: { code: "48" }, inScope: false });
    // a commune: Za Hung → Đông Giang (new commune)
    const zh = await body(await as.zahung.get("/api/units/20491/successor-units?date=2025-08-01"));
    expect(zh.successors.map((s: any) => s.unit.fullName)).toContain("Xã Đông Giang");
    // still valid on the date: current
    expect(await body(await as.admin.get("/api/units/49/successor-units?date=2025-02-18"))).toMatchObject({ current: true, successors: [] });
    // outside the scope: not found
    expect((await as.zahung.get("/api/units/49/successor-units?date=2025-08-01")).status).toBe(404);
  });
});

describe("another province's campaign, and unit names that look like formulas", () => {
  const EVIL = '=HYPERLINK("http://example.invalid/x","Bấm vào đây")';
  let campaignId: string;
  beforeAll(async () => {
    const nation = (await db.prisma.unit.findFirstOrThrow({ where: { level: "NATION" } })).id;
    const prov = await body(await as.admin.post("/api/units", { code: "98", name: "Tỉnh Khác", level: "PROVINCE", parentId: nation, validFrom: "2024-01-01" }));
    const com = await as.admin.post("/api/units", { code: "98001", name: EVIL, fullName: EVIL, level: "COMMUNE", parentId: prov.id, validFrom: "2024-01-01" });
    expect(com.status).toBe(201);
    const k = await as.admin.post("/api/campaigns", { code: "TK-98", name: "Đợt riêng của tỉnh khác", unitId: prov.id, startDate: "2025-01-01", endDate: "2025-03-31" });
    expect(k.status).toBe(201);
    campaignId = (await body(k)).id;
  });

  it("the template of another province's campaign is not found, as the campaign itself, and its name is not told", async () => {
    const res = await as.quangnam.get(`/api/targets/template.xlsx?campaignId=${campaignId}`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain("tỉnh khác");
    expect(JSON.parse(text).error.message).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
    expect((await as.quangnam.get(`/api/campaigns/${campaignId}`)).status).toBe(404);
  });

  it("writes a unit named like a formula as escaped text, and the sheet still imports", async () => {
    const res = await as.admin.get(`/api/targets/template.xlsx?campaignId=${campaignId}&unit=98&level=COMMUNE`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="chi-tieu-98-2025-01-2025-03.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const row = wb.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe("98001");
    expect(row.getCell(2).value).toBe(`'${EVIL}`);
    expect(row.getCell(2).formula).toBeFalsy();
    // the sheet comes back with its escaped name and is read by its code
    row.getCell(4).value = 7;
    const back = await upload("admin", "/api/targets/import", { name: "t.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()), type: XLSX }, { campaignId, dryRun: "true" });
    expect(back.status).toBe(200);
    expect((await body(back)).rows[0]).toMatchObject({ unit: { code: "98001" }, entriesTarget: 7 });
  });
});
