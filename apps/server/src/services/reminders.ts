/**
 * Reminders before a cut-off: every reporting unit of the schedule's subtree that has not reported for the
 * period gets a Reminder row on the "console" channel; optionally one webhook POST per schedule and cut-off
 * (SOHOA_WEBHOOK_URL) and an email per unit to its users with an address (SOHOA_SMTP_URL). The unique key
 * (schedule, unit, cut-off, channel) makes each of them happen once, across restarts and instances: a row is
 * inserted first, and only the instance whose insert succeeded sends.
 */
import nodemailer from "nodemailer";
import { formatDate } from "@sohoa/core";
import { addReminders, claimReminder, emailsOfUnits, setReminderStatus, type Database } from "@sohoa/db";
import { complianceFor, type AppliedSchedule } from "./compliance";
import type { Period } from "./schedule";

export interface ReminderChannels {
  webhookUrl?: string;
  smtpUrl?: string;
  mailFrom?: string;
  fetch?: typeof fetch;
  log?: (line: string) => void;
}

const localTime = (iso: string) => {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")} ngày ${formatDate(d.toISOString())}`;
};
const periodText = (p: { start: string; end: string }) => (p.start === p.end ? `ngày ${formatDate(p.start)}` : `kỳ ${formatDate(p.start)} – ${formatDate(p.end)}`);

/** The message of a reminder, in both languages. */
export function reminderMessage(unitName: string, scheduleName: string, p: { start: string; end: string; cutoffAt: string }) {
  return {
    vi: `${unitName} chưa gửi số liệu ${periodText(p)} (${scheduleName}). Hạn báo cáo: ${localTime(p.cutoffAt)}.`,
    en: `${unitName} has not sent its figures for ${p.start === p.end ? p.start : `${p.start} – ${p.end}`} (${scheduleName}). Deadline: ${p.cutoffAt}.`,
  };
}

/** Inserts a reminder row; null when it already exists (someone else sent it). */
const claim = claimReminder;

export interface RemindResult { console: number; webhook: number; email: number }

export async function sendReminders(db: Database, schedule: AppliedSchedule & { id: string; unitId: string }, period: Period, ch: ReminderChannels = {}): Promise<RemindResult> {
  const out: RemindResult = { console: 0, webhook: 0, email: 0 };
  if (period.dayOff) return out;
  const comp = await complianceFor(db, { unitId: schedule.unitId, date: period.start, schedule, period });
  if (comp.missing.length === 0) return out;
  const cutoffAt = new Date(period.cutoffAt);
  out.console = await addReminders(db, comp.missing.map((m) => ({ scheduleId: schedule.id, unitId: m.unit.id, cutoffAt, channel: "console", status: "pending", detail: reminderMessage(m.unit.fullName, schedule.name, period).vi })));

  if (ch.webhookUrl) {
    const id = await claim(db, { scheduleId: schedule.id, unitId: schedule.unitId, cutoffAt, channel: "webhook", status: "sending", detail: ch.webhookUrl });
    if (id) {
      let status = "sent";
      try {
        const res = await (ch.fetch ?? fetch)(ch.webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            type: "sohoa.reminder",
            schedule: { id: schedule.id, name: schedule.name, cadence: schedule.cadence },
            period: { start: period.start, end: period.end, cutoffAt: period.cutoffAt },
            missing: comp.missing.map((m) => ({ code: m.unit.code, name: m.unit.fullName, district: m.district?.fullName ?? null })),
            text: `${comp.missing.length} đơn vị chưa gửi số liệu ${periodText(period)}; hạn ${localTime(period.cutoffAt)}: ${comp.missing.map((m) => m.unit.fullName).join(", ")}.`,
          }),
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) status = `failed: HTTP ${res.status}`;
      } catch (err) {
        status = `failed: ${(err as Error).message}`.slice(0, 200);
      }
      await setReminderStatus(db, id, status);
      if (status === "sent") out.webhook++;
      else ch.log?.(`reminder webhook ${status}`);
    }
  }

  if (ch.smtpUrl) {
    const emails = await emailsOfUnits(db, comp.missing.map((m) => m.unit.id));
    const transport = nodemailer.createTransport(ch.smtpUrl);
    try {
      for (const m of comp.missing) {
        const to = emails.get(m.unit.id);
        if (!to?.length) continue;
        const msg = reminderMessage(m.unit.fullName, schedule.name, period);
        const id = await claim(db, { scheduleId: schedule.id, unitId: m.unit.id, cutoffAt, channel: "email", status: "sending", detail: to.join(", ") });
        if (!id) continue;
        let status = "sent";
        try {
          await transport.sendMail({ from: ch.mailFrom ?? "Sohoa <sohoa@localhost>", to, subject: `[Sohoa] Nhắc báo cáo: ${m.unit.fullName} — hạn ${localTime(period.cutoffAt)}`, text: `${msg.vi}\n\n${msg.en}\n` });
          out.email++;
        } catch (err) {
          status = `failed: ${(err as Error).message}`.slice(0, 200);
          ch.log?.(`reminder email to ${to.join(", ")} ${status}`);
        }
        await setReminderStatus(db, id, status);
      }
    } finally {
      transport.close();
    }
  }
  return out;
}
