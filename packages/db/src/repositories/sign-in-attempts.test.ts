import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../connection";
import { createTestDatabase } from "../testing";
import { clearSignInAttempts, countSignInAttempt, purgeSignInAttempts } from "./sign-in-attempts";

describe("sign-in attempt counts", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it("gives each of a burst of concurrent attempts its own count", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const counts = await Promise.all(Array.from({ length: 32 }, () => countSignInAttempt(db.sql, ["ip:10.0.0.1", "u:burst"], now, 60_000)));
    const ip = counts.map((c) => c.find((r) => r.key === "ip:10.0.0.1")!.count).sort((a, b) => a - b);
    expect(ip).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });

  it("starts a key again at 1 once its window is over, forgets cleared keys and takes back one attempt of forgiven ones", async () => {
    const t0 = new Date("2026-01-02T00:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    expect((await countSignInAttempt(db.sql, ["u:w"], t0, 60_000))[0]).toEqual({ key: "u:w", count: 1, windowStart: t0 });
    expect((await countSignInAttempt(db.sql, ["u:w"], at(59_000), 60_000))[0]!.count).toBe(2);
    expect((await countSignInAttempt(db.sql, ["u:w"], at(60_000), 60_000))[0]).toEqual({ key: "u:w", count: 1, windowStart: at(60_000) });
    await countSignInAttempt(db.sql, ["ip:w"], at(60_000), 60_000);
    expect((await countSignInAttempt(db.sql, ["ip:w"], at(60_000), 60_000))[0]!.count).toBe(2);
    await clearSignInAttempts(db.sql, ["u:w"], ["ip:w"]);
    expect((await countSignInAttempt(db.sql, ["u:w"], at(61_000), 60_000))[0]!.count).toBe(1);
    expect((await countSignInAttempt(db.sql, ["ip:w"], at(61_000), 60_000))[0]!.count).toBe(2);
    expect(await purgeSignInAttempts(db.sql, at(3_600_000))).toBeGreaterThan(0);
  });
});
