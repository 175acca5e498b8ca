/**
 * Password hashing (scrypt from node:crypto) and opaque tokens stored only as sha256 hashes.
 * scrypt at OWASP's N=2^17, r=8, p=1: 128 MiB and about a second of one core per hash, so at most
 * MAX_CONCURRENT hashes run at once (a burst of sign-ins waits instead of taking the server's memory).
 * Hashes of a lower cost still verify, and `needsRehash` tells sign-in to store a stronger one.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

const N = 2 ** 17, R = 8, P = 1, KEYLEN = 64;
// scrypt needs 128·N·r bytes; room for the stored hashes of any cost up to this one.
const MAXMEM = 2 * 128 * N * R;
const MAX_CONCURRENT = 4;

let running = 0;
const waiting: (() => void)[] = [];
async function withSlot<T>(run: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await run();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return withSlot(() => new Promise((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key)))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFC"), salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, saltB64, keyB64] = stored.split("$");
  if (alg !== "scrypt" || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, "base64url");
  const key = await scrypt(password.normalize("NFC"), Buffer.from(saltB64, "base64url"), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A stored hash made at a lower cost than today's: sign-in replaces it once the password is known. */
export function needsRehash(stored: string): boolean {
  const [alg, n, r, p] = stored.split("$");
  return alg !== "scrypt" || Number(n) < N || Number(r) < R || Number(p) < P;
}

/** A hash of today's cost, so that an unknown username costs as much as a wrong password. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA$` + Buffer.alloc(64).toString("base64url");

export const SESSION_PREFIX = "sohoa_s_";
export const API_TOKEN_PREFIX = "sohoa_pat_";

export function newToken(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function sha256(s: string | Uint8Array): string {
  return createHash("sha256").update(s).digest("hex");
}

/** A time-ordered UUID (version 7), like the database's own ids: known before the row is written. */
export function uuidv7(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
