/**
 * The console's unit search after the 2025 reform: "today" has none of the old units, so a search with the date
 * left empty asks for the latest report date ("latest") and for the former units with where they went.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { createApp } from "../../app";
import { openTestDatabase, signIn } from "../../testing";
import { body, client, type Client } from "./test-kit";

/** 10/01/2026 in Vietnam: long after the reorganization of 01/07/2025. */
const AFTER_REFORM = new Date("2026-01-10T03:00:00Z");
let db: Database;
let admin: Client;
beforeAll(async () => {
  db = await openTestDatabase({ demo: true });
  const app = createApp({ db, clock: () => AFTER_REFORM, config: { trustedProxies: ["127.0.0.1"] } });
  admin = client(app, await signIn(app, "admin"));
}, 300_000);
afterAll(async () => {
  await db?.close();
});

type Row = { code: string; fullName: string; validTo: string | null; successors?: { code: string; fullName: string; effectiveDate: string }[] };

describe("unit search with the date left empty, after the reform", () => {
  it("today (the old default) finds none of the old units", async () => {
    for (const q of ["za hung", "tra mai"]) expect(await body<Row[]>(await admin.get(`/api/units?q=${encodeURIComponent(q)}`)), q).toEqual([]);
  });

  it("date=latest searches the latest report date and says which (X-As-Of)", async () => {
    for (const [q, name] of [["za hung", "Xã Za Hung"], ["Zà Hung", "Xã Za Hung"], ["quang nam", "Tỉnh Quảng Nam"], ["tra mai", "Xã Trà Mai"]] as const) {
      const res = await admin.get(`/api/units?q=${encodeURIComponent(q)}&date=latest&former=true`);
      expect(res.headers.get("x-as-of"), q).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const rows = await body<Row[]>(res);
      expect(rows.map((r) => r.fullName), q).toContain(name);
    }
  });

  it("a unit that closed on 01/07/2025 carries its successor", async () => {
    const rows = await body<Row[]>(await admin.get(`/api/units?q=${encodeURIComponent("za hung")}&date=latest&former=true`));
    const zahung = rows.find((r) => r.fullName === "Xã Za Hung")!;
    expect(zahung.validTo).toBe("2025-07-01");
    expect(zahung.successors?.[0]).toMatchObject({ effectiveDate: "2025-07-01" });
    expect(zahung.successors?.[0]?.fullName).toMatch(/^Xã /);
  });

  it("former=true on today's date lists the closed units too; without q it adds nothing", async () => {
    const rows = await body<Row[]>(await admin.get(`/api/units?q=${encodeURIComponent("tra mai")}&former=true`));
    expect(rows.find((r) => r.fullName === "Xã Trà Mai")?.successors?.length).toBeGreaterThan(0);
    const plain = await admin.get("/api/units?former=true&_start=0&_end=5");
    expect((await body<Row[]>(plain)).every((r) => !r.validTo)).toBe(true);
  });
});
