/**
 * Ingest benchmark (issue 4): concurrent clients submit commune sheets (~20 rows: 14 figures plus the
 * header block) over real HTTP; prints submissions per second and the ratio to the same server's
 * /api/health throughput, measured in the same run.
 */
import { performance } from "node:perf_hooks";
import type { UnitRef } from "@sohoa/core";
import { startTestServer, signIn } from "../src/testing";
import { communeGrid } from "../src/test-support/sheets";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1200);

async function pool<T>(n: number, total: number, fn: (i: number) => Promise<T>) {
  let next = 0;
  const workers = Array.from({ length: n }, async () => {
    while (next < total) await fn(next++);
  });
  await Promise.all(workers);
}

export async function ingestBench() {
  const server = await startTestServer({ demo: true, config: { log: "silent" } });
  try {
    const { db, url } = server;
    const token = await signIn(server.app, "quangnam");
    const communes = await db.prisma.unit.findMany({ where: { level: "COMMUNE", validTo: { not: null } }, orderBy: { code: "asc" } });
    const kinds = await db.prisma.registerKind.findMany({ orderBy: { sortOrder: "asc" } });
    const phases = await db.prisma.bookPhase.findMany({ orderBy: { sortOrder: "asc" } });
    // Pre-build the bodies: one sheet per commune and day after the demo, cumulative figures growing.
    const bodies: string[] = [];
    for (let i = 0; i < SUBMISSIONS; i++) {
      const u = communes[i % communes.length]!;
      const dayIndex = Math.floor(i / communes.length);
      const date = new Date(Date.UTC(2025, 1, 19 + dayIndex)).toISOString().slice(0, 10);
      const unit: UnitRef = { id: u.id, code: u.code, name: u.name, fullName: u.fullName, level: u.level, parentId: u.parentId };
      const grid = communeGrid({
        unit, registerKinds: kinds, phases, reportDate: date,
        counts: () => ({ booksTotal: 400, booksDigitized: 200 + dayIndex, entriesTotal: 50_000, entriesDigitized: 20_000 + dayIndex * 10, entriesChecked: 0, entriesLoaded: 0 }),
      });
      bodies.push(JSON.stringify({ unitCode: u.code, grid, source: "API", acceptWarnings: true, correctionReason: "Chuẩn hóa số liệu (benchmark)" }));
    }
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

    const healthN = 3000;
    let t = performance.now();
    await pool(CLIENTS, healthN, async () => {
      const r = await fetch(`${url}/api/health`);
      await r.arrayBuffer();
    });
    const healthRate = healthN / ((performance.now() - t) / 1000);

    let failures = 0;
    t = performance.now();
    await pool(CLIENTS, SUBMISSIONS, async (i) => {
      const r = await fetch(`${url}/api/submissions`, { method: "POST", headers: { ...headers, "idempotency-key": `bench-submission-${i}` }, body: bodies[i] });
      if (r.status !== 201) {
        failures++;
        if (failures <= 3) console.log(`  submission ${i}: ${r.status} ${(await r.text()).slice(0, 300)}`);
      } else await r.arrayBuffer();
    });
    const submitRate = SUBMISSIONS / ((performance.now() - t) / 1000);
    console.log(`ingest on ${db.kind}: ${CLIENTS} concurrent clients, ${SUBMISSIONS} commune sheets of 14 rows (${failures} failed)`);
    console.log(`  /api/health: ${healthRate.toFixed(0)} req/s`);
    console.log(`  submissions: ${submitRate.toFixed(0)} per second = ${(submitRate / healthRate).toFixed(3)} × health throughput`);
    return { healthRate, submitRate, failures };
  } finally {
    await server.close();
  }
}
