/** Metrics leaders read: completion, distribution buckets, percent of target, growth, rank, roll-up. */
import { COUNT_FIELDS, ZERO_COUNTS, type ProgressCounts } from "./types";

/** done / total as a ratio 0..1; null when nothing is to be done. */
export function completion(done: number, total: number): number | null {
  return total > 0 ? done / total : null;
}

export type Bucket = "zero" | "under10" | "under50" | "under100" | "done";
export const BUCKETS: readonly Bucket[] = ["zero", "under10", "under50", "under100", "done"];

/** 0% · under 10% · under 50% · under 100% · done (a unit with nothing to do counts as zero). */
export function bucketOf(ratio: number | null): Bucket {
  if (ratio === null || ratio <= 0) return "zero";
  if (ratio < 0.1) return "under10";
  if (ratio < 0.5) return "under50";
  if (ratio < 1) return "under100";
  return "done";
}

export function sumCounts(list: readonly ProgressCounts[]): ProgressCounts {
  const out = { ...ZERO_COUNTS };
  for (const c of list) for (const f of COUNT_FIELDS) out[f] += c[f];
  return out;
}

/** Competition ranking (1, 2, 2, 4): 1 is the highest score; items without a score get no rank. */
export function rankBy<T>(items: readonly T[], score: (t: T) => number | null): Map<T, number> {
  const scored = items.map((t) => [t, score(t)] as const).filter((x): x is readonly [T, number] => x[1] !== null && Number.isFinite(x[1]));
  scored.sort((a, b) => b[1] - a[1]);
  const out = new Map<T, number>();
  scored.forEach(([t, s], i) => {
    const prev = i > 0 ? scored[i - 1]! : null;
    out.set(t, prev && prev[1] === s ? out.get(prev[0])! : i + 1);
  });
  return out;
}

/** achieved / target as a ratio (5.989 = 598,9%); null without a target. */
export function percentOfTarget(achieved: number, target: number): number | null {
  return target > 0 ? achieved / target : null;
}

/** Growth of this period's output over the previous one (3.73 = +373%); null when the previous was 0. */
export function growth(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}

export interface TreeNode {
  id: string;
  parentId: string | null;
  counts: ProgressCounts;
  /** a former unit merged into another (1 July 2025 reorganisation): its figures count under the successor */
  mergedInto?: string | null;
}

/**
 * Roll-up over a tree of any depth: every node's figures are its own plus all its descendants'. A node
 * merged into another counts under its successor instead of its former parent, so the new commune carries
 * the old communes' history and nothing is counted twice. Nodes whose parent is absent are roots. A cycle
 * (bad reference data) is cut where it closes instead of throwing: every node is still counted once.
 */
export function rollupTree(nodes: readonly TreeNode[]): Map<string, ProgressCounts> {
  const byId = new Map<string, TreeNode>();
  for (const n of nodes) byId.set(n.id, n);
  const up = (n: TreeNode): string | null => {
    if (n.mergedInto && n.mergedInto !== n.id && byId.has(n.mergedInto)) return n.mergedInto;
    return n.parentId && n.parentId !== n.id && byId.has(n.parentId) ? n.parentId : null;
  };
  // Cut cycles: walk up from each node; an edge that leads back into the current walk is dropped.
  const parentOf = new Map<string, string | null>();
  const state = new Map<string, 1 | 2>(); // 1 = on the current walk, 2 = settled
  for (const start of nodes) {
    const walk: string[] = [];
    let id: string | null = start.id;
    while (id !== null && state.get(id) === undefined) {
      state.set(id, 1);
      walk.push(id);
      const p = up(byId.get(id)!);
      if (p !== null && state.get(p) === 1) {
        parentOf.set(id, null); // closes a cycle
        id = null;
      } else {
        parentOf.set(id, p);
        id = p;
      }
    }
    for (const w of walk) state.set(w, 2);
  }
  // Children before parents: sum bottom-up without recursion (any depth).
  const depth = new Map<string, number>();
  const depthOf = (id: string): number => {
    let d: number;
    const chain: string[] = [];
    let cur: string | null = id;
    while (cur !== null && !depth.has(cur)) {
      chain.push(cur);
      cur = parentOf.get(cur) ?? null;
    }
    d = cur === null ? -1 : depth.get(cur)!;
    for (let k = chain.length - 1; k >= 0; k--) depth.set(chain[k]!, ++d);
    return depth.get(id)!;
  };
  const ids = [...byId.keys()];
  for (const id of ids) depthOf(id);
  ids.sort((a, b) => depth.get(b)! - depth.get(a)!);
  const out = new Map<string, ProgressCounts>();
  for (const id of ids) out.set(id, { ...byId.get(id)!.counts });
  for (const id of ids) {
    const p = parentOf.get(id) ?? null;
    if (p === null) continue;
    const into = out.get(p)!;
    const from = out.get(id)!;
    for (const f of COUNT_FIELDS) into[f] += from[f];
  }
  return out;
}

/** Completion of a roll-up: entries and books, each null when there is nothing to do. */
export function completionOf(c: ProgressCounts): { entries: number | null; books: number | null; checked: number | null; loaded: number | null } {
  return { entries: completion(c.entriesDigitized, c.entriesTotal), books: completion(c.booksDigitized, c.booksTotal), checked: completion(c.entriesChecked, c.entriesTotal), loaded: completion(c.entriesLoaded, c.entriesTotal) };
}

/** How many units fall in each bucket (0%, under 10%, under 50%, under 100%, done). */
export function distribution(ratios: readonly (number | null)[]): Record<Bucket, number> {
  const out: Record<Bucket, number> = { zero: 0, under10: 0, under50: 0, under100: 0, done: 0 };
  for (const r of ratios) out[bucketOf(r)]++;
  return out;
}

/**
 * Merges units (A + B → C): C takes the place of the first source under the same parent, the sources'
 * own figures and their children move to C. Totals above are preserved.
 */
export function mergeUnits(nodes: readonly TreeNode[], sourceIds: readonly string[], target: { id: string; parentId?: string | null }): TreeNode[] {
  const sources = new Set(sourceIds);
  const first = nodes.find((n) => sources.has(n.id));
  const parentId = target.parentId !== undefined ? target.parentId : first?.parentId ?? null;
  const merged: TreeNode = { id: target.id, parentId, counts: sumCounts(nodes.filter((n) => sources.has(n.id)).map((n) => n.counts)) };
  const rest = nodes.filter((n) => !sources.has(n.id) && n.id !== target.id).map((n) => (n.parentId && sources.has(n.parentId) ? { ...n, parentId: target.id } : n));
  const existing = nodes.find((n) => n.id === target.id);
  if (existing) merged.counts = sumCounts([merged.counts, existing.counts]);
  return [...rest, merged];
}

/**
 * Output of a period from a cumulative series: the value at `to` minus the value at `from` (each the latest
 * point on or before the date; nothing before a date counts as 0). For percent of target and growth:
 * June's output is outputBetween(series, "2023-05-31", "2023-06-30").
 */
export function outputBetween(series: readonly { date: string; value: number }[], from: string, to: string): number {
  const at = (d: string) => {
    let best: { date: string; value: number } | null = null;
    for (const p of series) if (p.date <= d && Number.isFinite(p.value) && (!best || p.date > best.date)) best = p;
    return best ? best.value : 0;
  };
  return at(to) - at(from);
}
