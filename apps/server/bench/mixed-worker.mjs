// Load generator of the mixed benchmark, in its own thread (see load-worker.mjs): for `seconds`, readers open
// dashboards (the progress view, then the trend, compliance and bottom-units calls the console makes with its
// date) while writers post sheets from a shared queue. Every request's latency is kept, by endpoint.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { performance } from "node:perf_hooks";

const { url, seconds, readers, writers, health } = workerData;
const target = new URL(url);
const latencies = {};
const errors = {};
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

/** Sends one request, records its latency under `name`; the body text when it answered `expect`, else null. */
async function timed(agent, name, r, expect = 200) {
  const t = performance.now();
  const res = await send(agent, r).catch((e) => ({ status: 0, text: String(e) }));
  (latencies[name] ??= []).push(performance.now() - t);
  if (res.status === expect) return res.text;
  errors[name] = (errors[name] ?? 0) + 1;
  if (samples.length < 5) samples.push(`${name}: ${res.status} ${res.text.slice(0, 300)}`);
  return null;
}

const q = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v != null)).toString();
const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** One leader opening a dashboard as the console does: the view, then what it asks with the view's date. */
async function openDashboard(agent, reader) {
  const headers = { authorization: `Bearer ${reader.token}` };
  const code = encodeURIComponent(reader.code);
  const text = await timed(agent, `progress ${reader.level}`, { path: `/api/units/${code}/progress`, headers });
  if (!text) return;
  const view = JSON.parse(text);
  const date = view.date;
  await timed(agent, "trend", { path: `/api/units/${code}/trend?${q({ from: addDays(date, -60), to: date })}`, headers });
  await timed(agent, "compliance", { path: `/api/compliance?${q({ unit: reader.code, period: "day", date })}`, headers });
  if (view.children.some((c) => c.hasChildren)) await timed(agent, "bottom-units", { path: `/api/units/${code}/bottom-units?${q({ date })}`, headers });
}

if (health) {
  // the baseline: /api/health with as many clients, for the same time
  const end = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: health }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (performance.now() < end) await timed(agent, "health", { path: "/api/health" });
    agent.destroy();
  }));
} else {
  const end = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all([
    ...readers.map(async (reader) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (performance.now() < end) await openDashboard(agent, reader);
      agent.destroy();
    }),
    ...Array.from({ length: writers.clients }, async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      while (performance.now() < end && next < writers.bodies.length) {
        const i = next++;
        await timed(agent, "submission", { path: "/api/submissions", method: "POST", body: writers.bodies[i], headers: { ...writers.headers, "idempotency-key": `${writers.key}-${i}` } }, 201);
      }
      agent.destroy();
    }),
  ]);
}
parentPort.postMessage({ latencies, errors, samples });
