/** Text normalization for matching what officials type against the registry. */

/** Lower case, no diacritics (đ → d), punctuation to spaces, single spaces: "Xã Zà Hung" → "xa za hung". */
export function normalizeName(s: string): string {
  let out = "";
  const base = s.normalize("NFD");
  for (let i = 0; i < base.length; i++) {
    const ch = base.charCodeAt(i);
    if (ch >= 0x300 && ch <= 0x36f) continue; // combining marks
    out += base[i];
  }
  return out
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

const UNIT_PREFIXES = [
  "thanh pho truc thuoc trung uong", "thanh pho", "tp", "tinh", "quan", "huyen", "thi xa", "tx", "thi tran", "tt",
  "phuong", "p", "xa", "x", "dac khu", "so tu phap", "so", "ubnd", "uy ban nhan dan",
];

/** Normalized name without its type prefix: "Xã Za Hung" → "za hung", "TP. Tam Kỳ" → "tam ky", "Phường 01" → "1". */
export function unitKey(s: string): string {
  let n = normalizeName(s).replace(/\b0+(\d)/g, "$1");
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
  return unitKey(s).replace(/ /g, "").replace(/y/g, "i");
}
