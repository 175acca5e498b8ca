import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startTestServer, type TestServer } from "../testing";

/** Đông Giang's own layout: last period's figure first, then this one; a "Trong đó" line under a commune. */
const grid = (za: number) => ({
  sheets: [{
    name: "BC",
    rows: [
      ["Số liệu tính đến ngày 25/02/2025"],
      ["Tên đơn vị", "Tổng số dữ liệu cần số hóa", "Đã số hóa (kỳ trước)", "Đã số hóa"],
      ["Xã Za Hung", 5000, 900, za],
      ["Trong đó: thôn biên giới", 1000, 100, 200],
      ["Xã Sông Kôn", 3000, 700, 800],
    ],
  }],
});

describe("saved sheet layouts", () => {
  let server: TestServer;
  let district: string;
  const call = (token: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    server.app.request(path, { method: init.method ?? "GET", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  const dryRun = async (za: number) => (await (await call(district, "/api/submissions", { method: "POST", body: { unitCode: "505", grid: grid(za), dryRun: true } })).json()) as { issues: { code: string; cell: string }[]; totals: { entriesDigitized: number }; reading: { sheets: { signature: string; layout?: string; tally: Record<string, number> }[] } };

  beforeAll(async () => {
    server = await startTestServer({ progress: false, clock: () => new Date("2025-03-01T03:00:00Z") });
    district = await signIn(server.app, "donggiang");
  }, 300_000);
  afterAll(async () => server?.close());

  it("a district corrects how its sheet is read once; the next sheet of that layout is read right with no correction", async () => {
    const first = await dryRun(1200);
    expect(first.issues.map((i) => `${i.code}@${i.cell}`)).toContain("UNIT_UNKNOWN@A4");
    const signature = first.reading.sheets[0]!.signature;
    expect(signature).toMatch(/^[0-9a-f]{8}$/);

    const saved = await call(district, `/api/units/505/sheet-layouts/${signature}`, { method: "PUT", body: { columns: { C: null, D: "entriesDigitized" }, notData: ["Trong đó: thôn biên giới"] } });
    expect(saved.status).toBe(200);
    const next = await dryRun(1500);
    expect(next.issues.filter((i) => i.code !== "ROW_EMPTY")).toEqual([]);
    expect(next.totals.entriesDigitized).toBe(2300);
    expect(next.reading.sheets[0]).toMatchObject({ layout: "saved" });
    expect(next.reading.sheets[0]!.tally.ignored).toBeGreaterThanOrEqual(1);

    const listed = (await (await call(district, "/api/units/505/sheet-layouts")).json()) as { layouts: { signature: string }[] };
    expect(listed.layouts.map((l) => l.signature)).toEqual([signature]);
    expect((await call(district, `/api/units/505/sheet-layouts/${signature}`, { method: "DELETE" })).status).toBe(204);
    expect((await dryRun(1500)).reading.sheets[0]!.layout).toBeUndefined();
  });

  it("stays within the person's subtree and refuses what is not a layout", async () => {
    const commune = await signIn(server.app, "zahung");
    expect((await call(commune, "/api/units/505/sheet-layouts/0a0b0c0d", { method: "PUT", body: { columns: { C: null } } })).status).toBe(404);
    expect((await call(district, "/api/units/505/sheet-layouts/0a0b0c0d", { method: "PUT", body: { columns: { C: "nonsense" } } })).status).toBe(400);
    expect((await call(district, "/api/units/505/sheet-layouts/not-hex", { method: "PUT", body: {} })).status).toBe(400);
    const viewer = await signIn(server.app, "lanhdao");
    expect((await call(viewer, "/api/units/505/sheet-layouts/0a0b0c0d", { method: "PUT", body: {} })).status).toBe(403);
  });
});
