import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UnitRef } from "@sohoa/core";
import { signIn, startTestServer, type TestServer } from "../testing";
import { communeGrid } from "../test-support/sheets";

/**
 * Over real HTTP, a sheet's body is read straight from Node's request (lib/node-body.ts), not through Hono's web
 * Request as with app.request(): the same answers, the same limits.
 */
describe("POST /api/submissions over HTTP", () => {
  let server: TestServer;
  let token: string;
  let zaHung: UnitRef;
  let body: (digitized: number) => string;
  const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/submissions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, body: payload });

  beforeAll(async () => {
    server = await startTestServer({ demo: true, config: { maxJsonBytes: 64 * 1024 } });
    token = await signIn(server.app, "zahung");
    const u = await server.db.prisma.unit.findFirstOrThrow({ where: { code: "20491", validTo: { not: null } } });
    zaHung = { id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId };
    const kinds = await server.db.prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
    const phases = await server.db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" } });
    body = (digitized) => JSON.stringify({
      unitCode: "20491", acceptWarnings: true,
      grid: communeGrid({ unit: zaHung, registerKinds: kinds, phases, reportDate: "2025-02-20", counts: () => ({ booksTotal: 20, booksDigitized: 5, entriesTotal: 2000, entriesDigitized: digitized, entriesChecked: 0, entriesLoaded: 0 }) }),
    });
  }, 120_000);
  afterAll(() => server?.close());

  it("accepts a sheet (also behind a byte-order mark), answers a retry with the same receipt", async () => {
    const first = await post(`\ufeff${body(700)}`, { "idempotency-key": "http-test-0001" });
    expect(first.status, await first.clone().text()).toBe(201);
    const receipt = (await first.json()) as { id: string; accepted: { rows: number } };
    expect(receipt.accepted.rows).toBeGreaterThan(0);
    const again = await post(body(700), { "idempotency-key": "http-test-0001" });
    expect(again.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(receipt.id);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("refuses a body over the limit, declared or streamed without a length, and a malformed one, storing nothing", async () => {
    const before = await server.db.prisma.submission.count();
    const big = JSON.stringify({ unitCode: "20491", grid: { sheets: [{ name: "S", rows: Array.from({ length: 5000 }, () => ["x".repeat(20)]) }] } });
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: { vi: string } } }).error.message.vi).toContain("vượt quá giới hạn");
    // chunked: no Content-Length, the limit is enforced while reading
    const chunked = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/api/submissions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      for (let i = 0; i < big.length; i += 8192) req.write(big.slice(i, i + 8192));
      req.end();
    });
    expect(chunked.status).toBe(413);
    expect(chunked.text).toContain("payload_too_large");
    const malformed = await post(`{"unitCode": `);
    expect(malformed.status).toBe(400);
    // not UTF-8 (a Latin-1 "à"): refused, not read with a replacement character
    const latin1 = await post(Buffer.concat([Buffer.from(body(720).slice(0, -1)), Buffer.from(`,"correctionReason":"s`), Buffer.from([0xe0]), Buffer.from(`a"}`)]));
    expect(latin1.status).toBe(400);
    expect(((await latin1.json()) as { error: { field: string } }).error.field).toBe("body");
    expect(await server.db.prisma.submission.count()).toBe(before);
    // and the server still answers on the same connections afterwards
    expect((await post(body(710), { "idempotency-key": "http-test-0002" })).status).toBe(201);
  });
});
