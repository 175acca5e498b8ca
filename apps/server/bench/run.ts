/** `pnpm bench` for the server: roll-ups at national scale, then ingest throughput. */
import { rollupBench } from "./rollup.bench";

if (!process.env.DATABASE_URL) console.log("note: DATABASE_URL is not set — measuring on PGlite; the issue's figures are for PostgreSQL (scripts/bench.mjs sets it up).");
await rollupBench();
const { ingestBench } = await import("./ingest.bench");
await ingestBench();
