// Load generator for the ingest benchmark, in its own thread so that the clients' work (HTTP, JSON) does not
// run on the server's event loop: like clients on other machines. Sends each job with `clients` in flight.
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";

const { url, clients, requests } = workerData;
let next = 0;
let failures = 0;
const samples = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: clients }, async () => {
    while (next < requests.length) {
      const r = requests[next++];
      const res = await fetch(url + r.path, { method: r.method ?? "GET", headers: r.headers, body: r.body });
      const text = await res.text();
      if (res.status !== (r.expect ?? 200)) {
        failures++;
        if (samples.length < 3) samples.push(`${res.status} ${text.slice(0, 300)}`);
      }
    }
  }),
);
parentPort.postMessage({ seconds: (performance.now() - t0) / 1000, failures, samples });
