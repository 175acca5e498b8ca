/**
 * A synthetic province with 233 communes (the size of Quảng Nam), as the progress API would return it.
 * Seeded, so every run renders the same data.
 */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const unit = (code, name, level, parentId) => ({ id: `u${code}`, code, name, fullName: name, level, parentId, validFrom: "2008-01-01", validTo: null });
const BUCKET = (c) => (c === null || c === 0 ? "zero" : c < 0.1 ? "under10" : c < 0.5 ? "under50" : c < 1 ? "under100" : "done");
const STATUSES = ["on_track", "at_risk", "will_miss", "done"];

export function provinceProgress(n = 233) {
  const r = rng(49);
  const children = [];
  const totals = { booksTotal: 0, booksDigitized: 0, entriesTotal: 0, entriesDigitized: 0, entriesChecked: 0, entriesLoaded: 0 };
  for (let i = 0; i < n; i++) {
    const code = String(20000 + i * 3);
    const entriesTotal = Math.round(2000 + r() * 12000);
    const c = i % 40 === 0 ? 0 : Math.min(1, r() * 1.1);
    const entriesDigitized = Math.round(entriesTotal * c);
    const counts = { booksTotal: Math.round(entriesTotal / 150), booksDigitized: Math.round((entriesTotal / 150) * c), entriesTotal, entriesDigitized, entriesChecked: Math.round(entriesDigitized * 0.8), entriesLoaded: Math.round(entriesDigitized * 0.6) };
    for (const k of Object.keys(totals)) totals[k] += counts[k];
    const completion = entriesTotal ? entriesDigitized / entriesTotal : null;
    const status = completion === 1 ? "done" : STATUSES[Math.floor(r() * 3)];
    children.push({
      ...unit(code, `Xã Thử Nghiệm ${i + 1}`, "COMMUNE", "u49"),
      counts, completion, booksCompletion: completion, bucket: BUCKET(completion), rank: 0, siblings: n,
      target: { periodStart: "2025-02-01", periodEnd: "2025-02-28", entriesTarget: 3000, achieved: Math.round(r() * 4000), percent: r() * 2 },
      growth: r() * 2 - 0.5,
      forecast: { status, requiredRate: Math.round(r() * 800), dailyRate: Math.round(r() * 500) },
      deadline: i % 2 ? "2025-03-07" : "2025-03-04",
      lastReportAt: i % 17 === 0 ? null : "2025-02-18T09:30:00.000Z",
      hasChildren: false, reported: i % 17 !== 0,
    });
  }
  [...children].sort((a, b) => (b.completion ?? 0) - (a.completion ?? 0)).forEach((u, i) => { u.rank = i + 1; });
  const buckets = { zero: 0, under10: 0, under50: 0, under100: 0, done: 0 };
  for (const c of children) buckets[c.bucket]++;
  const completion = totals.entriesDigitized / totals.entriesTotal;
  return {
    date: "2025-02-18", latestReportDate: "2025-02-18",
    unit: { ...unit("49", "Quảng Nam", "PROVINCE", "uVN"), fullName: "Tỉnh Quảng Nam", counts: totals, completion, booksCompletion: totals.booksDigitized / totals.booksTotal, bucket: BUCKET(completion), rank: 5, siblings: 63, target: null, growth: 0.12, forecast: { status: "at_risk", requiredRate: 40000, dailyRate: 21000 }, deadline: "2025-03-12", lastReportAt: "2025-02-18T10:00:00.000Z", hasChildren: true, reported: true },
    children, buckets, ancestors: [unit("VN", "Việt Nam", "NATION", null)],
  };
}

export function trend(days = 60) {
  const points = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(Date.UTC(2024, 11, 21 + i)).toISOString().slice(0, 10);
    points.push({ date: d, entriesDigitized: 300_000 + i * 5700, entriesTotal: 1_443_893, booksDigitized: 2000 + i * 40, booksTotal: 9600, target: 300_000 + i * 9000 });
  }
  return { points, deadline: "2025-03-12" };
}

export const compliance = (p) => ({
  period: { start: "2025-02-18", end: "2025-02-18", cutoffAt: "2025-02-18T10:00:00.000Z" },
  onTime: p.children.slice(0, 200).map((c) => ({ unit: c, submittedAt: "2025-02-18T09:00:00.000Z" })),
  late: p.children.slice(200, 220).map((c) => ({ unit: c, submittedAt: "2025-02-18T11:00:00.000Z" })),
  missing: p.children.slice(220).map((c) => ({ unit: c, submittedAt: null })),
});

export const benchUser = { id: "u1", username: "quangnam", displayName: "Sở Tư pháp Quảng Nam", role: "PROVINCE", locale: "vi", unit: unit("49", "Quảng Nam", "PROVINCE", "uVN") };
