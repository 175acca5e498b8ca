import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MemoryStorage } from "../../test/memory-storage";
import { createDataProvider, filtersToQuery, paginationToQuery } from "./data-provider";
import { createAuthProvider } from "./auth-provider";
import { ApiError, errorText, onUnauthorized, setLanguageSource } from "./api-client";
import { readSession, writeSession } from "./session";
import { clearDraft, draftKey, loadDraft, saveDraft } from "./drafts";
import { loginPath } from "./login-path";
import { canAccess } from "./access-control";
import type { User } from "@sohoa/contract";

const user: User = { id: "u1", username: "quangnam", displayName: "Sở Tư pháp Quảng Nam", role: "PROVINCE", locale: "vi", unit: { id: "p49", code: "49", name: "Quảng Nam", fullName: "Tỉnh Quảng Nam", level: "PROVINCE", parentId: "vn", nameEn: null, validFrom: "2025-07-01", validTo: null } };

type Call = { url: string; init: RequestInit };
let calls: Call[];
function mockFetch(respond: (url: string, init: RequestInit) => Response) {
  calls = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init: RequestInit) => { calls.push({ url, init }); return respond(url, init); }));
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

beforeEach(() => {
  vi.stubGlobal("localStorage", new MemoryStorage());
  vi.stubGlobal("sessionStorage", new MemoryStorage());
  vi.stubGlobal("location", { pathname: "/campaigns/create", search: "" });
  setLanguageSource(() => "vi");
});
afterEach(() => vi.unstubAllGlobals());

describe("data provider (simple-rest)", () => {
  it("maps pagination, sorting and filters to the query string and reads X-Total-Count", async () => {
    writeSession({ token: "tok", expiresAt: "2999-01-01T00:00:00Z", user });
    mockFetch(() => json([{ id: "1" }, { id: "2" }], 200, { "x-total-count": "233" }));
    const dp = createDataProvider();
    const res = await dp.getList({
      resource: "units",
      pagination: { currentPage: 3, pageSize: 20 },
      sorters: [{ field: "name", order: "asc" }],
      filters: [{ field: "parentId", operator: "eq", value: "505" }, { field: "q", operator: "contains", value: "zà hung" }, { field: "level", operator: "eq", value: undefined }],
    });
    expect(res).toEqual({ data: [{ id: "1" }, { id: "2" }], total: 233 });
    const url = new URL(calls[0]!.url, "http://x");
    expect(url.pathname).toBe("/api/units");
    expect(Object.fromEntries(url.searchParams)).toEqual({ _start: "40", _end: "60", _sort: "name", _order: "asc", parentId: "505", q: "zà hung" });
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe("Bearer tok");
  });

  it("sends JSON bodies with PATCH for updates and encodes ids", async () => {
    mockFetch(() => json({ id: "a/b", name: "x" }));
    const dp = createDataProvider();
    await dp.update({ resource: "campaigns", id: "a/b", variables: { name: "x" } });
    expect(calls[0]!.url).toBe("/api/campaigns/a%2Fb");
    expect(calls[0]!.init.method).toBe("PATCH");
    expect(calls[0]!.init.body).toBe(JSON.stringify({ name: "x" }));
  });

  it("turns the API's error shape into an ApiError in the current language, keeping issues", async () => {
    mockFetch(() => json({ error: { code: "validation_failed", message: { vi: "Dữ liệu không hợp lệ", en: "Invalid data" }, issues: [{ code: "x", severity: "error", message: { vi: "a", en: "b" }, cell: "F12" }] } }, 422));
    const err = await createDataProvider().create({ resource: "targets", variables: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.statusCode).toBe(422);
    expect(e.message).toBe("Dữ liệu không hợp lệ");
    setLanguageSource(() => "en");
    expect(e.message).toBe("Invalid data");
    expect(errorText(e)).toBe("Invalid data");
    expect(e.issues[0]!.cell).toBe("F12");
  });

  it("a 401 clears the session and tells the listeners", async () => {
    writeSession({ token: "old", expiresAt: "2999-01-01T00:00:00Z", user });
    const seen = vi.fn();
    const off = onUnauthorized(seen);
    mockFetch(() => json({ error: { code: "unauthorized", message: { vi: "Hết phiên", en: "Expired" } } }, 401));
    await expect(createDataProvider().getOne({ resource: "units", id: "1" })).rejects.toMatchObject({ statusCode: 401 });
    expect(readSession()).toBeNull();
    expect(seen).toHaveBeenCalledOnce();
    off();
  });

  it("a late 401 for an older token does not end the new session", async () => {
    writeSession({ token: "old", expiresAt: "2999-01-01T00:00:00Z", user });
    const seen = vi.fn();
    const off = onUnauthorized(seen);
    let answer!: (r: Response) => void;
    vi.stubGlobal("fetch", vi.fn(() => new Promise<Response>((r) => { answer = r; })));
    const pending = createDataProvider().getOne({ resource: "units", id: "1" }).catch((e: unknown) => e);
    writeSession({ token: "new", expiresAt: "2999-01-01T00:00:00Z", user }); // signed in again meanwhile
    answer(json({ error: { code: "unauthorized", message: { vi: "Hết phiên", en: "Expired" } } }, 401));
    expect(await pending).toMatchObject({ statusCode: 401 });
    expect(readSession()?.token).toBe("new");
    expect(seen).not.toHaveBeenCalled();
    off();
  });

  it("a network failure is an ApiError with a message for the person", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("Failed to fetch"); }));
    const e = (await createDataProvider().getList({ resource: "units" }).catch((x: unknown) => x)) as ApiError;
    expect(e.statusCode).toBe(0);
    expect(e.message).toMatch(/Không kết nối được máy chủ/);
  });

  it("filter and pagination helpers", () => {
    expect(paginationToQuery({ mode: "off" })).toEqual({});
    expect(paginationToQuery(undefined)).toEqual({ _start: 0, _end: 10 });
    expect(filtersToQuery([{ field: "status", operator: "in", value: ["A", "B"] }, { operator: "or", value: [] }])).toEqual({ status: "A,B" });
  });
});

