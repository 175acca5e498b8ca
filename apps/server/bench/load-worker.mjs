// Load generator for the ingest benchmark, in its own thread so that the clients' work (HTTP, JSON) does not
// run on the server's event loop: like clients on other machines. Sends each job with `clients` in flight, each
// client on its own kept-alive connection. node:http rather than fetch: on a 2-core machine the load generator
// competes with the server and the database for CPU, and fetch costs several times more per request.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { existsSync, readFileSync } from "node:fs";

/** This thread's CPU seconds (Linux), so that the benchmark can tell the load generator's share from the server's. */
function threadSeconds() {
  if (!existsSync("/proc/thread-self/stat")) return 0;
  const s = readFileSync("/proc/thread-self/stat", "utf8");
  const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}

const { url, clients, requests } = workerData;
const target = new URL(url);
let next = 0;
let failures = 0;
const samples = [];

function send(agent, r) {
  return new Promise((resolve, reject) => {
    const body = r.body == null ? null : Buffer.from(r.body);
    const headers = { ...r.headers, ...(body ? { "content-length": String(body.length) } : {}) };
    const req = http.request({ host: target.hostname, port: target.port, path: r.path, method: r.method ?? "GET", headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const t0 = performance.now();
const cpu0 = threadSeconds();
await Promise.all(
  Array.from({ length: clients }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (next < requests.length) {
      const r = requests[next++];
      const res = await send(agent, r).catch((e) => ({ status: 0, text: String(e) }));
      if (res.status !== (r.expect ?? 200)) {
        failures++;
        if (samples.length < 3) samples.push(`${res.status} ${res.text.slice(0, 300)}`);
      }
    }
    agent.destroy();
  }),
);
parentPort.postMessage({ seconds: (performance.now() - t0) / 1000, failures, samples, cpuSeconds: threadSeconds() - cpu0 });
