/**
 * Validate-and-mark: read the sheet, run core's rules, colour every problem cell and (where the host has
 * notes, ExcelApi 1.18) attach the message as a note. Old marks are cleared first, restoring exactly the
 * fill each cell had before Sohoa touched it, and nothing else.
 *
 * Why the shape below: a round trip to Excel (context.sync) is the expensive part, so the whole action uses
 * a constant number of them, whatever the number of problems (at most 4):
 *   1. read the used range's values and the sheet list (validation runs in between, in JS);
 *   2. read the colours now under the previous marks and under the new ones, the notes there and under
 *      the previous notes;
 *   3. only when some rectangle came back mixed (Excel answers null): its colours cell by cell;
 *   4. write: restore the previous marks, paint the new ones (grouped into rectangles), notes.
 * The record of what Sohoa marked (rectangles with the colour found underneath) lives in the document's
 * settings, which Office reads without a round trip and keeps inside the workbook.
 *
 * A previous mark the official has since repainted (its colour is no longer Sohoa's) is left alone.
 * Excel reports "no fill" as white (#FFFFFF); Sohoa restores white as "no fill" (fill.clear()).
 */
import type { Severity, Sheet, ValidationIssue } from "@sohoa/core";
import { boundsAddress, parseAddress, type Bounds } from "./a1";
import { hostFeatures, readSetting, runExcel, writeSetting } from "./host";
import { cellKey, groupCells } from "./regions";
import { queueRead } from "./sheet";

export const MARK_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C" };
export const NOTE_PREFIX = "[Sohoa] ";
export const MARKS_SETTING = "sohoa.marks.v1";
const NO_FILL = "";
const WHITE = "#FFFFFF";

/** What Sohoa marked: fill rectangles with the colour that was underneath, and the cells it noted. */
export interface MarkStore {
  fills: [sheet: string, address: string, original: string, mark: string][];
  notes: [sheet: string, cell: string][];
}

export interface MarkResult {
  sheet: Sheet;
  issues: ValidationIssue[];
  /** cells painted, rectangles written, notes added */
  cells: number;
  rectangles: number;
  notes: number;
  /** context.sync() calls used */
  syncs: number;
}

export interface MarkOptions {
  /** sheet to validate; the active one by default */
  sheetName?: string;
  locale?: "vi" | "en";
  /** cap on notes (each is one command); every problem is still painted and listed */
  maxNotes?: number;
}

const norm = (c: string | null | undefined) => (c ? c.toUpperCase() : null);

function emptyStore(): MarkStore {
  return { fills: [], notes: [] };
}
function loadStore(): MarkStore {
  const s = readSetting<MarkStore>(MARKS_SETTING);
  return s && Array.isArray(s.fills) && Array.isArray(s.notes) ? s : emptyStore();
}

interface ColourProbe {
  bounds: Bounds;
  uniform: { format: { fill: { color: string } } };
  /** per-cell probes when the rectangle is mixed */
  cells?: { key: number; range: { format: { fill: { color: string } } } }[];
}

function probe(ws: Excel.Worksheet, bounds: Bounds): ColourProbe {
  const r = ws.getRange(boundsAddress(bounds));
  r.format.fill.load("color");
  return { bounds, uniform: r };
}
function probeCells(ws: Excel.Worksheet, p: ColourProbe): void {
  p.cells = [];
  for (let r = p.bounds.top; r <= p.bounds.bottom; r++) {
    for (let c = p.bounds.left; c <= p.bounds.right; c++) {
      const range = ws.getCell(r, c);
      range.format.fill.load("color");
      p.cells.push({ key: cellKey(r, c), range });
    }
  }
}
/** The colour of each cell of a probed rectangle (after its syncs). */
function coloursOf(p: ColourProbe, out: Map<number, string>): void {
  if (p.cells) for (const c of p.cells) out.set(c.key, norm(c.range.format.fill.color) ?? WHITE);
  else {
    const col = norm(p.uniform.format.fill.color) ?? WHITE;
    for (let r = p.bounds.top; r <= p.bounds.bottom; r++) for (let c = p.bounds.left; c <= p.bounds.right; c++) out.set(cellKey(r, c), col);
  }
}

