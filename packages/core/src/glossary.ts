/**
 * The words for being late, one set for the console, the task pane and the report (they used four: Trễ hạn,
 * Muộn, Không kịp hạn, Sẽ trễ hạn). A report sent after the cut-off is "muộn"; a unit whose pace will not
 * finish the work by its deadline "không kịp hạn".
 */
import type { Message } from "./types";

export const TERMS = {
  /** a report sent before the cut-off */
  onTime: { vi: "Đúng hạn", en: "On time" },
  /** a report sent after the cut-off (a status label) */
  late: { vi: "Muộn", en: "Late" },
  /** the same, in a sentence or a list title */
  reportedLate: { vi: "Báo cáo muộn", en: "Reported late" },
  /** no report for the period */
  missing: { vi: "Chưa báo cáo", en: "Not reported" },
  /** the forecast: at its pace the unit will not finish by its deadline */
  willMiss: { vi: "Không kịp hạn", en: "Will miss the deadline" },
} satisfies Record<string, Message>;
