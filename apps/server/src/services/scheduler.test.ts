import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { SMTPServer } from "smtp-server";
import type { Database } from "@sohoa/db";
import { createApp } from "../app";
import { openTestDatabase, signIn } from "../testing";
import { complianceFor, scheduleFor } from "./compliance";
import { dedupeKey, generateScheduledReport, startScheduler } from "./scheduler";
import { sendReminders } from "./reminders";
import { periodOf } from "./schedule";

const HOUR = 3_600_000;

describe("scheduler: reports at each cut-off, once; reminders before it", () => {
  let db: Database;
  let daily: Awaited<ReturnType<typeof scheduleFor>> & { id: string; unitId: string };
  let provinceId: string;

  beforeAll(async () => {
    db = await openTestDatabase({ demo: true });
    const province = await db.prisma.unit.findFirstOrThrow({ where: { code: "49", level: "PROVINCE", validTo: { not: null } } });
    provinceId = province.id;
    const s = await scheduleFor(db, province.id, "DAILY");
    if (!s.id || !s.unitId) throw new Error("the demo has a daily schedule");
    daily = { ...s, id: s.id, unitId: s.unitId };
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("catches up a cut-off that passed while the server was down: exactly one report, and none on a second start", async () => {
    let now = new Date("2025-02-18T09:00:00Z"); // 16:00 in Vietnam, before the 17:00 cut-off
    const clock = () => now;
    const opts = { db, clock, catchUpMs: 12 * HOUR, intervalMs: 3_600_000 };
    const first = startScheduler(opts);
    expect((await first.ready).reports).toHaveLength(0);
    await first.stop();
    expect(await db.prisma.generatedReport.count()).toBe(0);

    now = new Date("2025-02-18T12:00:00Z"); // the server comes back at 19:00: the 17:00 cut-off passed
    const second = startScheduler(opts);
    const ran = await second.ready;
    await second.stop();
    expect(ran.reports).toHaveLength(1);
    const stored = await db.prisma.generatedReport.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ dedupeKey: dedupeKey(daily.id, "2025-02-18T10:00:00.000Z"), scheduleId: daily.id, unitId: provinceId, periodType: "DAY" });
    expect(stored[0]!.cutoffAt.toISOString()).toBe("2025-02-18T10:00:00.000Z");
    expect((stored[0]!.data as { progressLine: string }).progressLine).toBe("642.806/1.443.893 (44,5%)");
    expect(Buffer.from(stored[0]!.pdf!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(stored[0]!.xlsx! as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell("A1").value).toBe("SỞ TƯ PHÁP TỈNH QUẢNG NAM");

    // a restart, and two instances at once: nothing new
    const third = startScheduler(opts);
    const fourth = startScheduler(opts);
    const [a, b] = await Promise.all([third.ready, fourth.ready]);
    await Promise.all([third.stop(), fourth.stop()]);
    expect(a.reports.length + b.reports.length).toBe(0);
    expect(await db.prisma.generatedReport.count()).toBe(1);
  }, 300_000);

  it("never stores two reports for one cut-off, even when two instances generate it at the same moment", async () => {
    const weekly = await scheduleFor(db, provinceId, "WEEKLY");
    const s = { ...weekly, id: weekly.id!, unitId: weekly.unitId! };
    const p = periodOf(s, "2025-02-14");
    const ids = await Promise.all([1, 2].map(() => generateScheduledReport(db, s, p, { now: new Date("2025-02-14T12:00:00Z"), renderFiles: false })));
    expect(ids.filter(Boolean)).toHaveLength(1);
    expect(await db.prisma.generatedReport.count({ where: { dedupeKey: dedupeKey(s.id, p.cutoffAt) } })).toBe(1);
  }, 300_000);

  it("reminds, before the cut-off, exactly the units that have not reported (console), once", async () => {
    const p = periodOf(daily, "2025-02-18");
    const comp = await complianceFor(db, { unitId: daily.unitId, date: p.start, schedule: daily, period: p });
    const reminders = await db.prisma.reminder.findMany({ where: { scheduleId: daily.id, cutoffAt: new Date(p.cutoffAt), channel: "console" } });
    // created by the scheduler's first pass at 16:00, two hours (reminderMinutesBefore = 120) before 17:00
    expect(reminders.map((r) => r.unitId).sort()).toEqual(comp.missing.map((m) => m.unit.id).sort());
    expect(reminders.length).toBeGreaterThan(0);
    const again = await sendReminders(db, daily, p);
    expect(again.console).toBe(0);
  });

  it("sends the reminder emails to a local SMTP sink and posts the webhook, each once", async () => {
    const mails: { to: string[]; body: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onData(stream, session, cb) {
        let body = "";
        stream.on("data", (c: Buffer) => (body += c.toString("utf8")));
        stream.on("end", () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const posts: unknown[] = [];
    const hook: Server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        posts.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
    try {
      const smtpPort = (smtp.server.address() as AddressInfo).port;
      const hookPort = (hook.address() as AddressInfo).port;
      const p = periodOf(daily, "2025-02-18");
      const comp = await complianceFor(db, { unitId: daily.unitId, date: p.start, schedule: daily, period: p });
      // give the official of one missing commune an address
      const target = await db.prisma.user.findFirstOrThrow({ where: { unitId: { in: comp.missing.map((m) => m.unit.id) }, role: "COMMUNE" }, include: { unit: true } });
      await db.prisma.user.update({ where: { id: target.id }, data: { email: "cong.chuc@xa.example.vn" } });
      const channels = { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webhookUrl: `http://127.0.0.1:${hookPort}/hook` };
      const r = await sendReminders(db, daily, p, channels);
      expect(r).toMatchObject({ email: 1, webhook: 1 });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual(["cong.chuc@xa.example.vn"]);
      expect(mails[0]!.body).toContain("Subject:");
      expect(posts).toHaveLength(1);
      const post = posts[0] as { type: string; missing: { code: string }[]; period: { cutoffAt: string } };
      expect(post.type).toBe("sohoa.reminder");
      expect(post.period.cutoffAt).toBe("2025-02-18T10:00:00.000Z");
      expect(post.missing.map((m) => m.code).sort()).toEqual(comp.missing.map((m) => m.unit.code).sort());
      // once
      const again = await sendReminders(db, daily, p, channels);
      expect(again).toMatchObject({ email: 0, webhook: 0 });
      expect(mails).toHaveLength(1);
      expect(posts).toHaveLength(1);
      expect(await db.prisma.reminder.count({ where: { channel: "email", status: "sent" } })).toBe(1);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    }
  }, 120_000);

  it("lists generated reports and console reminders in scope, downloads a report, marks a reminder read", async () => {
    const app = createApp({ db, clock: () => new Date("2025-02-18T12:00:00Z") });
    const token = await signIn(app, "quangnam");
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const list = await app.request("/api/reports?_start=0&_end=10", auth);
    expect(list.status).toBe(200);
    const rows = (await list.json()) as { id: string; cutoffAt: string; progressLine: string | null; hasXlsx: boolean }[];
    expect(list.headers.get("x-total-count")).toBe(String(await db.prisma.generatedReport.count()));
    const daily1 = rows.find((r) => r.cutoffAt === "2025-02-18T10:00:00.000Z")!;
    expect(daily1).toMatchObject({ progressLine: "642.806/1.443.893 (44,5%)", hasXlsx: true });
    const x = await app.request(`/api/reports/${daily1.id}/download?format=xlsx`, auth);
    expect(x.status).toBe(200);
    expect(x.headers.get("content-disposition")).toContain(".xlsx");
    const pdf = await app.request(`/api/reports/${daily1.id}/download?format=pdf`, auth);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // a report stored without files is rendered on download
    const weeklyRow = rows.find((r) => !r.hasXlsx)!;
    const wx = await app.request(`/api/reports/${weeklyRow.id}/download?format=xlsx`, auth);
    expect(wx.status).toBe(200);
    expect((await app.request(`/api/reports/${daily1.id}`, auth)).status).toBe(200);

    const zahung = await signIn(app, "zahung");
    const zl = await app.request("/api/reports", { headers: { authorization: `Bearer ${zahung}` } });
    expect(zl.headers.get("x-total-count")).toBe("0");
    expect((await app.request(`/api/reports/${daily1.id}/download?format=xlsx`, { headers: { authorization: `Bearer ${zahung}` } })).status).toBe(404);

    const rem = await app.request("/api/reminders?_start=0&_end=1000", auth);
    const reminders = (await rem.json()) as { id: string; readAt: string | null; unit: { id: string }; message: { vi: string } }[];
    expect(rem.headers.get("x-total-count")).toBe(String(await db.prisma.reminder.count({ where: { channel: "console" } })));
    expect(reminders[0]!.message.vi).toContain("chưa gửi số liệu ngày 18/02/2025");
    const read = await app.request(`/api/reminders/${reminders[0]!.id}/read`, { method: "POST", ...auth });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { readAt: string }).readAt).toBe("2025-02-18T12:00:00.000Z");
    expect(await db.prisma.auditLog.count({ where: { action: "reminder.read", entityId: reminders[0]!.id } })).toBe(1);
    const after = (await (await app.request("/api/reminders?_start=0&_end=1000", auth)).json()) as { id: string; readAt: string | null }[];
    expect(after[after.length - 1]!.id).toBe(reminders[0]!.id); // unread first
    expect(after.slice(0, -1).every((r) => r.readAt === null)).toBe(true);

    // a commune official sees only their own unit's reminders
    const zu = await db.prisma.user.findUniqueOrThrow({ where: { username: "zahung" } });
    const own = await app.request("/api/reminders", { headers: { authorization: `Bearer ${zahung}` } });
    const ownRows = (await own.json()) as { unit: { id: string } }[];
    expect(ownRows.every((r) => r.unit.id === zu.unitId)).toBe(true);
    expect((await app.request(`/api/reminders/${reminders.find((r) => r.unit.id !== zu.unitId)!.id}/read`, { method: "POST", headers: { authorization: `Bearer ${zahung}` } })).status).toBe(404);
  }, 120_000);
});
