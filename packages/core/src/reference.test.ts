import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KindIndex, PhaseIndex, matchUnit, UnitIndex } from "./reference";
import { compactKey, editDistance, editDistanceAtMost, normalizeName, unitKey } from "./text";
import type { UnitRef } from "./types";

const u = (code: string, fullName: string, name: string, parentId: string | null = "d1", level: UnitRef["level"] = "COMMUNE"): UnitRef => ({ id: `id${code}`, code, name, fullName, level, parentId });

describe("normalization", () => {
  it("drops case, diacritics (đ too), punctuation and type prefixes", () => {
    expect(normalizeName("  Xã  ZÀ   Hung ")).toBe("xa za hung");
    expect(normalizeName("Đông Giang")).toBe("dong giang");
    expect(unitKey("TP. Tam Kỳ")).toBe("tam ky");
    expect(unitKey("Thị trấn Prao")).toBe("prao");
    expect(unitKey("Phường 01")).toBe("1");
    expect(compactKey("Xã K' Dang")).toBe(compactKey("K'Dang"));
    expect(compactKey("Xã Quí Sơn")).toBe(compactKey("Quý Sơn"));
  });
});

describe("the fast normalizeName agrees with Unicode's decomposition (property)", () => {
  const reference = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z0-9%]+/g, " ").trim();
  const vietnamese = fc.constantFrom(..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠỲỸ0123456789 '-.,()%/");
  it("on Vietnamese text, composed or decomposed, and on any string", () => {
    fc.assert(
      fc.property(fc.array(vietnamese, { maxLength: 30 }).map((a) => a.join("")), fc.boolean(), (s, nfd) => {
        const input = nfd ? s.normalize("NFD") : s;
        expect(normalizeName(input)).toBe(reference(input));
      }),
      { numRuns: 500 },
    );
    // on any string: only a-z, 0-9, % and single inner spaces, and normalizing twice changes nothing
    fc.assert(fc.property(fc.string({ maxLength: 20, unit: "binary" }), (s) => {
      const n = normalizeName(s);
      expect(n).toMatch(/^([a-z0-9%]+( [a-z0-9%]+)*)?$/);
      expect(normalizeName(n)).toBe(n);
    }), { numRuns: 300 });
  });
});

describe("matchUnit", () => {
  const units = [u("20491", "Xã Za Hung", "Za Hung"), u("100", "Xã Tân An", "Tân An", "d1"), u("101", "Phường Tân An", "Tân An", "d2"), u("102", "Xã K' Dang", "K' Dang"), u("103", "Phường 1", "1"), u("104", "Xã P Rao", "P Rao"), u("105", "Xã Jơ Ngây", "Jơ Ngây")];
  it("official code first, whatever the name says", () => {
    expect(matchUnit(units, { code: "20491", name: "Sông Kôn" })).toMatchObject({ kind: "found", by: "code", unit: { code: "20491" } });
    expect(matchUnit(units, { code: " 20491 " })).toMatchObject({ kind: "found", unit: { code: "20491" } });
  });
  it.each([["Zà Hung", "20491"], ["xa za hung", "20491"], ["XÃ ZÀ HUNG", "20491"], ["Phường Tân An", "101"], ["Xã Tân An", "100"], ["K'Dang", "102"], ["Phường 01", "103"], ["P Rao", "104"], ["Prao", "104"], ["Jo Ngay", "105"]])("%s → %s", (name, code) => {
    expect(matchUnit(units, { name })).toMatchObject({ kind: "found", by: "name", unit: { code } });
  });
  it("refuses an ambiguous name, listing the candidates; the group the sheet is in decides", () => {
    const m = matchUnit(units, { name: "Tân An" });
    expect(m.kind).toBe("ambiguous");
    if (m.kind === "ambiguous") expect(m.candidates.map((x) => x.code).sort()).toEqual(["100", "101"]);
    expect(matchUnit(units, { name: "Tân An" }, { preferParentId: "d2" })).toMatchObject({ kind: "found", unit: { code: "101" } });
  });
  it("an unknown name comes with the closest suggestions", () => {
    const m = matchUnit(units, { name: "Za Hun" });
    expect(m.kind).toBe("unknown");
    if (m.kind === "unknown") expect(m.suggestions[0]?.code).toBe("20491");
    expect(matchUnit(units, { name: "Hà Nội" })).toEqual({ kind: "unknown", suggestions: [] });
  });
});