/** Problem cells of this sheet → severity (an error wins over a warning) and messages. */
export function problemCells(issues: ValidationIssue[], sheetName: string, locale: "vi" | "en" = "vi"): { severity: Map<number, Severity>; messages: Map<number, string[]> } {
  const severity = new Map<number, Severity>();
  const messages = new Map<number, string[]>();
  for (const issue of issues) {
    if (issue.sheet !== sheetName) continue;
    const addrs = new Set<string>();
    if (issue.cell) addrs.add(issue.cell);
    for (const c of issue.cells ?? []) addrs.add(c);
    for (const a of addrs) {
      const b = parseAddress(a);
      if (!b) continue;
      for (let r = b.top; r <= b.bottom; r++) {
        for (let c = b.left; c <= b.right; c++) {
          const k = cellKey(r, c);
          if (issue.severity === "error" || !severity.has(k)) severity.set(k, issue.severity);
          // the note goes on the issue's own cell; related cells are only painted
          if (a === issue.cell) {
            const list = messages.get(k) ?? [];
            list.push(issue.message[locale]);
            messages.set(k, list);
          }
        }
      }
    }
  }
  return { severity, messages };
}

/**
 * Clears Sohoa's previous marks everywhere and, when `validate` is given, reads the sheet, validates it and
 * marks its problems. All in one Excel.run with at most 4 syncs.
 */
