/**
 * Input PostgreSQL would refuse with an error (a 500 before issue 19): impossible dates (22008), NUL (22021), lone
 * surrogates (22P05) and a JSON body that is not UTF-8. Each is sent to each endpoint that takes it: a 400 in both
 * languages naming the field, and nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@sohoa/db";
import { setup, type Client, type DemoUser, type TestApp } from "./resources/test-kit";

const BAD_DATES = ["2025-02-30", "2025-13-01", "0000-00-00"];
const BAD_TEXT: [string, string][] = [["NUL", "\u0000"], ["lone surrogate", "\ud800"]];

type Answer = { status: number; body: { error?: { code: string; field?: string; message: { vi: string; en: string } } } };

describe("impossible dates and unstorable text answer 400, never 500", () => {
  let db: Database;
  let app: TestApp;
  let as: Record<DemoUser, Client>;
  let grid: { sheets: { name: string; rows: unknown[][] }[] };
  const stored = async () => ({
    submissions: await db.prisma.submission.count(), units: await db.prisma.unit.count(), campaigns: await db.prisma.campaign.count(),
    tokens: await db.prisma.apiToken.count(), users: await db.prisma.user.count(),
  });
  const answer = async (res: Response): Promise<Answer> => ({ status: res.status, body: (await res.json()) as Answer["body"] });
  const expect400 = (a: Answer, what: string, field?: string) => {
    expect(a.status, `${what}: ${JSON.stringify(a.body).slice(0, 200)}`).toBe(400);
    expect(a.body.error?.message.vi, what).toBeTruthy();
    expect(a.body.error?.message.vi, what).not.toBe(a.body.error?.message.en);
    if (field) expect(a.body.error?.field, what).toBe(field);
  };
  const upload = (fields: Record<string, string>) => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array([80, 75, 3, 4])], "sheet.xlsx"));
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return app.request("/api/submissions/upload", { method: "POST", headers: { authorization: `Bearer ${as.zahung.token}` }, body: form });
  };

  beforeAll(async () => {
    ({ db, app, as } = await setup());
    grid = { sheets: [{ name: "Tiến độ", rows: [["Đơn vị", "Loại sổ", "Ghi chú"], ["Xã Zà Hung", "Khai sinh", "ổn"]] }] };
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("refuses impossible dates on submissions, progress, trend, report preview, template, reorganization and the rest", async () => {
    const before = await stored();
    for (const d of BAD_DATES) {
      const cases: [string, () => Response | Promise<Response>, string][] = [
        ["submission", () => as.zahung.post("/api/submissions", { unitCode: "20491", grid, reportDate: d, acceptWarnings: true }), "reportDate"],
        ["upload", () => upload({ unitCode: "20491", reportDate: d }), "reportDate"],
        ["progress", () => as.quangnam.get(`/api/units/49/progress?date=${d}`), "date"],
        ["trend", () => as.quangnam.get(`/api/units/49/trend?from=${d}`), "from"],
        ["report preview", () => as.quangnam.get(`/api/reports/preview?unit=49&date=${d}`), "date"],
        ["template", () => as.zahung.get(`/api/units/20491/template?date=${d}`), "date"],
        ["reorganization", () => as.quangnam.get(`/api/reorganization/49?effective=${d}`), "effective"],
        ["unit history", () => as.quangnam.get(`/api/units/20491/history?date=${d}`), "date"],
        ["units", () => as.quangnam.get(`/api/units?date=${d}`), "date"],
        ["compliance", () => as.quangnam.get(`/api/compliance?unit=49&date=${d}`), "date"],
        ["token expiry", () => as.quangnam.post("/api/tokens", { name: "bad date", expiresAt: d }), "expiresAt"],
      ];
      for (const [what, send, field] of cases) expect400(await answer(await send()), `${what} ${d}`, field);
    }
    expect(await stored()).toEqual(before);
  });

  it("refuses NUL and lone surrogates in notes, names, usernames and searches, naming the field", async () => {
    const before = await stored();
    for (const [label, ch] of BAD_TEXT) {
      const noted = structuredClone(grid);
      const last = noted.sheets[0]!.rows.at(-1)!;
      last.push(`Ghi chú ${ch}`);
      const cases: [string, () => Response | Promise<Response>, string | RegExp][] = [
        ["sheet note", () => as.zahung.post("/api/submissions", { unitCode: "20491", grid: noted, acceptWarnings: true }), /^grid\.sheets\.0\.rows\.\d+\.\d+$/],
        ["correction reason", () => as.zahung.post("/api/submissions", { unitCode: "20491", grid, acceptWarnings: true, correctionReason: `Sửa ${ch}` }), "correctionReason"],
        ["unit name", () => as.donggiang.post("/api/units", { code: "20498", name: `Thử ${ch}`, level: "COMMUNE", parentId: "x" }), "name"],
        ["campaign name", () => as.quangnam.post("/api/campaigns", { code: "BAD1", unitId: "x", name: `Đợt ${ch}`, startDate: "2025-03-01", endDate: "2025-03-31" }), "name"],
        ["token name", () => as.quangnam.post("/api/tokens", { name: `Khóa ${ch}` }), "name"],
        ["sign-in username", () => app.request("/api/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: `quangnam${ch}`, password: "x" }) }), "username"],
        ["new username", () => as.admin.post("/api/users", { username: `ten${ch}moi`, displayName: "X", role: "VIEWER", unitId: "x", password: "Sohoa@2025x" }), "username"],
        // a lone surrogate cannot travel in a URL or a form (its UTF-8 form is invalid; FormData sends U+FFFD): NUL only
        ...(ch === "\u0000"
          ? ([
              ["upload correction reason", () => upload({ unitCode: "20491", correctionReason: `Sửa ${ch}` }), "correctionReason"],
              ["units search", () => as.quangnam.get(`/api/units?q=Z%C3%A0${encodeURIComponent(ch)}`), "q"],
              ["users search", () => as.admin.get(`/api/users?q=a${encodeURIComponent(ch)}`), "q"],
            ] as [string, () => Response | Promise<Response>, string][])
          : []),
      ];
      for (const [what, send, field] of cases) {
        const a = await answer(await send());
        expect400(a, `${what} (${label})`);
        if (field instanceof RegExp) expect(a.body.error?.field, what).toMatch(field);
        else expect(a.body.error?.field, what).toBe(field);
      }
    }
    expect(await stored()).toEqual(before);
  });

  it("refuses a JSON body that is not valid UTF-8 rather than reading it with replacement characters", async () => {
    const before = await stored();
    const bytes = (json: string) => {
      const text = new TextEncoder().encode(json);
      const at = json.indexOf("@@");
      return new Uint8Array([...text.slice(0, at), 0xff, 0xfe, ...text.slice(at + 2)]);
    };
    for (const [path, user, json] of [
      ["/api/tokens", as.quangnam, `{"name":"Khóa @@"}`],
      ["/api/submissions", as.zahung, JSON.stringify({ unitCode: "20491", grid, correctionReason: "@@", acceptWarnings: true })],
    ] as const) {
      const res = await app.request(path, { method: "POST", headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" }, body: bytes(json) });
      const a = await answer(res);
      expect400(a, path, "body");
      expect(a.body.error?.message.en).toMatch(/UTF-8/);
    }
    expect(await stored()).toEqual(before);
  });
});
