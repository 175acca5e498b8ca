/**
 * Groups single cells into as few rectangles as possible (runs of adjacent columns in a row, then runs of
 * identical column spans in adjacent rows), so marking a thousand problems is a few dozen range writes.
 * Pure: no Office.js.
 */
import { boundsAddress, type Bounds } from "./a1";

export interface LabelledRect extends Bounds { label: string }

/** cells: key row*16384+col → label; cells with the same label in one rectangle. */
export function groupCells(cells: Map<number, string>): LabelledRect[] {
  const keys = [...cells.keys()].sort((a, b) => a - b);
  const done: LabelledRect[] = [];
  // open rectangles by "left,right,label", extended while the next row has the same run
  let open = new Map<string, LabelledRect>();
  let currentRow = -1;
  let next = new Map<string, LabelledRect>();
  const closeRow = () => {
    for (const [k, rect] of open) if (!next.has(k)) done.push(rect);
    open = next;
    next = new Map();
  };
  let i = 0;
  while (i < keys.length) {
    const k0 = keys[i]!;
    const row = Math.floor(k0 / 16384);
    if (row !== currentRow) {
      if (currentRow >= 0) {
        if (row !== currentRow + 1) {
          closeRow();
          closeRow(); // a gap of rows closes everything
        } else closeRow();
      }
      currentRow = row;
    }
    const label = cells.get(k0)!;
    const left = k0 % 16384;
    let right = left;
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[j - 1]! + 1 && Math.floor(keys[j]! / 16384) === row && cells.get(keys[j]!) === label) {
      right = keys[j]! % 16384;
      j++;
    }
    const id = `${left},${right},${label}`;
    const prev = open.get(id);
    if (prev && prev.bottom === row - 1) {
      prev.bottom = row;
      next.set(id, prev);
    } else next.set(id, { top: row, bottom: row, left, right, label });
    i = j;
  }
  closeRow();
  closeRow();
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

export const cellKey = (row: number, col: number) => row * 16384 + col;
export const rectAddress = (r: Bounds) => boundsAddress(r);
