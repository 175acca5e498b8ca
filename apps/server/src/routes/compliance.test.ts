import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";

describe("GET /api/compliance", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  let token: string;
  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    app = createApp({ db });
    token = await signIn(app, "quangnam");
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("splits Quảng Nam's reporting units into on time, late and missing for 18/02/2025 (17:00)", async () => {
    const res = await app.request("/api/compliance?unit=49&period=day&date=2025-02-18", { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const b = (await res.json()) as { period: { cutoffAt: string }; onTime: { submittedAt: string }[]; late: { submittedAt: string }[]; missing: unknown[] };
    expect(b.period.cutoffAt).toBe("2025-02-18T10:00:00.000Z");
    expect(b.onTime.length + b.late.length + b.missing.length).toBe(234); // 233 communes + the Department of Justice
    expect(b.missing.length).toBeGreaterThan(0);
    expect(b.late.length).toBeGreaterThan(0);
    for (const r of b.late) expect(r.submittedAt > b.period.cutoffAt).toBe(true);
    for (const r of b.onTime) expect(r.submittedAt <= b.period.cutoffAt).toBe(true);
    // the same from the data
    const accepted = await db.prisma.submission.findMany({ where: { reportDate: new Date("2025-02-18T00:00:00Z"), status: "ACCEPTED" }, distinct: ["unitId"], select: { unitId: true } });
    expect(b.onTime.length + b.late.length).toBe(accepted.length);
  });

  it("is scoped", async () => {
    const t = await signIn(app, "zahung");
    expect((await app.request("/api/compliance?unit=49&period=day&date=2025-02-18", { headers: { authorization: `Bearer ${t}` } })).status).toBe(404);
  });
});
