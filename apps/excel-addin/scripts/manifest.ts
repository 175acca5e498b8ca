/**
 * Writes the manifests from manifest.config.ts: manifests/dev/{manifest.xml,manifest.json} and
 * manifests/prod/…, plus the icons (plain PNGs drawn here, so no binary files live in the repo).
 *   pnpm manifest          both targets
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { jsonManifest, xmlManifest, type Target } from "../manifest.config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** A square RGBA icon: a blue tile with a white "S"-ish bar pattern (transparent outline variant). */
export function iconPng(size: number, outline = false): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const u = x / size, v = y / size;
      const bar = (v > 0.2 && v < 0.32) || (v > 0.44 && v < 0.56) || (v > 0.68 && v < 0.8);
      const side = (v >= 0.32 && v <= 0.44 && u < 0.35) || (v >= 0.56 && v <= 0.68 && u > 0.65);
      const ink = (bar || side) && u > 0.2 && u < 0.8;
      if (outline) {
        raw.set(ink ? [255, 255, 255, 255] : [0, 0, 0, 0], o);
      } else raw.set(ink ? [255, 255, 255, 255] : [0x1f, 0x5a, 0xa6, 255], o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

export function writeManifests(outDir = path.join(root, "manifests"), targets: Target[] = ["dev", "prod"]): string[] {
  const written: string[] = [];
  for (const t of targets) {
    const dir = path.join(outDir, t);
    mkdirSync(path.join(dir, "assets"), { recursive: true });
    writeFileSync(path.join(dir, "manifest.xml"), xmlManifest(t));
    writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify(jsonManifest(t), null, 2)}\n`);
    writeFileSync(path.join(dir, "assets", "icon-128.png"), iconPng(128));
    writeFileSync(path.join(dir, "assets", "icon-outline-32.png"), iconPng(32, true));
    written.push(path.join(dir, "manifest.xml"), path.join(dir, "manifest.json"));
  }
  return written;
}

/** The icons the task pane's web server serves (public/assets). */
export function writePublicIcons(dir = path.join(root, "public", "assets")): void {
  mkdirSync(dir, { recursive: true });
  for (const s of [16, 32, 64, 80, 128]) writeFileSync(path.join(dir, `icon-${s}.png`), iconPng(s));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writePublicIcons();
  for (const f of writeManifests()) console.log(`wrote ${path.relative(root, f)}`);
}