describe("auth provider", () => {
  it("logs in, keeps the session, and knows the identity and role", async () => {
    mockFetch(() => json({ token: "t1", expiresAt: "2999-01-01T00:00:00Z", user }));
    const ap = createAuthProvider();
    expect(await ap.login({ username: "quangnam", password: "Sohoa@2025" })).toEqual({ success: true });
    expect(calls[0]!.init.body).toBe(JSON.stringify({ username: "quangnam", password: "Sohoa@2025" }));
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
    expect(await ap.check()).toEqual({ authenticated: true });
    expect(await ap.getIdentity?.()).toEqual(user);
    expect(await ap.getPermissions?.()).toBe("PROVINCE");
  });

  it("bad credentials fail with the server's message", async () => {
    mockFetch(() => json({ error: { code: "unauthorized", message: { vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong username or password." } } }, 401));
    const res = await createAuthProvider().login({ username: "x", password: "y" });
    expect(res.success).toBe(false);
    expect(res.error?.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
  });

  it("an expired session is not authenticated; a 401 redirects to sign-in remembering the page", async () => {
    writeSession({ token: "t", expiresAt: "2025-01-01T00:00:00Z", user });
    const ap = createAuthProvider(() => new Date("2025-06-01T00:00:00Z"));
    expect(await ap.check()).toMatchObject({ authenticated: false, redirectTo: "/login" });
    expect(readSession()).toBeNull();
    expect(await ap.onError({ statusCode: 401 })).toEqual({ redirectTo: "/login?expired=1&to=%2Fcampaigns%2Fcreate" });
    // signed in again meanwhile: a late 401 for the old token changes nothing
    writeSession({ token: "new", expiresAt: "2999-01-01T00:00:00Z", user });
    expect(await ap.onError({ statusCode: 401 })).toEqual({});
    expect(await ap.onError({ statusCode: 403 })).toEqual({});
  });

  it("logout revokes the session on the server and clears it locally even if that fails", async () => {
    writeSession({ token: "t", expiresAt: "2999-01-01T00:00:00Z", user });
    mockFetch(() => new Response(null, { status: 500 }));
    expect(await createAuthProvider().logout({})).toEqual({ success: true, redirectTo: "/login" });
    expect(calls[0]!.url).toBe("/api/auth/logout");
    expect(readSession()).toBeNull();
  });
});

describe("drafts and redirects", () => {
  it("keeps and clears drafts in sessionStorage", () => {
    const key = draftKey("campaigns", "create");
    saveDraft(key, { name: "Cao điểm 20 ngày", startDate: "2025-02-20" });
    expect(loadDraft(key)).toEqual({ name: "Cao điểm 20 ngày", startDate: "2025-02-20" });
    clearDraft(key);
    expect(loadDraft(key)).toBeNull();
    sessionStorage.setItem(key, "{broken");
    expect(loadDraft(key)).toBeNull();
  });
  it("login path keeps where the person was", () => {
    expect(loginPath({ pathname: "/dashboard/505", search: "?date=2025-02-18" })).toBe("/login?expired=1&to=%2Fdashboard%2F505%3Fdate%3D2025-02-18");
    expect(loginPath({ pathname: "/", search: "" })).toBe("/login?expired=1");
  });
  it("roles see what they may use", () => {
    expect(canAccess("COMMUNE", "users", "list")).toBe(false);
    expect(canAccess("COMMUNE", "upload", "list")).toBe(true);
    expect(canAccess("VIEWER", "upload", "list")).toBe(false);
    expect(canAccess("DISTRICT", "units", "create")).toBe(false);
    expect(canAccess("ADMIN", "units", "create")).toBe(true);
    expect(canAccess(undefined, "dashboard", "list")).toBe(false);
  });
});
