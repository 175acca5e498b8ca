import { describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { batched } from "./batched";

const db = {} as Database;
const tick = () => new Promise((r) => setTimeout(r, 5));

describe("batched reads", () => {
  it("answers each request with its own result, in fewer reads when requests arrive together", async () => {
    const calls: number[][] = [];
    const double = batched(async (_db, xs: number[]) => {
      calls.push(xs);
      await tick();
      return xs.map((x) => x * 2);
    }, { concurrency: 1, max: 4 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => double(db, i)));
    expect(results).toEqual(Array.from({ length: 10 }, (_, i) => i * 2));
    // the first goes alone (nothing in flight), the rest wait and go together, at most 4 at a time
    expect(calls).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8], [9]]);
  });

  it("a failing request fails only itself: the others of its batch are read again one by one", async () => {
    const lookup = batched(async (_db, xs: string[]) => {
      await tick();
      if (xs.includes("bad")) throw new Error("bad input");
      return xs.map((x) => x.toUpperCase());
    }, { concurrency: 1 });
    const results = await Promise.allSettled(["a", "b", "bad", "c"].map((x) => lookup(db, x)));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["A", "B", "bad input", "C"]);
  });
});
