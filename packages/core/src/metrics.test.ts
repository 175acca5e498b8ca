import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bucketOf, completion, mergeUnits, rankBy, rollupTree, sumCounts, type TreeNode } from "./metrics";
import { COUNT_FIELDS, type ProgressCounts } from "./types";

const counts = fc.record({
  booksTotal: fc.nat(1000), booksDigitized: fc.nat(1000), entriesTotal: fc.nat(100_000), entriesDigitized: fc.nat(100_000), entriesChecked: fc.nat(1000), entriesLoaded: fc.nat(1000),
}) as fc.Arbitrary<ProgressCounts>;

/** A random tree of any depth: node i's parent is a random earlier node. */
const tree = fc.array(fc.tuple(fc.nat(), counts), { minLength: 1, maxLength: 40 }).map((xs) =>
  xs.map(([p, c], i): TreeNode => ({ id: `u${i}`, parentId: i === 0 ? null : `u${p % i}`, counts: c })),
);

describe("metrics", () => {
  it("puts units in the buckets leaders read", () => {
    expect([0, 0.05, 0.099, 0.1, 0.445, 0.5, 0.99, 1].map((x) => bucketOf(x))).toEqual(["zero", "under10", "under10", "under50", "under50", "under100", "under100", "done"]);
    expect(bucketOf(completion(0, 0))).toBe("zero");
    expect(completion(642_806, 1_443_893)).toBeCloseTo(0.4452, 4);
  });

  it("ranks with ties (competition ranking), best first, unscored last", () => {
    const a = { s: 0.9 }, b = { s: 0.5 }, c = { s: 0.9 }, d = { s: null };
    const r = rankBy([a, b, c, d], (x) => x.s);
    expect([r.get(a), r.get(c), r.get(b), r.get(d)]).toEqual([1, 1, 3, undefined]);
  });

  it("rolls up a tree of any depth: every parent equals itself plus the sum of its children", () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const roll = rollupTree(nodes);
        for (const n of nodes) {
          const kids = nodes.filter((k) => k.parentId === n.id).map((k) => roll.get(k.id)!);
          expect(roll.get(n.id)).toEqual(sumCounts([n.counts, ...kids]));
        }
        expect(roll.get("u0")).toEqual(sumCounts(nodes.map((n) => n.counts)));
      }),
    );
  });

  it("keeps the root total when units are merged (A + B → C)", () => {
    fc.assert(
      fc.property(tree.filter((n) => n.length >= 3), fc.nat(), fc.nat(), (nodes, x, y) => {
        const a = nodes[1 + (x % (nodes.length - 1))]!;
        const b = nodes[1 + (y % (nodes.length - 1))]!;
        // merging an ancestor into its own descendant is not a merge of siblings: pick two units not on one path
        const path = (id: string | null): string[] => (id ? [id, ...path(nodes.find((n) => n.id === id)?.parentId ?? null)] : []);
        fc.pre(a.id !== b.id && !path(b.parentId).includes(a.id) && !path(a.parentId).includes(b.id));
        const merged = mergeUnits(nodes, [a.id, b.id], { id: "C" });
        const before = rollupTree(nodes).get("u0")!;
        const after = rollupTree(merged).get("u0")!;
        for (const f of COUNT_FIELDS) expect(after[f]).toBe(before[f]);
      }),
    );
  });
});

describe("merged units in the roll-up", () => {
  it("a former commune merged into a new one counts under its successor, once", () => {
    const z = { booksTotal: 0, booksDigitized: 0, entriesChecked: 0, entriesLoaded: 0 };
    const nodes: TreeNode[] = [
      { id: "P", parentId: null, counts: { ...z, entriesTotal: 0, entriesDigitized: 0 } },
      { id: "NEW", parentId: "P", counts: { ...z, entriesTotal: 100, entriesDigitized: 10 } },
      { id: "OLD_D", parentId: "P", counts: { ...z, entriesTotal: 0, entriesDigitized: 0 } }, // former district
      { id: "OLD_A", parentId: "OLD_D", mergedInto: "NEW", counts: { ...z, entriesTotal: 50, entriesDigitized: 20 } },
      { id: "OLD_B", parentId: "OLD_D", mergedInto: "NEW", counts: { ...z, entriesTotal: 30, entriesDigitized: 30 } },
    ];
    const roll = rollupTree(nodes);
    expect(roll.get("NEW")).toMatchObject({ entriesTotal: 180, entriesDigitized: 60 });
    expect(roll.get("OLD_D")).toMatchObject({ entriesTotal: 0, entriesDigitized: 0 });
    expect(roll.get("P")).toMatchObject({ entriesTotal: 180, entriesDigitized: 60 });
  });

  it("any mergers keep the grand total (property): merging i into an earlier unit j never loses or doubles figures", () => {
    fc.assert(
      fc.property(tree, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }), (nodes, merges) => {
        const withMerges = nodes.map((n) => ({ ...n }));
        for (const [a, b] of merges) {
          const i = a % withMerges.length, j = b % withMerges.length;
          if (j < i) withMerges[i]!.mergedInto = `u${j}`; // ancestors come first: no cycle
        }
        const roll = rollupTree(withMerges);
        expect(roll.get("u0")).toEqual(sumCounts(nodes.map((n) => n.counts)));
        for (const n of withMerges) {
          const kids = withMerges.filter((k) => (k.mergedInto ?? k.parentId) === n.id).map((k) => roll.get(k.id)!);
          expect(roll.get(n.id)).toEqual(sumCounts([n.counts, ...kids]));
        }
      }),
    );
  });

  it("bad reference data (a cycle) is cut, not thrown: every figure still counted once", () => {
    const one = { booksTotal: 0, booksDigitized: 0, entriesTotal: 1, entriesDigitized: 1, entriesChecked: 0, entriesLoaded: 0 };
    const roll = rollupTree([{ id: "A", parentId: "B", counts: one }, { id: "B", parentId: "C", counts: one }, { id: "C", parentId: "A", counts: one }]);
    expect(Math.max(...[...roll.values()].map((c) => c.entriesTotal))).toBe(3);
  });
});
