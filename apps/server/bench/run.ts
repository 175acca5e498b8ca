/** `pnpm bench` for the server: roll-ups at national scale, ingest throughput, reform, mixed load. BENCH_ONLY=rollup|ingest|reform|mixed runs one. */
import { rollupBench } from "./rollup.bench";

const only = process.env.BENCH_ONLY;
if (!process.env.DATABASE_URL) console.log("note: DATABASE_URL is not set — measuring on PGlite; the issue's figures are for PostgreSQL (scripts/bench.mjs sets it up).");
if (!only || only === "rollup") await rollupBench();
if (!only || only === "ingest") {
  const { ingestBench } = await import("./ingest.bench");
  await ingestBench();
}
if (!only || only === "reform") {
  const { reformBench } = await import("./reform.bench");
  await reformBench();
}
if (!only || only === "mixed") {
  const { mixedBench } = await import("./mixed.bench");
  await mixedBench();
}