describe("matching names against the shipped 2025-06-30 registry (Quảng Nam, province 49)", () => {
  type Raw = { code: string; name: string; fullName: string; districts: { code: string; name: string; fullName: string; wards: { code: string; name: string; fullName: string }[] }[] };
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/registry/vn-units-2025-06-30.json");
  const qn = (JSON.parse(readFileSync(file, "utf8")) as Raw[]).find((p) => p.code === "49")!;
  const units: UnitRef[] = [{ id: "49", code: "49", name: qn.name, fullName: qn.fullName, level: "PROVINCE", parentId: null }];
  for (const d of qn.districts) {
    units.push({ id: d.code, code: d.code, name: d.name, fullName: d.fullName, level: "DISTRICT", parentId: "49" });
    for (const w of d.wards) units.push({ id: w.code, code: w.code, name: w.name, fullName: w.fullName, level: "COMMUNE", parentId: d.code });
  }
  const index = new UnitIndex(units);
  const parent = (x: UnitRef) => units.find((p) => p.id === x.parentId)!.fullName;

  it("\"Zà Hung\" is Xã Za Hung of Huyện Đông Giang", () => {
    const m = matchUnit(index, { name: "Zà Hung" });
    expect(m.kind).toBe("found");
    if (m.kind === "found") expect([m.unit.fullName, m.unit.code, parent(m.unit)]).toEqual(["Xã Za Hung", "20491", "Huyện Đông Giang"]);
  });
  it("the three 0% communes of February 2025 are all found", () => {
    const found = ["Sông Kôn", "Zà Hung", "Trà Mai"].map((name) => matchUnit(index, { name })).map((m) => (m.kind === "found" ? `${m.unit.fullName}, ${parent(m.unit)}` : m.kind));
    expect(found).toEqual(["Xã Sông Kôn, Huyện Đông Giang", "Xã Za Hung, Huyện Đông Giang", "Xã Trà Mai, Huyện Nam Trà My"]);
  });
  it("names that differ only by diacritics: the exact spelling decides, none is ambiguous, the district decides", () => {
    const code = (name: string, preferParentId?: string) => {
      const m = matchUnit(index, { name }, { preferParentId });
      return m.kind === "found" ? m.unit.code : m.kind === "ambiguous" ? `ambiguous: ${m.candidates.map((x) => x.code).sort().join(",")}` : m.kind;
    };
    expect(code("Xã Tam Thạnh")).toBe("20980");
    expect(code("Tam Thành")).toBe("20365");
    expect(code("Trà Dơn")).toBe("20938");
    expect(code("Trà Don")).toBe("20956");
    expect(code("Tam Thanh")).toBe("ambiguous: 20359,20365,20980");
    expect(code("Tam Thánh")).toBe("ambiguous: 20359,20365,20980");
    expect(code("Tam Thanh", "502")).toBe("20359"); // listed under Thành phố Tam Kỳ
  });
});

describe("register kinds and phases are data, with common spellings", () => {
  const kinds = new KindIndex([
    { code: "BIRTH", nameVi: "Khai sinh", nameEn: "Birth" }, { code: "DEATH", nameVi: "Khai tử", nameEn: "Death" },
    { code: "PARENT_CHILD", nameVi: "Nhận cha, mẹ, con", nameEn: "Parent-child recognition" }, { code: "CHANGE_CORRECTION", nameVi: "Thay đổi, cải chính, bổ sung hộ tịch", nameEn: "Change/correction" },
    { code: "LOCAL", nameVi: "Sổ đăng ký việc nuôi con nuôi", nameEn: "Adoption" },
  ]);
  it.each([["Sổ đăng ký khai sinh", "BIRTH"], ["KHAI TU", "DEATH"], ["Nhận cha mẹ con", "PARENT_CHILD"], ["Sổ thay đổi, cải chính hộ tịch", "CHANGE_CORRECTION"], ["nuoi con nuoi", null], ["Sổ đăng ký việc nuôi con nuôi", "LOCAL"]])("%s → %s", (text, code) => {
    expect(kinds.match(text)).toBe(code);
  });
  const phases = new PhaseIndex([{ code: "P1", nameVi: "Giai đoạn 1 (từ năm 2006)", nameEn: "Phase 1" }, { code: "P2", nameVi: "Giai đoạn 2 (từ năm 2005 trở về trước)", nameEn: "Phase 2" }]);
  it.each([["GĐ 1", "P1"], ["Giai đoạn II", "P2"], [2, "P2"], ["Từ năm 2006 đến nay", "P1"], ["Trước năm 2006", "P2"], ["Phase 1", "P1"], ["giai đoạn 3", null]])("%s → %s", (text, code) => {
    expect(phases.match(text)).toBe(code);
  });
});

describe("codes are reused: a code identifies a unit only together with a date", () => {
  const old: UnitRef = { id: "old20944", code: "20944", name: "Trà Mai", fullName: "Xã Trà Mai", level: "COMMUNE", parentId: "d517", validTo: "2025-07-01" };
  const now: UnitRef = { id: "new20944", code: "20944", name: "Nam Trà My", fullName: "Xã Nam Trà My", level: "COMMUNE", parentId: "p51", validFrom: "2025-07-01" };
  it("picks the version valid on the report date", () => {
    expect(matchUnit([old, now], { code: "20944" }, { date: "2025-02-18" })).toMatchObject({ kind: "found", unit: { id: "old20944" } });
    expect(matchUnit([now, old], { code: "20944" }, { date: "2025-07-15" })).toMatchObject({ kind: "found", unit: { id: "new20944" } });
    expect(matchUnit([old, now], { code: "20944" })).toMatchObject({ kind: "found", unit: { id: "new20944" } }); // no date: the current one
  });
});

describe("bounded edit distance", () => {
  it("equals the full distance when within the bound, and says 'more' otherwise (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.nat(8), (a, b, max) => {
        const d = editDistance(a, b);
        expect(editDistanceAtMost(a, b, max)).toBe(d <= max ? d : max + 1);
      }),
    );
  });
});
