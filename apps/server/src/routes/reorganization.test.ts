import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";

describe("reorganization API", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  const call = (user: string, path: string, init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { authorization: `Bearer ${tokens[user]}`, "content-type": "application/json", ...(init.headers ?? {}) } });
  beforeAll(async () => {
    // the whole country, so that divided communes exist (none of Quảng Nam's was divided)
    db = await openTestDatabase({ demo: true, registry: "full" });
    app = createApp({ db });
    for (const u of ["admin", "quangnam"]) tokens[u] = await signIn(app, u);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("shows that old Xã Za Hung became part of a new commune on 01/07/2025", async () => {
    const res = await call("admin", "/api/units/20491/history?date=2025-02-18");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { unit: { fullName: string }; successors: { effectiveDate: string; unit: { code: string } }[] };
    expect(body.unit.fullName).toBe("Xã Za Hung");
    expect(body.successors).toEqual([expect.objectContaining({ effectiveDate: "2025-07-01", unit: expect.objectContaining({ code: "20467" }) })]);
  });

  it("lists each new commune of Đà Nẵng with what it was formed from and the carried figures", async () => {
    const res = await call("admin", "/api/reorganization/48");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { carried: { entriesDigitized: number }; communes: { carried: { entriesDigitized: number }; formedFrom: { unit: { code: string } }[] }[] };
    const fromQuangNam = body.communes.filter((c) => c.formedFrom.length > 0);
    expect(fromQuangNam.length).toBeGreaterThan(50);
    // all of Quảng Nam's figures, its Department of Justice's included (carried into Đà Nẵng's)
    expect(body.carried.entriesDigitized).toBe(642_806);
  });

  it("lets an admin split a divided commune by shares (audited), keeping the total", async () => {
    const divided = await db.prisma.unit.findFirstOrThrow({ where: { level: "COMMUNE", validTo: new Date("2025-07-01"), successors: { some: { isPrimary: false } } }, include: { successors: true } });
    const [a, b] = divided.successors;
    const before = (await (await call("admin", "/api/units/48/progress?date=2025-07-01")).json()) as { unit: { counts: { entriesDigitized: number } } };
    const bad = await call("admin", `/api/units/${divided.id}/successors`, { method: "PUT", body: JSON.stringify({ mode: "shares", shares: [{ successorId: a!.successorId, percent: 50 }, { successorId: b!.successorId, percent: 40 }], reason: "Theo Nghị quyết phân chia" }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain("100%");
    const denied = await call("quangnam", `/api/units/${divided.id}/successors`, { method: "PUT", body: JSON.stringify({ mode: "primary", primarySuccessorId: b!.successorId, reason: "Không có quyền" }) });
    expect(denied.status).toBe(403);
    const ok = await call("admin", `/api/units/${divided.id}/successors`, { method: "PUT", body: JSON.stringify({ mode: "shares", shares: [{ successorId: a!.successorId, percent: 60 }, { successorId: b!.successorId, percent: 40 }], reason: "Theo Nghị quyết phân chia" }) });
    expect(ok.status).toBe(200);
    const after = (await (await call("admin", "/api/units/48/progress?date=2025-07-01")).json()) as { unit: { counts: { entriesDigitized: number } } };
    expect(after.unit.counts.entriesDigitized).toBe(before.unit.counts.entriesDigitized);
    const entry = await db.prisma.auditLog.findFirst({ where: { action: "succession_allocation", entityId: divided.id } });
    expect(entry?.username).toBe("admin");
  });
});
