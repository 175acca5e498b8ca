/**
 * Ingest benchmark (issue 4): concurrent clients submit commune sheets (~20 rows: 14 figures plus the
 * header block) over real HTTP; prints submissions per second and the ratio to the same server's
 * /api/health throughput, measured in the same run.
 */
import { Worker } from "node:worker_threads";
import type { UnitRef } from "@sohoa/core";
import { startTestServer, signIn } from "../src/testing";
import { batchSizes } from "../src/services/submission-writer";
import { communeGrid } from "../src/test-support/sheets";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1200);

interface LoadRequest { path: string; method?: string; headers?: Record<string, string>; body?: string; expect?: number }

/** Runs `requests` from a separate thread with `clients` concurrent connections; seconds taken and failures. */
function load(url: string, requests: LoadRequest[]): Promise<{ seconds: number; failures: number; samples: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { url, clients: CLIENTS, requests } });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

/** BENCH_PROFILE=file.cpuprofile: a CPU profile of the submission phase only (the server runs in this process). */
async function startProfile() {
  const out = process.env.BENCH_PROFILE;
  if (!out) return null;
  const { Session } = await import("node:inspector/promises");
  const { writeFile } = await import("node:fs/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      await writeFile(out, JSON.stringify(profile));
      session.disconnect();
    },
  };
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
    const health = await load(url, Array.from({ length: healthN }, () => ({ path: "/api/health" })));
    const healthRate = healthN / health.seconds;

    const profiler = await startProfile();
    const run = await load(url, bodies.map((body, i) => ({
      path: "/api/submissions", method: "POST", body, expect: 201, headers: { ...headers, "idempotency-key": `bench-submission-${i}` },
    })));
    await profiler?.stop();
    const failures = run.failures;
    for (const s of run.samples) console.log(`  failed: ${s}`);
    const submitRate = SUBMISSIONS / run.seconds;
    const sizes = batchSizes.splice(0);
    const mean = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);
    console.log(`ingest on ${db.kind}: ${CLIENTS} concurrent clients, ${SUBMISSIONS} commune sheets of 14 rows (${failures} failed)`);
    console.log(`  /api/health: ${healthRate.toFixed(0)} req/s`);
    console.log(`  group commit: ${sizes.length} write transactions, ${mean.toFixed(1)} submissions each on average (max ${Math.max(0, ...sizes)})`);
    console.log(`  submissions: ${submitRate.toFixed(0)} per second = ${(submitRate / healthRate).toFixed(3)} × health throughput`);
    return { healthRate, submitRate, failures };
  } finally {
    await server.close();
  }
}
