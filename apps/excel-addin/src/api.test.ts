import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@sohoa/server/testing";
import { createClient, RequestFailed } from "./api";

describe("task pane API client against the real server", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: true });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  it("signs in as the Za Hung official and reads the commune's progress", async () => {
    const api = createClient(server.url);
    const s = await api.login("zahung", "Sohoa@2025");
    expect(s.user.unit.code).toBe("20491");
    const p = await api.progress(s.token, s.user.unit.code);
    expect(p.date).toBe("2025-02-18");
    expect(p.unit.counts.entriesDigitized).toBe(0);
    expect(p.unit.forecast.status).toBeTruthy();
  });

  it("turns a wrong password and an unreachable server into messages in Vietnamese", async () => {
    await expect(createClient(server.url).login("zahung", "sai")).rejects.toMatchObject({ status: 401, error: { message: { vi: expect.stringContaining("mật khẩu") } } });
    const offline = createClient("http://127.0.0.1:9");
    const err = await offline.login("zahung", "x").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestFailed);
    expect((err as RequestFailed).error.message.vi).toContain("Không kết nối được");
  });
});
