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

export interface TreeNode { id: string; parentId: string | null; counts: ProgressCounts }

/**
 * Roll-up over a tree of any depth: every node's figures are its own plus all its descendants'.
 * Nodes whose parent is absent are roots. Cycles are refused.
 */
export function rollupTree(nodes: readonly TreeNode[]): Map<string, ProgressCounts> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const children = new Map<string, string[]>();
  for (const n of nodes) if (n.parentId && byId.has(n.parentId)) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
  const out = new Map<string, ProgressCounts>();
  const visiting = new Set<string>();
  const visit = (id: string): ProgressCounts => {
    const done = out.get(id);
    if (done) return done;
    if (visiting.has(id)) throw new Error(`cycle in the unit tree at ${id}`);
    visiting.add(id);
    const total = sumCounts([byId.get(id)!.counts, ...(children.get(id) ?? []).map(visit)]);
    visiting.delete(id);
    out.set(id, total);
    return total;
  };
  for (const n of nodes) visit(n.id);
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
