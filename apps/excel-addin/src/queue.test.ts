import { describe, expect, it } from "vitest";
import type { SubmissionRequest } from "@sohoa/contract";
import { createOutbox, defaultStore, OUTBOX_KEY, type KeyValueStore } from "./queue";

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: async (k) => data.get(k) ?? null, setItem: async (k, v) => void data.set(k, v), removeItem: async (k) => void data.delete(k) };
}
const body = (n: number): SubmissionRequest => ({ unitCode: "20491", grid: { sheets: [{ name: "S", cells: [[n]] }] } as unknown as SubmissionRequest["grid"], source: "ADDIN" });
let k = 0;
const newKey = () => `key-${++k}`;
const NOW = new Date("2025-02-19T03:00:00Z");

describe("outbox", () => {
  it("keeps a body with its key in the store, so a new pane over the same store finds it", async () => {
    const store = memory();
    const a = await createOutbox(store, newKey).add(body(1), "zahung", NOW);
    const reopened = await createOutbox(store, newKey).list();
    expect(reopened).toEqual([{ key: a.key, body: JSON.stringify(body(1)), unitCode: "20491", username: "zahung", queuedAt: NOW.toISOString() }]);
  });

  it("the same body waiting keeps its key; a changed body or another official gets a new one", async () => {
    const box = createOutbox(memory(), newKey);
    const a = await box.add(body(1), "zahung", NOW);
    expect((await box.add(body(1), "zahung", NOW)).key).toBe(a.key);
    expect((await box.add(body(2), "zahung", NOW)).key).not.toBe(a.key);
    expect((await box.add(body(1), "other", NOW)).key).not.toBe(a.key);
    expect(await box.list()).toHaveLength(3);
  });

  it("removing the last one leaves nothing in the store; quick changes do not overwrite each other", async () => {
    const store = memory();
    const box = createOutbox(store, newKey);
    const [a, b] = await Promise.all([box.add(body(1), "u", NOW), box.add(body(2), "u", NOW)]);
    expect(await box.list()).toHaveLength(2);
    await Promise.all([box.remove(a.key), box.remove(b.key)]);
    expect(await box.list()).toEqual([]);
    expect(store.data.has(OUTBOX_KEY)).toBe(false);
  });

  it("a damaged store reads as empty instead of failing", async () => {
    const store = memory();
    store.data.set(OUTBOX_KEY, "{not json");
    expect(await createOutbox(store, newKey).list()).toEqual([]);
  });

  it("prefers OfficeRuntime.storage, else localStorage", async () => {
    const runtime = memory();
    expect(defaultStore({ OfficeRuntime: { storage: runtime }, localStorage: {} })).toBe(runtime);
    const ls = new Map<string, string>();
    const local = defaultStore({ localStorage: { getItem: (x: string) => ls.get(x) ?? null, setItem: (x: string, v: string) => ls.set(x, v), removeItem: (x: string) => ls.delete(x) } })!;
    await local.setItem("a", "1");
    expect(ls.get("a")).toBe("1");
    expect(defaultStore({})).toBeNull();
  });
});
