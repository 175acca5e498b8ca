/**
 * An in-memory Excel host double: the part of the Excel JavaScript API that src/excel/* uses, with the
 * host's batching semantics, so tests catch what a real Excel would refuse.
 *
 * - Every call on a proxy (set a property, load, add, delete, select…) is queued; nothing touches the
 *   workbook until `context.sync()`, which runs the queue in order and COUNTS itself (`syncs`).
 * - Reading a property that was not loaded and synced throws, like Office.js ("PropertyNotLoaded").
 * - `getItem` of a missing sheet fails at sync time with ItemNotFound, failing the whole batch.
 * - Requirement sets are configurable (`apiVersion`): notes (1.18), comments (1.10), data validation (1.8)
 *   and merge (1.2) throw ApiNotFound when the configured host lacks them, so the code must feature-detect.
 * - Formula cells are evaluated (numbers, references, + - * /, comparisons, IF, ROUND, SUM), enough for
 *   Sohoa's templates, so reading `values` returns what Excel would show.
 *
 * It is plain TypeScript with no Node imports: the browser tests load it into the task pane as `Excel`/`Office`.
 */

export type Cell = { value: string | number | boolean; formula?: string; numberFormat?: string; fill?: string; bold?: boolean };
export interface DataValidationRecord { top: number; left: number; bottom: number; right: number; rule: unknown; errorAlert?: unknown }
export interface SheetModel {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<number, Cell>;
  validations: DataValidationRecord[];
  notes: Map<string, string>;
  merges: string[];
  columnWidths: Map<number, number>;
}
export interface CommentModel { id: string; sheet: string; cell: string; content: string }

const KEY = (r: number, c: number) => r * 16384 + c;
const rowOf = (k: number) => Math.floor(k / 16384);
const colOf = (k: number) => k % 16384;

