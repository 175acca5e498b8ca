/**
 * In-process scheduler. Every `intervalMs` (and once on start) it looks at each active schedule:
 *  - every cut-off in the last `catchUpMs` (7 days by default) that has no report yet gets one: the report of
 *    the schedule's unit, stored as GeneratedReport (JSON data, .xlsx, PDF) under the dedupe key
 *    `schedule:<id>:<cut-off ISO>`. The insert is ON CONFLICT DO NOTHING on that unique key, so restarts and
 *    concurrent instances never produce two reports for a cut-off; cut-offs missed while the server was down
 *    are caught up on start;
 *  - when the next cut-off is less than `reminderMinutesBefore` away, the units that have not reported are
 *    reminded (reminders.ts).
 * It keeps no state of its own: everything it needs to know is in the database.
 */
import { activeSchedulesAt, generatedReportExists, storeGeneratedReport, type Database } from "@sohoa/db";
import type { AppliedSchedule, PeriodParam } from "./compliance";
import { buildReport } from "./report";
import { writeReportXlsx } from "./report-xlsx";
import { writeReportPdf } from "./report-pdf";
import { sendReminders, type ReminderChannels } from "./reminders";
import { cutoffsBetween, nextCutoff, type Period } from "./schedule";

export interface SchedulerDeps extends ReminderChannels {
  db: Database;
  clock?: () => Date;
  intervalMs?: number;
  catchUpMs?: number;
  /** Render .xlsx and PDF at generation (default true); they are rendered on download otherwise. */
  renderFiles?: boolean;
}

export interface TickResult { reports: string[]; reminders: number }
export interface Scheduler {
  /** Resolves when the run started by startScheduler (the catch-up) is done. */
  ready: Promise<TickResult>;
  /** Runs one pass now (waits for a pass in progress first). */
  runNow(): Promise<TickResult>;
  stop(): Promise<void>;
}

const PERIOD: Record<AppliedSchedule["cadence"], PeriodParam> = { DAILY: "day", WEEKLY: "week", MONTHLY: "month" };
const PERIOD_TYPE = { DAILY: "DAY", WEEKLY: "WEEK", MONTHLY: "MONTH" } as const;
const DAY_MS = 86_400_000;

export const dedupeKey = (scheduleId: string, cutoffAt: string) => `schedule:${scheduleId}:${cutoffAt}`;

/** Active schedules of units that exist at `now` (a unit closed by a reorganization reports no more). */
async function activeSchedules(db: Database, now: Date): Promise<(AppliedSchedule & { id: string; unitId: string })[]> {
  const rows = await activeSchedulesAt(db, now);
  return rows.map((s) => ({ id: s.id, unitId: s.unitId, level: s.level, name: s.name, cadence: s.cadence, cutoffMinutes: s.cutoffMinutes, weekday: s.weekday, monthDay: s.monthDay, daysOff: s.daysOff, reminderMinutesBefore: s.reminderMinutesBefore }));
}

/** Generates and stores the report of a cut-off unless it exists; returns its id when this call created it. */
export async function generateScheduledReport(db: Database, schedule: AppliedSchedule & { id: string; unitId: string }, period: Period, opts: { now: Date; renderFiles?: boolean }): Promise<string | null> {
  const key = dedupeKey(schedule.id, period.cutoffAt);
  if (await generatedReportExists(db, key)) return null;
  const data = await buildReport(db, { unitId: schedule.unitId, periodType: PERIOD[schedule.cadence], date: period.end, schedule, now: opts.now });
  const render = opts.renderFiles ?? true;
  const [xlsx, pdf] = render ? await Promise.all([writeReportXlsx(data), writeReportPdf(data)]) : [null, null];
  const id = crypto.randomUUID();
  // Another instance may have stored it meanwhile: insert-if-absent on the unique dedupe key.
  const stored = await storeGeneratedReport(db, {
      id, scheduleId: schedule.id, unitId: schedule.unitId, periodType: PERIOD_TYPE[schedule.cadence],
      periodStart: new Date(`${period.start}T00:00:00Z`), periodEnd: new Date(`${period.end}T00:00:00Z`), cutoffAt: new Date(period.cutoffAt),
      dedupeKey: key, generatedAt: opts.now, data: JSON.parse(JSON.stringify(data)), xlsx: xlsx ? new Uint8Array(xlsx) : null, pdf: pdf ? new Uint8Array(pdf) : null,
  });
  return stored ? id : null;
}

/** One pass: catch up the cut-offs of the window, then the reminders due now. */
export async function runSchedulerOnce(deps: SchedulerDeps): Promise<TickResult> {
  const now = (deps.clock ?? (() => new Date()))();
  const catchUp = deps.catchUpMs ?? 7 * DAY_MS;
  const result: TickResult = { reports: [], reminders: 0 };
  for (const s of await activeSchedules(deps.db, now)) {
    for (const p of cutoffsBetween(s, new Date(now.getTime() - catchUp), now, Math.ceil(catchUp / DAY_MS) + 1)) {
      try {
        const id = await generateScheduledReport(deps.db, s, p, { now, renderFiles: deps.renderFiles });
        if (id) {
          result.reports.push(id);
          deps.log?.(`report generated: ${s.name}, cut-off ${p.cutoffAt}`);
        }
      } catch (err) {
        deps.log?.(`report for ${s.name} at ${p.cutoffAt} failed: ${(err as Error).stack ?? err}`);
      }
    }
    if (s.reminderMinutesBefore && s.reminderMinutesBefore > 0) {
      const next = nextCutoff(s, now);
      if (next && Date.parse(next.cutoffAt) - s.reminderMinutesBefore * 60_000 <= now.getTime()) {
        try {
          const r = await sendReminders(deps.db, s, next, deps);
          result.reminders += r.console;
        } catch (err) {
          deps.log?.(`reminders for ${s.name} at ${next.cutoffAt} failed: ${(err as Error).stack ?? err}`);
        }
      }
    }
  }
  return result;
}

export function startScheduler(deps: SchedulerDeps): Scheduler {
  let stopped = false;
  let running: Promise<TickResult> = Promise.resolve({ reports: [], reminders: 0 });
  const run = () => {
    running = running.catch(() => undefined).then(() => runSchedulerOnce(deps));
    return running;
  };
  const ready = run();
  const timer = setInterval(() => {
    if (!stopped) void run().catch((err) => deps.log?.(`scheduler pass failed: ${(err as Error).message}`));
  }, deps.intervalMs ?? 30_000);
  timer.unref?.();
  return {
    ready,
    runNow: run,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
    },
  };
}
