/**
 * Ingest benchmark (issue 4): concurrent clients submit commune sheets (~20 rows: 14 figures plus the
 * header block) over real HTTP; prints submissions per second and the ratio to the same server's
 * /api/health throughput, measured in the same run.
 */
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { startTestServer, signIn } from "../src/testing";
import { batchSizes } from "../src/services/submission-writer";
import { demoSheets } from "./sheets";
import { cpuMeter, type CpuSplit } from "./cpu";

/**
 * Concurrent clients, one measurement each (BENCH_CLIENTS=16,32): sheets are written in groups (group commit), so
 * the cost per sheet falls as more arrive together — the curve shows how the server behaves as a province's
 * communes report at once before a deadline.
 */
const CLIENTS = (process.env.BENCH_CLIENTS ?? "16,32").split(",").map(Number).filter((n) => n > 0);
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1200);

interface LoadRequest { path: string; method?: string; headers?: Record<string, string>; body?: string; expect?: number }

/** Runs `requests` from a separate thread with `clients` concurrent connections; seconds taken and failures. */
function load(url: string, clients: number, requests: LoadRequest[]): Promise<{ seconds: number; failures: number; samples: string[]; cpuSeconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: { url, clients, requests } });
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

/** One measurement against the server at `url`: /api/health throughput, then the sheets, each with its own key. */
async function measure(url: string, clients: number, bodies: string[], headers: Record<string, string>, key: string, profile = false) {
  const healthN = 3000;
  const health = await load(url, clients, Array.from({ length: healthN }, () => ({ path: "/api/health" })));
  const profiler = profile ? await startProfile() : null;
  const meter = cpuMeter();
  const run = await load(url, clients, bodies.map((body, i) => ({
    path: "/api/submissions", method: "POST", body, expect: 201, headers: { ...headers, "idempotency-key": `${key}-${i}` },
  })));
  const cpu = meter?.stop(run.cpuSeconds) ?? null;
  await profiler?.stop();
  for (const s of run.samples) console.log(`  failed: ${s}`);
  return { healthRate: healthN / health.seconds, submitRate: bodies.length / run.seconds, failures: run.failures, cpu, n: bodies.length };
}

/** CPU milliseconds per submission: server, load generator, PostgreSQL, and the machine as a whole. */
function cpuLine(cpu: CpuSplit | null, n: number): string {
  if (!cpu) return "";
  const ms = (s: number) => ((s * 1000) / n).toFixed(2);
  return `    CPU per submission: server ${ms(cpu.server)} ms (${ms(cpu.serverKernel)} in the kernel), load generator ${ms(cpu.load)} ms, PostgreSQL ${ms(cpu.postgres)} ms (${ms(cpu.postgresKernel)} in the kernel); machine busy ${ms(cpu.machineBusy)} ms + ${ms(cpu.steal)} ms stolen by the hypervisor (${cpu.cores} cores)`;
}

/** The server as deployed with SOHOA_WORKERS=n (src/index.ts, node:cluster) on database `url`; resolves when it answers. */
async function startWorkers(databaseUrl: string, n: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const { spawn } = await import("node:child_process");
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: new URL("..", import.meta.url).pathname,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), SOHOA_WORKERS: String(n), SOHOA_DEMO: "off", SOHOA_SCHEDULER: "off", SOHOA_LOG: "silent" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error("the server processes did not start");
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // every worker must be up: a few more answers in a row
  for (let i = 0; i < 20; i++) await fetch(`${url}/api/health`);
  return {
    url,
    stop: () => new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    }),
  };
}

