/** One folding for search everywhere: core's (the target sheet's headers are read with it too). */
export { searchText } from "@sohoa/core";

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function dateOnly(iso: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a yyyy-mm-dd date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}
