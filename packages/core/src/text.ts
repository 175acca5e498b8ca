/** Text normalization for matching what officials type against the registry. */

/**
 * Folding table for code points up to U+1EFF (Latin, Latin Extended, combining marks, Vietnamese): the
 * lower-case ASCII letter or digit a character reduces to, SEP for anything else, DROP for combining marks.
 * Built once on first use from String.prototype.normalize, so it agrees with Unicode's own decomposition.
 */
const SEP = 0, DROP = 1;
let fold: Uint8Array | null = null;
function foldTable(): Uint8Array {
  if (fold) return fold;
  const t = new Uint8Array(0x1f00);
  for (let cp = 0; cp < t.length; cp++) {
    if (cp >= 0x300 && cp <= 0x36f) { t[cp] = DROP; continue; }
    let base = String.fromCharCode(cp).normalize("NFD").charAt(0).toLowerCase();
    if (cp === 0x110 || cp === 0x111) base = "d";
    const b = base.charCodeAt(0);
    t[cp] = (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b === 37 ? b : SEP;
  }
  return (fold = t);
}

/** Lower case, no diacritics (đ → d), punctuation to spaces, single spaces: "Xã Zà Hung" → "xa za hung". */
export function normalizeName(s: string): string {
  const t = foldTable();
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const cp = s.charCodeAt(i);
    const f = cp < 0x1f00 ? t[cp]! : SEP;
    if (f === DROP) continue;
    if (f === SEP) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += " ";
      pendingSpace = false;
    }
    out += String.fromCharCode(f);
  }
  return out;
}

const UNIT_PREFIXES = [
  "thanh pho truc thuoc trung uong", "thanh pho", "tp", "tinh", "quan", "huyen", "thi xa", "tx", "thi tran", "tt",
  "phuong", "p", "xa", "x", "dac khu", "so tu phap", "so", "ubnd", "uy ban nhan dan",
];

/** Normalized name without its type prefix: "Xã Za Hung" → "za hung", "TP. Tam Kỳ" → "tam ky", "Phường 01" → "1". */
export function unitKey(s: string): string {
  return unitKeyOfNormalized(normalizeName(s));
}

/** unitKey of a string already through normalizeName. */
export function unitKeyOfNormalized(normalized: string): string {
  let n = normalized.includes("0") ? normalized.replace(/\b0+(\d)/g, "$1") : normalized;
  for (const p of UNIT_PREFIXES) {
    if (n.startsWith(`${p} `) && n.length > p.length + 1) {
      n = n.slice(p.length + 1);
      break;
    }
  }
  return n;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * The loosest key, tried last: no prefix, no spaces, y written as i (old and new spellings: Quý/Quí, Mỹ/Mĩ).
 * "K' Dang" and "K'Dang", "P Rao" and "Prao", "Ea H'leo" and "Ea Hleo" meet here.
 */
export function compactKey(s: string): string {
  return compactOfKey(unitKey(s));
}

/** compactKey of a unitKey. */
export function compactOfKey(key: string): string {
  return key.replace(/ /g, "").replace(/y/g, "i");
}

let rowBuf = new Int32Array(64);
/**
 * Levenshtein distance if it is at most `max`, otherwise max + 1; stops as soon as a whole row exceeds `max`.
 * For suggestions over thousands of names.
 */
export function editDistanceAtMost(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length, lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (rowBuf.length <= lb) rowBuf = new Int32Array(lb * 2 + 1);
  const prev = rowBuf;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const tmp = prev[j]!;
      const v = Math.min(tmp + 1, prev[j - 1]! + 1, diag + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      prev[j] = v;
      if (v < rowMin) rowMin = v;
      diag = tmp;
    }
    if (rowMin > max) return max + 1;
  }
  return Math.min(prev[lb]!, max + 1);
}

/** Lower-case, diacritics-free, single-spaced text that keeps punctuation, for search and for headers such as "Tháng 03/2025" ("Xã Zà Hung" → "xa za hung"). */
export function searchText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