async function markRun(validate: ((sheet: Sheet) => ValidationIssue[]) | null, opts: MarkOptions): Promise<MarkResult> {
  const features = hostFeatures();
  const locale = opts.locale ?? "vi";
  const maxNotes = opts.maxNotes ?? 200;
  const old = loadStore();
  return runExcel(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name");
    const target = opts.sheetName ? sheets.getItem(opts.sheetName) : sheets.getActiveWorksheet();
    const read = validate ? queueRead(target) : null;
    if (!validate) target.load("name");
    await sync(); // 1: values and the sheet list

    const existing = new Map(sheets.items.map((s) => [s.name, s] as const));
    const sheet = read ? read.result() : { name: target.name, rows: [] };
    const issues = validate ? validate(sheet) : [];
    const problems = problemCells(issues, sheet.name, locale);

    // Previous marks on sheets that still exist, probed for the colour they show now.
    const sheetProxy = new Map<string, Excel.Worksheet>();
    const ws = (name: string) => {
      let w = sheetProxy.get(name);
      if (!w) sheetProxy.set(name, (w = name === sheet.name ? target : sheets.getItem(name)));
      return w;
    };
    const oldFills = old.fills
      .filter(([s]) => existing.has(s))
      .map(([s, address, original, mark]) => ({ sheet: s, bounds: parseAddress(address), original, mark: norm(mark)! }))
      .filter((f): f is { sheet: string; bounds: Bounds; original: string; mark: string } => !!f.bounds);
    const oldProbes = oldFills.map((f) => probe(ws(f.sheet), f.bounds));

    // New marks: rectangles of one colour; their current colours are needed to restore them later.
    const wanted = new Map<number, string>();
    for (const [k, sev] of problems.severity) wanted.set(k, MARK_FILL[sev]);
    const newRects = groupCells(wanted);
    const newProbes = newRects.map((r) => probe(target, r));

    // Notes: previous Sohoa notes, and whatever note sits where a new one would go.
    type NoteProbe = { sheet: string; cell: string; note: Excel.Note };
    const noteProbes = new Map<string, NoteProbe>();
    const probeNote = (s: string, cell: string) => {
      const id = `${s}!${cell}`;
      if (noteProbes.has(id)) return;
      const note = ws(s).notes.getItemOrNullObject(cell);
      note.load("content");
      noteProbes.set(id, { sheet: s, cell, note });
    };
    const noteCells: [number, string[]][] = features.notes ? [...problems.messages].slice(0, maxNotes) : [];
    if (features.notes) {
      for (const [s, cell] of old.notes) if (existing.has(s)) probeNote(s, cell);
      for (const [k] of noteCells) probeNote(sheet.name, boundsAddress({ top: Math.floor(k / 16384), left: k % 16384, bottom: Math.floor(k / 16384), right: k % 16384 }));
    }
    await sync(); // 2: colours under the previous and the new marks, notes

    // Mixed rectangles are probed cell by cell: the previous ones are known now, the new ones in sync 3.
    for (let i = 0; i < oldProbes.length; i++) if (norm(oldProbes[i]!.uniform.format.fill.color) === null) probeCells(ws(oldFills[i]!.sheet), oldProbes[i]!);
    for (const p of newProbes) if (norm(p.uniform.format.fill.color) === null) probeCells(target, p);
    if (oldProbes.some((p) => p.cells) || newProbes.some((p) => p.cells)) await sync(); // 3 (only when needed)

    // Which previous marks are still Sohoa's colour, and what was underneath them (per sheet, per cell).
    const restore: { sheet: string; cells: Map<number, string> }[] = [];
    const underOld = new Map<number, string>(); // on the validated sheet: cell → original colour
    oldFills.forEach((f, i) => {
      const now = new Map<number, string>();
      coloursOf(oldProbes[i]!, now);
      const cells = new Map<number, string>();
      for (const [k, col] of now) if (col === f.mark) cells.set(k, f.original);
      if (!cells.size) return;
      restore.push({ sheet: f.sheet, cells });
      if (f.sheet === sheet.name) for (const [k, orig] of cells) underOld.set(k, orig);
    });

    // What each new mark covers: the original colour (from the previous record when it was Sohoa's).
    const current = new Map<number, string>();
    for (const p of newProbes) coloursOf(p, current);
    const store = emptyStore();
    const originals = new Map<number, string>();
    for (const [k, mark] of wanted) {
      const orig = underOld.get(k) ?? (current.get(k) === WHITE ? NO_FILL : (current.get(k) ?? NO_FILL));
      originals.set(k, `${orig}|${mark}`);
    }
    for (const r of groupCells(originals)) {
      const [orig, mark] = r.label.split("|") as [string, string];
      store.fills.push([sheet.name, boundsAddress(r), orig, mark]);
    }

    // 4: restore the previous marks (grouped per original colour), then paint the new ones.
    for (const { sheet: s, cells } of restore) {
      for (const r of groupCells(cells)) {
        const fill = ws(s).getRange(boundsAddress(r)).format.fill;
        if (r.label === NO_FILL) fill.clear();
        else fill.color = r.label;
      }
    }
    for (const r of newRects) target.getRange(boundsAddress(r)).format.fill.color = r.label;
    let notesAdded = 0;
    if (features.notes) {
      for (const p of noteProbes.values()) {
        if (!p.note.isNullObject && p.note.content.startsWith(NOTE_PREFIX)) p.note.delete();
      }
      for (const [k, msgs] of noteCells) {
        const cell = boundsAddress({ top: Math.floor(k / 16384), left: k % 16384, bottom: Math.floor(k / 16384), right: k % 16384 });
        const p = noteProbes.get(`${sheet.name}!${cell}`)!;
        // never overwrite the official's own note
        if (!p.note.isNullObject && !p.note.content.startsWith(NOTE_PREFIX)) continue;
        target.notes.add(cell, NOTE_PREFIX + msgs.join("\n"));
        store.notes.push([sheet.name, cell]);
        notesAdded++;
      }
    }
    await sync(); // 4: writes
    await writeSetting(MARKS_SETTING, store.fills.length || store.notes.length ? store : null);
    return { sheet, issues, cells: wanted.size, rectangles: newRects.length, notes: notesAdded, syncs };
  });
}

/** Reads the sheet in one go, validates it with `validate`, and marks its problems (≤ 4 syncs). */
export function validateAndMark(validate: (sheet: Sheet) => ValidationIssue[], opts: MarkOptions = {}): Promise<MarkResult> {
  return markRun(validate, opts);
}

/**
 * Marks the issues the server answered (its 422 or the warnings of a 201) on their cells, as local ones are:
 * the server also applies the rules that need the unit tree over time (UNIT_FORMER*, UNIT_NOT_REPORTING).
 */
export function markIssues(sheetName: string, issues: ValidationIssue[], opts: Omit<MarkOptions, "sheetName"> = {}): Promise<MarkResult> {
  return markRun(() => issues.filter((i) => i.sheet === sheetName), { ...opts, sheetName });
}

/** Removes every mark Sohoa made, restoring the fills that were there before. */
export async function clearMarks(opts: MarkOptions = {}): Promise<number> {
  const store = loadStore();
  if (!store.fills.length && !store.notes.length) return 0;
  const r = await markRun(null, opts);
  return r.syncs;
}
