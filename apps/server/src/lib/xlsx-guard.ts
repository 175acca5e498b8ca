/**
 * Limits of an uploaded workbook checked while it streams, before exceljs inflates it whole: a ZIP's declared
 * sizes can lie (a zip bomb claiming kilobytes inflates to gigabytes), and a sheet of 1,048,576 rows is small
 * compressed. Every entry is inflated as a stream and thrown away, counting inflated bytes as they come out and
 * worksheet rows as their XML goes by; the scan stops at the first chunk past a limit. Kept apart from xlsx.ts,
 * whose reading it only precedes.
 */
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import type { Grid } from "@sohoa/core";
import { ApiError } from "./errors";
import { readXlsxGrid, zipUncompressedSize, type XlsxLimits } from "./xlsx";

export interface XlsxScan {
  /** Compressed bytes handed to the inflater (what was read of the file). */
  compressedBytesRead: number;
  inflatedBytes: number;
  /** Rows seen per worksheet entry. */
  rows: Record<string, number>;
  exceeded: { limit: "bytes" | "rows"; entry: string } | null;
}

interface Entry { name: string; method: number; compressedSize: number; localOffset: number }

/** The central directory's entries; null when there is none to read (xlsx.ts then says what is wrong). */
function entriesOf(buf: Uint8Array): Entry[] | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const out: Entry[] = [];
  let offset = view.getUint32(eocd + 16, true);
  for (let n = view.getUint16(eocd + 10, true); n > 0; n--) {
    if (offset + 46 > buf.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    out.push({
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      localOffset: view.getUint32(offset + 42, true),
      name: new TextDecoder().decode(buf.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return out;
}

/** An entry's data as stored (compressed), from its local header. */
function dataOf(buf: Uint8Array, e: Entry): Uint8Array | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (e.localOffset + 30 > buf.length || view.getUint32(e.localOffset, true) !== 0x04034b50) return null;
  const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
  const end = e.compressedSize === 0xffffffff ? buf.length : Math.min(buf.length, start + e.compressedSize);
  return start <= end ? buf.subarray(start, end) : null;
}

const SLICE = 16 * 1024;
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;
const isSheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** Inflates (or, stored, passes) `data` slice by slice into `onChunk` until it returns true; compressed bytes read. */
async function stream(data: Uint8Array, method: number, onChunk: (chunk: Uint8Array) => boolean): Promise<number> {
  let read = 0;
  function* slices() {
    for (let i = 0; i < data.length; i += SLICE) {
      const part = data.subarray(i, i + SLICE);
      read += part.length;
      yield part;
    }
  }
  if (method === 0) {
    for (const part of slices()) if (onChunk(part)) break;
    return read;
  }
  // highWaterMark 1: the source is read only as fast as the inflater's output is consumed
  const source = Readable.from(slices(), { highWaterMark: 1 });
  const inflater = createInflateRaw();
  source.pipe(inflater);
  try {
    for await (const chunk of inflater) if (onChunk(chunk as Buffer)) break;
  } catch {
    // damaged data: exceljs refuses it with its own message
  } finally {
    source.destroy();
    inflater.destroy();
  }
  return read;
}

/** Streams every entry of the workbook, stopping at the first limit crossed. */
export async function scanXlsx(bytes: Uint8Array, limits: Pick<XlsxLimits, "maxUncompressedBytes" | "maxRows">): Promise<XlsxScan> {
  const scan: XlsxScan = { compressedBytesRead: 0, inflatedBytes: 0, rows: {}, exceeded: null };
  for (const e of entriesOf(bytes) ?? []) {
    const data = dataOf(bytes, e);
    if (!data || (e.method !== 0 && e.method !== 8)) continue;
    const sheet = isSheet(e.name);
    const decoder = new TextDecoder();
    let tail = "";
    let rows = 0;
    scan.compressedBytesRead += await stream(data, e.method, (chunk) => {
      scan.inflatedBytes += chunk.length;
      if (scan.inflatedBytes > limits.maxUncompressedBytes) scan.exceeded = { limit: "bytes", entry: e.name };
      else if (sheet) {
        // matches are counted once: the tail kept for the next chunk starts after the last one
        const text = tail + decoder.decode(chunk, { stream: true });
        let end = 0;
        for (const m of text.matchAll(ROW)) {
          rows++;
          end = m.index + m[0].length;
        }
        tail = text.slice(Math.max(end, text.length - 64));
        if (rows > limits.maxRows) scan.exceeded = { limit: "rows", entry: e.name };
      }
      return scan.exceeded !== null;
    });
    if (sheet) scan.rows[e.name] = rows;
    if (scan.exceeded) break;
  }
  return scan;
}

/** readXlsxGrid, once the streaming scan has found the workbook within its limits. */
export async function readXlsxGridGuarded(bytes: Uint8Array, limits: XlsxLimits): Promise<Grid> {
  let declared: number;
  try {
    declared = zipUncompressedSize(bytes).bytes;
  } catch {
    declared = Number.POSITIVE_INFINITY; // not a readable zip: readXlsxGrid says so
  }
  if (bytes.length >= 4 && declared <= limits.maxUncompressedBytes) {
    const scan = await scanXlsx(bytes, limits);
    if (scan.exceeded?.limit === "bytes") {
      throw new ApiError(413, "payload_too_large", {
        vi: `Tệp Excel khi giải nén vượt quá ${Math.round(limits.maxUncompressedBytes / 1e6)} MB (kích thước ghi trong tệp không đúng). Hãy lưu lại tệp bằng Excel rồi gửi lại.`,
        en: `The workbook inflates to more than ${Math.round(limits.maxUncompressedBytes / 1e6)} MB (the sizes it declares are wrong). Save it again with Excel and resend.`,
      }, { field: "file" });
    }
    if (scan.exceeded?.limit === "rows") {
      throw new ApiError(413, "payload_too_large", {
        vi: `Một trang tính có hơn ${limits.maxRows} dòng, vượt giới hạn. Hãy xóa các dòng thừa rồi gửi lại.`,
        en: `A sheet has more than ${limits.maxRows} rows, over the limit. Delete the extra rows and resend.`,
      }, { field: "file" });
    }
  }
  return readXlsxGrid(bytes, limits);
}