export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
export function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw hostError("InvalidArgument", `Bad cell address: ${ref}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
export interface Bounds { top: number; left: number; bottom: number; right: number }
export function parseAddress(address: string): Bounds {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.split(":");
  const p = parseCell(a!);
  const q = b ? parseCell(b) : p;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
export function boundsAddress(b: Bounds): string {
  const a = `${columnName(b.left)}${b.top + 1}`;
  const z = `${columnName(b.right)}${b.bottom + 1}`;
  return a === z ? a : `${a}:${z}`;
}
const quoteSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

export class HostError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
  }
}
function hostError(code: string, message: string): HostError {
  return new HostError(code, message);
}

const versionAtLeast = (have: string, want: string) => {
  const [a1 = 0, a2 = 0] = have.split(".").map(Number);
  const [b1 = 0, b2 = 0] = want.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
};

// ---------------------------------------------------------------------------------------------------------------
// Formula evaluation (the subset Sohoa's templates use)

type FVal = number | string | boolean | null | FVal[];
function evaluateFormula(formula: string, sheet: SheetModel, read: (sheet: SheetModel, r: number, c: number) => Cell["value"] | null): Cell["value"] {
  const src = formula.replace(/^=/, "");
  let i = 0;
  const peek = () => src[i];
  const ws = () => {
    while (src[i] === " ") i++;
  };
  const num = (v: FVal): number => (Array.isArray(v) ? num(v[0] ?? null) : typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : v === null || v === "" ? 0 : Number.isFinite(Number(v)) ? Number(v) : NaN);
  function primary(): FVal {
    ws();
    const ch = peek();
    if (ch === "(") {
      i++;
      const v = comparison();
      ws();
      i++; // )
      return v;
    }
    if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const s = src.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    if (ch === "-") {
      i++;
      return -num(primary());
    }
    const m = /^(\d+(?:\.\d+)?)/.exec(src.slice(i));
    if (m) {
      i += m[1]!.length;
      return Number(m[1]);
    }
    const id = /^([A-Za-z]+)(\d*)/.exec(src.slice(i));
    if (!id) throw new Error(`formula: unexpected ${ch}`);
    if (id[2]) {
      i += id[0].length;
      const a = parseCell(id[0]);
      if (src[i] === ":") {
        const m2 = /^:([A-Za-z]+\d+)/.exec(src.slice(i))!;
        i += m2[0].length;
        const b = parseCell(m2[1]!);
        const out: FVal[] = [];
        for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(read(sheet, r, c));
        return out;
      }
      return read(sheet, a.row, a.col);
    }
    i += id[0].length;
    ws();
    i++; // (
    const args: FVal[] = [];
    ws();
    if (peek() !== ")") {
      for (;;) {
        args.push(comparison());
        ws();
        if (peek() === ",") {
          i++;
          continue;
        }
        break;
      }
    }
    i++; // )
    const fn = id[1]!.toUpperCase();
    if (fn === "IF") {
      const cond = args[0];
      return (typeof cond === "boolean" ? cond : num(cond ?? null) !== 0) ? (args[1] ?? true) : (args[2] ?? false);
    }
    if (fn === "ROUND") {
      const f = 10 ** num(args[1] ?? 0);
      return Math.round(num(args[0] ?? null) * f) / f;
    }
    if (fn === "SUM") return args.flat(2).reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
    throw new Error(`formula: unknown function ${fn}`);
  }
  function term(): FVal {
    let v = primary();
    for (;;) {
      ws();
      const op = peek();
      if (op !== "*" && op !== "/") return v;
      i++;
      const r = primary();
      v = op === "*" ? num(v) * num(r) : num(v) / num(r);
    }
  }
  function additive(): FVal {
    let v = term();
    for (;;) {
      ws();
      const op = peek();
      if (op !== "+" && op !== "-") return v;
      i++;
      const r = term();
      v = op === "+" ? num(v) + num(r) : num(v) - num(r);
    }
  }
  function comparison(): FVal {
    const l = additive();
    ws();
    const m = /^(>=|<=|<>|>|<|=)/.exec(src.slice(i));
    if (!m) return l;
    i += m[1]!.length;
    const a = num(l);
    const b = num(additive());
    switch (m[1]) {
      case ">": return a > b;
      case "<": return a < b;
      case ">=": return a >= b;
      case "<=": return a <= b;
      case "=": return a === b;
      default: return a !== b;
    }
  }
  try {
    const v = comparison();
    const out = Array.isArray(v) ? (v[0] ?? 0) : v;
    if (typeof out === "number" && !Number.isFinite(out)) return "#DIV/0!";
    return Array.isArray(out) ? "#VALUE!" : out === null ? 0 : out;
  } catch {
    return "#NAME?";
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The model

export class WorkbookModel {
  sheets: SheetModel[] = [];
  comments: CommentModel[] = [];
  active = 0;
  selection: { sheet: string; address: string } | null = null;
  private commentSeq = 0;

  addSheet(name: string): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw hostError("ItemAlreadyExists", `A sheet named ${name} already exists`);
    if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw hostError("InvalidArgument", `Invalid sheet name ${name}`);
    const s: SheetModel = { name, visibility: "Visible", cells: new Map(), validations: [], notes: new Map(), merges: [], columnWidths: new Map() };
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): SheetModel {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw hostError("ItemNotFound", `The requested resource doesn't exist (sheet ${name}).`);
    return s;
  }
  activeSheet(): SheetModel {
    const s = this.sheets[this.active];
    if (!s) throw hostError("ItemNotFound", "No active sheet");
    return s;
  }
  nextCommentId(): string {
    return `c${++this.commentSeq}`;
  }

  /** The displayed value of a cell (formulas evaluated). */
  read = (sheet: SheetModel, r: number, c: number): Cell["value"] | null => {
    const cell = sheet.cells.get(KEY(r, c));
    if (!cell) return null;
    if (cell.formula) return evaluateFormula(cell.formula, sheet, this.read);
    return cell.value;
  };

  /** Test helpers: set values from a matrix at a top-left cell; read a cell's displayed value or fill. */
  setValues(sheetName: string, topLeft: string, rows: (string | number | boolean | null)[][]): void {
    const s = this.sheet(sheetName);
    const { row, col } = parseCell(topLeft);
    rows.forEach((vals, i) => vals.forEach((v, j) => writeValue(s, row + i, col + j, v)));
  }
  value(sheetName: string, address: string): Cell["value"] | null {
    const { row, col } = parseCell(address);
    return this.read(this.sheet(sheetName), row, col);
  }
  fill(sheetName: string, address: string): string | null {
    const { row, col } = parseCell(address);
    return this.sheet(sheetName).cells.get(KEY(row, col))?.fill ?? null;
  }
  setFill(sheetName: string, address: string, color: string | null): void {
    const s = this.sheet(sheetName);
    const b = parseAddress(address);
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) setFill(s, r, c, color);
  }
  /** Every filled cell of a sheet: address → colour (to compare before/after). */
  fills(sheetName: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, cell] of this.sheet(sheetName).cells) if (cell.fill) out.set(`${columnName(colOf(k))}${rowOf(k) + 1}`, cell.fill);
    return out;
  }
  usedBounds(sheet: SheetModel, valuesOnly: boolean): Bounds | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [k, cell] of sheet.cells) {
      const has = cell.formula !== undefined || cell.value !== "" || (!valuesOnly && (cell.fill !== undefined || cell.numberFormat !== undefined || cell.bold));
      if (!has) continue;
      const r = rowOf(k), c = colOf(k);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

function cellAt(s: SheetModel, r: number, c: number): Cell {
  const k = KEY(r, c);
  let cell = s.cells.get(k);
  if (!cell) s.cells.set(k, (cell = { value: "" }));
  return cell;
}
function writeValue(s: SheetModel, r: number, c: number, v: unknown): void {
  if (v === null || v === undefined) return; // null in a matrix leaves the cell as it is (Office.js)
  const cell = cellAt(s, r, c);
  if (typeof v === "string" && v.startsWith("=") && v.length > 1) {
    cell.formula = v;
    cell.value = "";
    return;
  }
  delete cell.formula;
  // Excel turns typed text that looks like a number into a number, unless the cell is formatted as text.
  if (typeof v === "string" && cell.numberFormat !== "@" && /^-?\d+(\.\d+)?$/.test(v.trim())) cell.value = Number(v);
  else cell.value = v as Cell["value"];
}
function setFill(s: SheetModel, r: number, c: number, color: string | null): void {
  const cell = color === null ? s.cells.get(KEY(r, c)) : cellAt(s, r, c);
  if (!cell) return;
  if (color === null) delete cell.fill;
  else cell.fill = normalizeColor(color);
}
function normalizeColor(c: string): string {
  const named: Record<string, string> = { red: "#FF0000", yellow: "#FFFF00", white: "#FFFFFF", green: "#008000", blue: "#0000FF" };
  const x = named[c.toLowerCase()] ?? c;
  return x.toUpperCase();
}

// ---------------------------------------------------------------------------------------------------------------
// Proxies

type Op = () => void;

class Ctx {
  queue: Op[] = [];
  constructor(readonly host: ExcelDouble) {}
  readonly workbook: WorkbookProxy = new WorkbookProxy(this);
  async sync(): Promise<void> {
    this.host.syncs++;
    this.host.opsPerSync.push(this.queue.length);
    const q = this.queue;
    this.queue = [];
    // Like Office.js, the batch runs in order and the first failure rejects the sync (earlier commands stay done).
    for (const op of q) op();
    await Promise.resolve();
  }
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

abstract class Proxy {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: Ctx) {}
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw hostError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as T;
  }
  protected enqueue(op: Op): void {
    this.ctx.queue.push(op);
  }
  get context(): Ctx {
    return this.ctx;
  }
}

