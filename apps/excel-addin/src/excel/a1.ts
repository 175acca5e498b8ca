/** A1 addresses for the Excel modules (0-based rows and columns). */
import { columnLetters, parseA1 } from "@sohoa/core";

export interface Bounds { top: number; left: number; bottom: number; right: number }

export function boundsAddress(b: Bounds): string {
  const a = `${columnLetters(b.left)}${b.top + 1}`;
  const z = `${columnLetters(b.right)}${b.bottom + 1}`;
  return a === z ? a : `${a}:${z}`;
}

/** "'My sheet'!B2:M40" or "Sheet1!B2" → bounds of the local part. */
export function parseAddress(address: string): Bounds | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.split(":");
  const p = a ? parseA1(a) : null;
  const q = b ? parseA1(b) : p;
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