export async function ingestBench() {
  const server = await startTestServer({ demo: true, config: { log: "silent" } });
  try {
    const { db, url } = server;
    const token = await signIn(server.app, "quangnam");
    // Pre-build the bodies: one sheet per commune and day after the demo.
    const { communes, sheets: build } = await demoSheets(db);
    const sheets = (firstDay: number) => build(firstDay, SUBMISSIONS);
    const days = Math.ceil(SUBMISSIONS / communes.length);
    // Each measurement takes the next days' sheets: let the demo's campaign run through all of them (a sheet dated
    // after it ends draws a warning and is not accepted without acknowledgement).
    await db.prisma.campaign.updateMany({ data: { endDate: new Date(Date.UTC(2025, 1, 19 + (days + 1) * CLIENTS.length * 2 + 2)) } });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };

    const transport = db.kind !== "postgresql" ? "" : /[?&]host=\//.test(process.env.DATABASE_URL ?? "") ? " over its Unix socket" : " over TCP";
    console.log(`ingest on ${db.kind}${transport}: ${SUBMISSIONS} commune sheets of 14 rows per measurement (the next days' sheets each time)`);
    // Each measurement (`days` days of sheets) and each warm-up (one day) takes the next days' sheets.
    let nextDay = 0;
    const take = (n: number) => {
      const first = nextDay;
      nextDay += n;
      const bodies = sheets(first);
      return n === 1 ? bodies.slice(0, communes.length) : bodies;
    };
    // Warm-up of each server, not measured: one day's sheet from every commune, so that no measurement pays for
    // compiling the server's hot path (the JIT) when others do not.
    const warmUp = async (target: string, clients: number) => {
      const warm = await load(target, clients, take(1).map((body, i) => ({
        path: "/api/submissions", method: "POST", body, expect: 201, headers: { ...headers, "idempotency-key": `warm-up-${nextDay}-${i}` },
      })));
      if (warm.failures > 0) throw new Error(`warm-up: ${warm.failures} sheets refused: ${warm.samples.join(" | ")}`);
      batchSizes.splice(0);
    };
    await warmUp(url, CLIENTS[0] ?? 16);
    let result = { healthRate: 0, submitRate: 0, failures: 0, workers: 1, clients: 0 };
    for (const clients of CLIENTS) {
      // One server process (this one, so BENCH_PROFILE sees it); how busy its event loop was.
      const elu0 = performance.eventLoopUtilization();
      const one = await measure(url, clients, take(days), headers, `bench-${nextDay}`, clients === CLIENTS[0]);
      const busy = performance.eventLoopUtilization(elu0).utilization;
      const sizes = batchSizes.splice(0);
      const mean = sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length);
      console.log(`  ${clients} clients, 1 server process:  ${one.submitRate.toFixed(0)} submissions/s (${one.failures} failed); /api/health ${one.healthRate.toFixed(0)} req/s → ${(one.submitRate / one.healthRate).toFixed(3)} × health`);
      console.log(cpuLine(one.cpu, one.n));
      console.log(`    group commit: ${sizes.length} write transactions, ${mean.toFixed(1)} submissions each on average (max ${Math.max(0, ...sizes)}); server event loop busy ${(busy * 100).toFixed(0)}% of the time`);
      if (one.failures === 0 && one.submitRate > result.submitRate) result = { healthRate: one.healthRate, submitRate: one.submitRate, failures: one.failures, workers: 1, clients };

      // The same server as deployed with SOHOA_WORKERS=2 (PostgreSQL only: PGlite lives in one process).
      if (db.kind === "postgresql" && "name" in db) {
        const dbUrl = new URL(process.env.DATABASE_URL!);
        dbUrl.pathname = `/${String((db as { name: string }).name)}`;
        const cluster = await startWorkers(dbUrl.toString(), 2);
        try {
          await warmUp(cluster.url, clients);
          const two = await measure(cluster.url, clients, take(days), headers, `bench-${nextDay}`);
          console.log(`  ${clients} clients, 2 server processes: ${two.submitRate.toFixed(0)} submissions/s (${two.failures} failed); /api/health ${two.healthRate.toFixed(0)} req/s → ${(two.submitRate / two.healthRate).toFixed(3)} × health`);
          // here "server" is only the load generator's host process: the two server processes are children
          if (two.cpu) console.log(`    CPU per submission: PostgreSQL ${((two.cpu.postgres * 1000) / two.n).toFixed(2)} ms; machine busy ${((two.cpu.machineBusy * 1000) / two.n).toFixed(2)} ms + ${((two.cpu.steal * 1000) / two.n).toFixed(2)} ms stolen`);
          if (two.failures === 0 && two.submitRate > result.submitRate) result = { healthRate: two.healthRate, submitRate: two.submitRate, failures: two.failures, workers: 2, clients };
        } finally {
          await cluster.stop();
        }
      }
    }
    console.log(`  best without failures: ${result.submitRate.toFixed(0)} submissions/s with ${result.clients} clients and ${result.workers} process(es) (goal 300)`);
    return result;
  } finally {
    await server.close();
  }
}