function propsOf(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => propsOf(a));
  if (typeof arg === "object" && arg) {
    const o = arg as { select?: string };
    if (o.select) return propsOf(o.select);
    return Object.keys(arg).filter((k) => (arg as Record<string, unknown>)[k]);
  }
  return [];
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(ctx: Ctx) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }
  get comments(): CommentCollectionProxy {
    this.ctx.host.require("1.10", "workbook.comments");
    return new CommentCollectionProxy(this.ctx, null);
  }
  get notes(): NoteCollectionProxy {
    this.ctx.host.require("1.18", "workbook.notes");
    return new NoteCollectionProxy(this.ctx, null);
  }
}

class WorksheetCollectionProxy extends Proxy {
  private itemsList: WorksheetProxy[] | null = null;
  add(name?: string): WorksheetProxy {
    const model = this.ctx.host.model;
    let created: SheetModel | null = null;
    this.enqueue(() => {
      created = model.addSheet(name ?? `Sheet${model.sheets.length + 1}`);
    });
    return new WorksheetProxy(this.ctx, () => {
      if (!created) throw hostError("ItemNotFound", "sheet not created");
      return created;
    });
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.host.model.sheet(name));
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.host.model.activeSheet());
  }
  get items(): WorksheetProxy[] {
    if (!this.itemsList) throw hostError("PropertyNotLoaded", "worksheets.items not loaded");
    return this.itemsList;
  }
  load(props?: unknown): this {
    const wanted = propsOf(props).map((p) => p.replace(/^items\//, ""));
    this.enqueue(() => {
      this.itemsList = this.ctx.host.model.sheets.map((s) => {
        const w = new WorksheetProxy(this.ctx, () => s);
        w.snapshot(wanted.length ? wanted : ["name", "visibility"]);
        return w;
      });
    });
    return this;
  }
}

class WorksheetProxy extends Proxy {
  constructor(ctx: Ctx, readonly resolve: () => SheetModel) {
    super(ctx);
  }
  snapshot(props: string[]): void {
    const s = this.resolve();
    for (const p of props) {
      if (p === "name") this.loaded.set("name", s.name);
      else if (p === "visibility") this.loaded.set("visibility", s.visibility);
      else if (p === "position") this.loaded.set("position", this.ctx.host.model.sheets.indexOf(s));
    }
  }
  load(props?: unknown): this {
    const wanted = propsOf(props);
    this.enqueue(() => this.snapshot(wanted.length ? wanted : ["name", "visibility", "position"]));
    return this;
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.enqueue(() => {
      this.resolve().name = v;
    });
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: string) {
    this.enqueue(() => {
      this.resolve().visibility = v as SheetModel["visibility"];
    });
  }
  activate(): void {
    this.enqueue(() => {
      const s = this.resolve();
      if (s.visibility !== "Visible") throw hostError("InvalidOperation", "Cannot activate a hidden sheet");
      this.ctx.host.model.active = this.ctx.host.model.sheets.indexOf(s);
    });
  }
  delete(): void {
    this.enqueue(() => {
      const m = this.ctx.host.model;
      const s = this.resolve();
      m.sheets.splice(m.sheets.indexOf(s), 1);
      if (m.active >= m.sheets.length) m.active = Math.max(0, m.sheets.length - 1);
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, this.resolve, () => (address ? parseAddress(address) : { top: 0, left: 0, bottom: 1048575, right: 16383 }));
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, this.resolve, () => ({ top: row, left: column, bottom: row, right: column }));
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.ctx.host.require("1.2", "getUsedRange(valuesOnly)");
    return new RangeProxy(this.ctx, this.resolve, () => this.ctx.host.model.usedBounds(this.resolve(), !!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  get notes(): NoteCollectionProxy {
    this.ctx.host.require("1.18", "worksheet.notes");
    return new NoteCollectionProxy(this.ctx, this.resolve);
  }
  get comments(): CommentCollectionProxy {
    this.ctx.host.require("1.10", "worksheet.comments");
    return new CommentCollectionProxy(this.ctx, this.resolve);
  }
}

class FillProxy extends Proxy {
  constructor(ctx: Ctx, private range: RangeProxy) {
    super(ctx);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.enqueue(() => this.range.eachCell((s, r, c) => setFill(s, r, c, v)));
  }
  clear(): void {
    this.enqueue(() => this.range.eachCell((s, r, c) => setFill(s, r, c, null)));
  }
  load(props?: unknown): this {
    void props;
    this.enqueue(() => this.loaded.set("color", this.range.uniformFill()));
    return this;
  }
  snapshot(): void {
    this.loaded.set("color", this.range.uniformFill());
  }
}
class FontProxy extends Proxy {
  constructor(ctx: Ctx, private range: RangeProxy) {
    super(ctx);
  }
  set bold(v: boolean) {
    this.enqueue(() => this.range.eachCell((s, r, c) => {
      cellAt(s, r, c).bold = v;
    }));
  }
  get bold(): boolean {
    return this.get("bold");
  }
}
class FormatProxy extends Proxy {
  readonly fill: FillProxy;
  readonly font: FontProxy;
  constructor(ctx: Ctx, private range: RangeProxy) {
    super(ctx);
    this.fill = new FillProxy(ctx, range);
    this.font = new FontProxy(ctx, range);
  }
  set columnWidth(w: number) {
    this.enqueue(() => {
      const s = this.range.resolveSheet();
      const b = this.range.bounds();
      for (let c = b.left; c <= b.right; c++) s.columnWidths.set(c, w);
    });
  }
  set wrapText(_v: boolean) {
    this.enqueue(() => undefined);
  }
  set horizontalAlignment(_v: string) {
    this.enqueue(() => undefined);
  }
  autofitColumns(): void {
    this.enqueue(() => undefined);
  }
}
class DataValidationProxy extends Proxy {
  constructor(ctx: Ctx, private range: RangeProxy) {
    super(ctx);
  }
  set rule(rule: unknown) {
    this.enqueue(() => {
      const b = this.range.bounds();
      this.range.resolveSheet().validations.push({ ...b, rule });
    });
  }
  set errorAlert(alert: unknown) {
    this.enqueue(() => {
      const b = this.range.bounds();
      const v = this.range.resolveSheet().validations.find((x) => x.top === b.top && x.left === b.left && x.bottom === b.bottom && x.right === b.right);
      if (v) v.errorAlert = alert;
    });
  }
  clear(): void {
    this.enqueue(() => {
      const b = this.range.bounds();
      const s = this.range.resolveSheet();
      s.validations = s.validations.filter((x) => x.bottom < b.top || x.top > b.bottom || x.right < b.left || x.left > b.right);
    });
  }
}

class RangeProxy extends Proxy {
  private fmt: FormatProxy | null = null;
  constructor(ctx: Ctx, readonly resolveSheet: () => SheetModel, private resolveBounds: () => Bounds) {
    super(ctx);
  }
  bounds(): Bounds {
    return this.resolveBounds();
  }
  eachCell(fn: (s: SheetModel, r: number, c: number) => void): void {
    const s = this.resolveSheet();
    const b = this.bounds();
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fn(s, r, c);
  }
  uniformFill(): string | null {
    const s = this.resolveSheet();
    const b = this.bounds();
    let first: string | undefined;
    for (let r = b.top; r <= b.bottom; r++) {
      for (let c = b.left; c <= b.right; c++) {
        // Excel reports "no fill" as white
        const f = s.cells.get(KEY(r, c))?.fill ?? "#FFFFFF";
        if (first === undefined) first = f;
        else if (f !== first) return null;
      }
    }
    return first ?? "#FFFFFF";
  }
  get format(): FormatProxy {
    return (this.fmt ??= new FormatProxy(this.ctx, this));
  }
  get dataValidation(): DataValidationProxy {
    this.ctx.host.require("1.8", "range.dataValidation");
    return new DataValidationProxy(this.ctx, this);
  }
  private matrix(fn: (s: SheetModel, r: number, c: number) => unknown): unknown[][] {
    const s = this.resolveSheet();
    const b = this.bounds();
    const out: unknown[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: unknown[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(fn(s, r, c));
      out.push(row);
    }
    return out;
  }
  private snapshot(props: string[]): void {
    const s = this.resolveSheet();
    const b = this.bounds();
    const m = this.ctx.host.model;
    for (const p of props) {
      if (p === "values") this.loaded.set(p, this.matrix((sh, r, c) => m.read(sh, r, c) ?? ""));
      else if (p === "formulas") this.loaded.set(p, this.matrix((sh, r, c) => { const cell = sh.cells.get(KEY(r, c)); return cell?.formula ?? cell?.value ?? ""; }));
      else if (p === "numberFormat") this.loaded.set(p, this.matrix((sh, r, c) => sh.cells.get(KEY(r, c))?.numberFormat ?? "General"));
      else if (p === "address") this.loaded.set(p, `${quoteSheet(s.name)}!${boundsAddress(b)}`);
      else if (p === "rowIndex") this.loaded.set(p, b.top);
      else if (p === "columnIndex") this.loaded.set(p, b.left);
      else if (p === "rowCount") this.loaded.set(p, b.bottom - b.top + 1);
      else if (p === "columnCount") this.loaded.set(p, b.right - b.left + 1);
      else if (p === "format/fill/color" || p === "format.fill.color") this.format.fill.snapshot();
      else throw hostError("InvalidArgument", `double: cannot load range property ${p}`);
    }
  }
  load(props?: unknown): this {
    const wanted = propsOf(props);
    this.enqueue(() => this.snapshot(wanted.length ? wanted : ["values", "address", "rowIndex", "columnIndex", "rowCount", "columnCount"]));
    return this;
  }
  get values(): unknown[][] { return this.get("values"); }
  set values(v: unknown[][]) { this.enqueue(() => this.write(v, (s, r, c, x) => writeValue(s, r, c, x))); }
  get formulas(): unknown[][] { return this.get("formulas"); }
  set formulas(v: unknown[][]) { this.enqueue(() => this.write(v, (s, r, c, x) => writeValue(s, r, c, x))); }
  get numberFormat(): unknown[][] { return this.get("numberFormat"); }
  set numberFormat(v: unknown[][]) {
    this.enqueue(() => this.write(v, (s, r, c, x) => {
      if (x !== null && x !== undefined) cellAt(s, r, c).numberFormat = String(x);
    }));
  }
  get address(): string { return this.get("address"); }
  get rowIndex(): number { return this.get("rowIndex"); }
  get columnIndex(): number { return this.get("columnIndex"); }
  get rowCount(): number { return this.get("rowCount"); }
  get columnCount(): number { return this.get("columnCount"); }
  private write(v: unknown[][], put: (s: SheetModel, r: number, c: number, x: unknown) => void): void {
    const s = this.resolveSheet();
    const b = this.bounds();
    const rows = b.bottom - b.top + 1, cols = b.right - b.left + 1;
    // Office.js accepts a single value for a whole range, otherwise the dimensions must match.
    const single = v.length === 1 && v[0]?.length === 1;
    if (!single && (v.length !== rows || v.some((r) => r.length !== cols))) throw hostError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) put(s, b.top + r, b.left + c, single ? v[0]![0] : v[r]![c]);
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, this.resolveSheet, () => {
      const b = this.bounds();
      return { top: b.top + row, left: b.left + column, bottom: b.top + row, right: b.left + column };
    });
  }
  getOffsetRange(rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, this.resolveSheet, () => {
      const b = this.bounds();
      return { top: b.top + rows, left: b.left + cols, bottom: b.bottom + rows, right: b.right + cols };
    });
  }
  select(): void {
    this.enqueue(() => {
      const s = this.resolveSheet();
      this.ctx.host.model.active = this.ctx.host.model.sheets.indexOf(s);
      this.ctx.host.model.selection = { sheet: s.name, address: boundsAddress(this.bounds()) };
    });
  }
  merge(_across?: boolean): void {
    this.ctx.host.require("1.2", "range.merge");
    this.enqueue(() => {
      this.resolveSheet().merges.push(boundsAddress(this.bounds()));
    });
  }
  clear(): void {
    this.enqueue(() => this.eachCell((s, r, c) => {
      s.cells.delete(KEY(r, c));
    }));
  }
}

class NoteProxy extends Proxy {
  constructor(ctx: Ctx, private resolveNote: () => { sheet: SheetModel; cell: string } | null) {
    super(ctx);
  }
  get isNullObject(): boolean { return this.get("isNullObject"); }
  get content(): string { return this.get("content"); }
  load(props?: unknown): this {
    void props;
    this.enqueue(() => {
      const n = this.resolveNote();
      this.loaded.set("isNullObject", !n);
      if (n) this.loaded.set("content", n.sheet.notes.get(n.cell) ?? "");
    });
    return this;
  }
  delete(): void {
    this.enqueue(() => {
      const n = this.resolveNote();
      if (!n) throw hostError("ItemNotFound", "note not found");
      n.sheet.notes.delete(n.cell);
    });
  }
}
class NoteCollectionProxy extends Proxy {
  constructor(ctx: Ctx, private resolveSheet: (() => SheetModel) | null) {
    super(ctx);
  }
  private target(address: string): { sheet: SheetModel; cell: string } {
    const bang = address.lastIndexOf("!");
    const sheet = bang >= 0 ? this.ctx.host.model.sheet(address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'")) : this.resolveSheet ? this.resolveSheet() : this.ctx.host.model.activeSheet();
    const b = parseAddress(address);
    if (b.top !== b.bottom || b.left !== b.right) throw hostError("InvalidArgument", "A note needs a single cell");
    return { sheet, cell: boundsAddress(b) };
  }
  add(cellAddress: string, content: string): NoteProxy {
    this.enqueue(() => {
      const t = this.target(cellAddress);
      if (t.sheet.notes.has(t.cell)) throw hostError("InvalidArgument", `The cell ${t.cell} already has a note`);
      t.sheet.notes.set(t.cell, content);
    });
    return new NoteProxy(this.ctx, () => this.target(cellAddress));
  }
  getItemOrNullObject(cellAddress: string): NoteProxy {
    return new NoteProxy(this.ctx, () => {
      const t = this.target(cellAddress);
      return t.sheet.notes.has(t.cell) ? t : null;
    });
  }
}

class CommentProxy extends Proxy {
  constructor(ctx: Ctx, private resolveComment: () => CommentModel | null) {
    super(ctx);
  }
  get isNullObject(): boolean { return this.get("isNullObject"); }
  get content(): string { return this.get("content"); }
  get id(): string { return this.get("id"); }
  load(props?: unknown): this {
    void props;
    this.enqueue(() => {
      const c = this.resolveComment();
      this.loaded.set("isNullObject", !c);
      if (c) {
        this.loaded.set("content", c.content);
        this.loaded.set("id", c.id);
      }
    });
    return this;
  }
  delete(): void {
    this.enqueue(() => {
      const c = this.resolveComment();
      if (!c) throw hostError("ItemNotFound", "comment not found");
      const list = this.ctx.host.model.comments;
      list.splice(list.indexOf(c), 1);
    });
  }
}
class CommentCollectionProxy extends Proxy {
  constructor(ctx: Ctx, private resolveSheet: (() => SheetModel) | null) {
    super(ctx);
  }
  private target(address: string): { sheet: string; cell: string } {
    const bang = address.lastIndexOf("!");
    const sheet = bang >= 0 ? this.ctx.host.model.sheet(address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'")) : this.resolveSheet ? this.resolveSheet() : this.ctx.host.model.activeSheet();
    return { sheet: sheet.name, cell: boundsAddress(parseAddress(address)) };
  }
  add(cellAddress: string, content: string): CommentProxy {
    let made: CommentModel | null = null;
    this.enqueue(() => {
      const t = this.target(cellAddress);
      if (this.ctx.host.model.comments.some((c) => c.sheet === t.sheet && c.cell === t.cell)) throw hostError("InvalidArgument", `The cell ${t.cell} already has a comment`);
      made = { id: this.ctx.host.model.nextCommentId(), ...t, content };
      this.ctx.host.model.comments.push(made);
    });
    return new CommentProxy(this.ctx, () => made);
  }
  /** Not in Office.js under this name: CommentCollection has getItemByCell (throws when absent). */
  getItemByCell(cellAddress: string): CommentProxy {
    return new CommentProxy(this.ctx, () => {
      const t = this.target(cellAddress);
      const c = this.ctx.host.model.comments.find((x) => x.sheet === t.sheet && x.cell === t.cell);
      if (!c) throw hostError("ItemNotFound", "comment not found");
      return c;
    });
  }
  getItemOrNullObject(commentId: string): CommentProxy {
    return new CommentProxy(this.ctx, () => this.ctx.host.model.comments.find((x) => x.id === commentId) ?? null);
  }
}

// ---------------------------------------------------------------------------------------------------------------

export interface ExcelDoubleOptions {
  /** highest ExcelApi requirement set the simulated host supports (default 1.1: Excel 2016 perpetual) */
  apiVersion?: string;
}

/** The double: `excel` stands in for the global `Excel`, `office` for `Office`. */
export class ExcelDouble {
  readonly model = new WorkbookModel();
  syncs = 0;
  /** number of queued commands in each sync, for the bench */
  opsPerSync: number[] = [];
  apiVersion: string;
  /** Office.context.document.settings, as saved in the document (saveAsync) */
  readonly settings = new Map<string, unknown>();
  private pendingSettings = new Map<string, unknown>();
  settingsSaves = 0;
  constructor(opts: ExcelDoubleOptions = {}) {
    this.apiVersion = opts.apiVersion ?? "1.1";
    this.model.addSheet("Sheet1");
  }
  require(version: string, what: string): void {
    if (!versionAtLeast(this.apiVersion, version)) throw hostError("ApiNotFound", `${what} needs ExcelApi ${version}; this host has ${this.apiVersion}`);
  }
  resetCounters(): void {
    this.syncs = 0;
    this.opsPerSync = [];
  }
  readonly excel = {
    run: async <T>(batch: (context: Ctx) => Promise<T>): Promise<T> => {
      const ctx = new Ctx(this);
      const out = await batch(ctx);
      // Excel.run syncs what is left in the queue at the end
      if (ctx.queue.length) await ctx.sync();
      return out;
    },
  };
  readonly office = {
    HostType: { Excel: "Excel" },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      document: {
        settings: {
          get: (name: string) => {
            const v = this.pendingSettings.has(name) ? this.pendingSettings.get(name) : this.settings.get(name);
            return v === undefined ? null : structuredClone(v);
          },
          set: (name: string, value: unknown) => {
            this.pendingSettings.set(name, structuredClone(value));
          },
          remove: (name: string) => {
            this.pendingSettings.set(name, undefined);
          },
          saveAsync: (cb?: (r: { status: string; error?: { message: string } }) => void) => {
            this.settingsSaves++;
            for (const [k, v] of this.pendingSettings) if (v === undefined) this.settings.delete(k); else this.settings.set(k, v);
            this.pendingSettings.clear();
            queueMicrotask(() => cb?.({ status: "succeeded" }));
          },
        },
      },
      requirements: {
        isSetSupported: (name: string, version?: string) => name === "ExcelApi" && versionAtLeast(this.apiVersion, version ?? "1.1"),
      },
    },
  };
  /** Puts the double in place of the globals `Excel` and `Office`. */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const before = { Excel: target.Excel, Office: target.Office };
    target.Excel = this.excel;
    target.Office = this.office;
    return () => {
      target.Excel = before.Excel;
      target.Office = before.Office;
    };
  }
}
