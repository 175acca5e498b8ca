/**
 * The only door to Office.js: the globals `Excel` and `Office` are looked up at call time (so tests and the
 * browser harness can put the in-memory double in their place) and requirement sets are feature-detected.
 * Excel 2016 perpetual has ExcelApi 1.1 only, so everything Sohoa needs works with 1.1 and the rest
 * (merge 1.2, data validation 1.8, comments 1.10, notes 1.18) is optional.
 */

type OfficeGlobal = { context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } } };
type ExcelGlobal = { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };

function globals(): { Excel?: ExcelGlobal; Office?: OfficeGlobal } {
  return globalThis as unknown as { Excel?: ExcelGlobal; Office?: OfficeGlobal };
}

export class NotInExcel extends Error {
  constructor() {
    super("Excel is not available: open the task pane inside Excel.");
    this.name = "NotInExcel";
  }
}

/** Whether the task pane runs inside Excel (or the test double). */
export function inExcel(): boolean {
  return typeof globals().Excel?.run === "function";
}

/** `Excel.run`, with a clear error outside Excel. */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const x = globals().Excel;
  if (!x || typeof x.run !== "function") return Promise.reject(new NotInExcel());
  return x.run(batch);
}

/** ExcelApi requirement set check; false when Office is absent or cannot tell. */
export function supportsExcelApi(version: string): boolean {
  try {
    return globals().Office?.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

export interface HostFeatures {
  merge: boolean;
  dataValidation: boolean;
  comments: boolean;
  notes: boolean;
}
export function hostFeatures(): HostFeatures {
  return { merge: supportsExcelApi("1.2"), dataValidation: supportsExcelApi("1.8"), comments: supportsExcelApi("1.10"), notes: supportsExcelApi("1.18") };
}

/**
 * Document settings (Common API, Excel 2013+): kept inside the workbook, read synchronously, saved with
 * saveAsync. Sohoa keeps its list of marked cells there, so it can restore exactly those cells later.
 */
type Settings = { get(name: string): unknown; set(name: string, value: unknown): void; remove(name: string): void; saveAsync(cb?: (r: { status: string; error?: { message: string } }) => void): void };
function settings(): Settings | null {
  const doc = (globals().Office as { context?: { document?: { settings?: Settings } } } | undefined)?.context?.document;
  return doc?.settings ?? null;
}
export function readSetting<T>(name: string): T | null {
  const s = settings();
  return s ? ((s.get(name) as T | null | undefined) ?? null) : null;
}
export function writeSetting(name: string, value: unknown): Promise<void> {
  const s = settings();
  if (!s) return Promise.reject(new Error("Office document settings are not available"));
  if (value === null) s.remove(name);
  else s.set(name, value);
  return new Promise((resolve, reject) =>
    s.saveAsync((r) => (r.status === "succeeded" ? resolve() : reject(new Error(r.error?.message ?? "settings.saveAsync failed")))),
  );
}
