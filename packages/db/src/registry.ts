/**
 * The Vietnamese unit registries shipped with Sohoa (copied from shared/data/administrative-units, MIT;
 * see registry/README.md and the LICENSE files), so that a fresh install can load the real tree offline.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RegistryNode } from "./repositories/unit-import";

export const REGISTRY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../registry");
export const REGISTRY_2025_06_30 = path.join(REGISTRY_DIR, "vn-units-2025-06-30.json");
export const REGISTRY_2025_07_01 = path.join(REGISTRY_DIR, "vn-units-2025-07-01.json");
export const SUCCESSORS_2025 = path.join(REGISTRY_DIR, "vn-units-2025-successors.json");

export function readRegistry(file: string): RegistryNode[] {
  const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: expected a JSON array of provinces`);
  for (const p of data as RegistryNode[]) {
    if (typeof p?.code !== "string" || typeof p?.name !== "string" || typeof p?.fullName !== "string") {
      throw new Error(`${file}: every unit needs code, name and fullName (found ${JSON.stringify(p).slice(0, 80)})`);
    }
  }
  return data as RegistryNode[];
}
