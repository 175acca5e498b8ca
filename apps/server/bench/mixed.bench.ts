/**
 * Mixed load (issue 19 item 15), the 17:00 rush: for a fixed time, readers open dashboards (province, district,
 * commune in turn: the progress view, then its trend, compliance and bottom-units calls) while writers post commune
 * sheets. Prints requests/s, p50 and p99 per endpoint and for all reads, errors, and the ratio of the reads' p50/p99
 * to /api/health's, measured with as many clients in the same run. On PostgreSQL (DATABASE_URL) and on PGlite.
 * BENCH_MIXED_SECONDS (20), BENCH_READERS (12), BENCH_WRITERS (4), BENCH_MIXED_DB (postgresql,pglite).
 */
import { Worker } from "node:worker_threads";
import { startTestServer, signIn } from "../src/testing";
import { demoSheets } from "./sheets";
import { viewCacheStats } from "../src/services/view-cache";

const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 20);
const READERS = Number(process.env.BENCH_READERS ?? 12);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 4);
const WARM_UP_SECONDS = 4;

type Latencies = Record<string, number[]>;
interface Result { latencies: Latencies; errors: Record<string, number>; samples: string[] }

function run(data: unknown): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./mixed-worker.mjs", import.meta.url), { workerData: data });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: quantile(s, 0.5), p99: quantile(s, 0.99) };
};

/** One run on the database the environment names (DATABASE_URL or PGlite); the reads' figures. */
async function measure(label: string) {
  const server = await startTestServer({ demo: true, config: { log: "silent" } });
  try {
    const { db, url } = server;
    const { communes, sheets } = await demoSheets(db);
    const views = [
      { user: "lanhdao", level: "province" },
      { user: "donggiang", level: "district" },
      { user: "zahung", level: "commune" },
    ];
    const readers: { token: string; code: string; level: string }[] = [];
    for (const v of views) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { username: v.user }, include: { unit: true } });
      const token = await signIn(server.app, v.user);
      readers.push({ token, code: user.unit.code, level: v.level });
    }
    const writerToken = await signIn(server.app, "quangnam");
    // Enough sheets for the fastest writers seen (a day per commune at a time), the campaign running through them.
    const total = Math.max(communes.length, Math.ceil((SECONDS + WARM_UP_SECONDS) * 150 / communes.length) * communes.length);
    const bodies = sheets(0, total);
    await db.prisma.campaign.updateMany({ data: { endDate: new Date(Date.UTC(2025, 1, 19 + total / communes.length + 2)) } });
    const writers = (slice: string[], key: string) => ({ clients: WRITERS, bodies: slice, key, headers: { authorization: `Bearer ${writerToken}`, "content-type": "application/json" } });
    const readerList = Array.from({ length: READERS }, (_, i) => readers[i % readers.length]!);

    const health = await run({ url, seconds: Math.min(5, SECONDS), health: READERS + WRITERS });
    // Warm-up (JIT, prepared statements), not measured; its sheets are the first days'.
    const warm = await run({ url, seconds: WARM_UP_SECONDS, readers: readerList, writers: writers(bodies, "bench-warm-up") });
    const used = warm.latencies.submission?.length ?? 0;
    const stats0 = { ...viewCacheStats };
    const res = await run({ url, seconds: SECONDS, readers: readerList, writers: writers(bodies.slice(used), "bench-mixed") });
    for (const s of res.samples) console.log(`  failed: ${s}`);

    const h = stats(health.latencies.health ?? []);
    const reads = stats(Object.entries(res.latencies).filter(([k]) => k !== "submission").flatMap(([, v]) => v));
    const line = (name: string, s: ReturnType<typeof stats>, errors: number) =>
      `  ${name.padEnd(20)} ${(s.n / SECONDS).toFixed(1).padStart(7)} req/s  p50 ${s.p50.toFixed(0).padStart(5)} ms  p99 ${s.p99.toFixed(0).padStart(5)} ms  ${errors} errors`;
    console.log(`mixed load on ${label}: ${READERS} readers (dashboards) + ${WRITERS} writers (commune sheets) for ${SECONDS} s`);
    console.log(line("/api/health alone", h, health.errors.health ?? 0).replace(/ req\/s/, ` req/s`) + `  (${READERS + WRITERS} clients, ${Math.min(5, SECONDS)} s)`);
    for (const [name, xs] of Object.entries(res.latencies).sort()) console.log(line(name, stats(xs), res.errors[name] ?? 0));
    const readErrors = Object.entries(res.errors).filter(([k]) => k !== "submission").reduce((a, [, n]) => a + n, 0);
    console.log(line("all reads", reads, readErrors));
    const hits = viewCacheStats.hits - stats0.hits, misses = viewCacheStats.misses - stats0.misses;
    console.log(process.env.SOHOA_VIEW_CACHE === "off" ? "  view cache off (SOHOA_VIEW_CACHE=off)" : `  view cache: ${hits} hits, ${misses} misses (${((100 * hits) / Math.max(1, hits + misses)).toFixed(0)}% hits)`);
    console.log(`  reads against /api/health: p50 ${(reads.p50 / h.p50).toFixed(1)} ×, p99 ${(reads.p99 / h.p99).toFixed(1)} × (goal: p99 < ${db.kind === "postgresql" ? 300 : 1000} ms)`);
    return { p50: reads.p50, p99: reads.p99, errors: readErrors + (res.errors.submission ?? 0) };
  } finally {
    await server.close();
  }
}

export async function mixedBench() {
  const wanted = (process.env.BENCH_MIXED_DB ?? "postgresql,pglite").split(",");
  const url = process.env.DATABASE_URL;
  const out: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  if (url && wanted.includes("postgresql")) out.postgresql = await measure("PostgreSQL");
  if (wanted.includes("pglite")) {
    delete process.env.DATABASE_URL;
    try {
      out.pglite = await measure("PGlite");
    } finally {
      if (url) process.env.DATABASE_URL = url;
    }
  }
  return out;
}
