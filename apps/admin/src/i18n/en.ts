import type { vi } from "./vi";
import { en as reportsEn } from "./sections/reports";
import { en as unitsReorgEn } from "./sections/units-reorg";
import { en as readingEn } from "./sections/reading";
import { en as unitSearchEn } from "./sections/unit-search";
import { en as uploadHelpEn } from "./sections/upload-help";
import { en as listsEn } from "./sections/lists";
import { TERMS, countLabels } from "@sohoa/core";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English. Typed against vi so a missing key does not compile. */
export const en: Shape<typeof vi> = {
  ...reportsEn,
  ...unitsReorgEn,
  ...readingEn,
  ...unitSearchEn,
  ...uploadHelpEn,
  ...listsEn,
  app: { title: "Sohoa", subtitle: "Civil-status register digitization", language: "Language", retry: "Retry", loading: "Loading…", empty: "No data", error: "Something went wrong", signedInAs: "Signed in as", logout: "Sign out", sessionExpired: "Your session has expired. Please sign in again; what you were typing has been kept.", draftRestored: "Your unsaved input was restored.", yes: "Yes", no: "No", all: "All", search: "Search", notFound: "This page does not exist.", backHome: "Back home", forbidden: "You are not allowed to see this page.", unitNotFound: "Code {{code}}: no such unit in your scope on the chosen date" },
  roles: { ADMIN: "Administrator", PROVINCE: "Province", DISTRICT: "District", COMMUNE: "Commune", VIEWER: "Viewer" },
  levels: { NATION: "Nation", PROVINCE: "Province", DISTRICT: "District", COMMUNE: "Commune", AGENCY: "Agency" },
  pages: {
    login: {
      title: "Sign in", signin: "Sign in", subtitle: "Tracking the digitization of civil-status registers",
      fields: { username: "Username", password: "Password", email: "Username" },
      errors: { requiredUsername: "Enter your username", requiredPassword: "Enter your password", requiredEmail: "Enter your username", validEmail: "Invalid username" },
      buttons: { rememberMe: "Remember me", forgotPassword: "Forgot password?", noAccount: "No account?", haveAccount: "Have an account?" },
      divider: "or", signup: "Sign up", register: "Sign up",
    },
    error: { "404": "This page does not exist.", backHome: "Back home", info: "" },
  },
  buttons: { create: "Create", save: "Save", logout: "Sign out", delete: "Delete", edit: "Edit", cancel: "Cancel", confirm: "Are you sure?", filter: "Filter", clear: "Clear", refresh: "Refresh", show: "Show", undo: "Undo", import: "Import", clone: "Clone", notAccessTitle: "You are not allowed", list: "List", export: "Export" },
  actions: { list: "List", create: "Create", edit: "Edit", show: "Show", clone: "Clone" },
  notifications: {
    success: "Success", error: "Error (status code: {{statusCode}})", undoable: "You have {{seconds}} seconds to undo",
    createSuccess: "Created {{resource}}", createError: "Could not create {{resource}} (status code: {{statusCode}})",
    deleteSuccess: "Deleted {{resource}}", deleteError: "Could not delete {{resource}} (status code: {{statusCode}})",
    editSuccess: "Saved {{resource}}", editError: "Could not save {{resource}} (status code: {{statusCode}})",
    importProgress: "Importing: {{processed}}/{{total}}",
  },
  loading: "Loading",
  autoSave: { success: "saved", error: "auto-save failed", loading: "saving…", idle: "waiting for changes" },
  warnWhenUnsavedChanges: "Leave this page? Unsaved changes will be lost.",
  documentTitle: { default: "Sohoa", suffix: " | Sohoa" },
  table: { actions: "Actions" },
  menu: { dashboard: "Dashboard", units: "Units", campaigns: "Campaigns", deadlines: "Deadlines", targets: "Targets", users: "Users", tokens: "Access tokens", submissions: "Submissions", upload: "Submit a report", management: "Management" },
  dashboard: {
    title: "Progress overview", date: "As of", latest: "Latest report date", entries: "Entries", books: "Books", checked: "Checked", loaded: "Loaded into the database",
    distribution: "Units by completion", trend: "Cumulative progress", cumulative: "Digitized (cumulative)", targetLine: "Target", deadline: "Deadline", projected: "Projected finish", outsideScope: "Unit {{code}} cannot be shown: it is outside your unit ({{unit}}) or did not exist on the chosen date.", goOwnUnit: "Go to my unit", projectedNone: "not yet estimated (no pace yet)", total: "Total to digitize",
    children: "Child units", laggards: "Lagging units", atRisk: "At risk of missing the deadline", compliance: "Reporting compliance", breakdown: "By register kind and phase",
    noChildren: "This unit has no child units.", noTrend: "No trend data yet.", noLaggards: "No lagging units.", noAtRisk: "No units at risk.", drill: "Click a unit to drill down",
    levelSwitch: { bottom: "Communes and wards", children: "Child units" },
    bottomNote: "{{total}} communes and wards (bottom level) · click a bar for the list",
    agenciesApart: "Agencies not counted: {{names}}",
    bandList: "{{band}} — {{count}} communes and wards",
    parent: "Belongs to",
    agencies: "Agencies", agenciesNote: "Agencies digitize their own books; not ranked with the territorial units",
    buckets: { zero: "0%", under10: "Under 10%", under50: "Under 50%", under100: "50–99%", done: "Done" },
    columns: { name: "Unit", completion: "Completion", entries: "Entries", books: "Books", rank: "Rank", targetPercent: "% of target", growth: "Pace vs last week", growthHelp: "Entries digitized in the last 7 days against the 7 days before: −7% means slower than last week, not fewer entries.", forecast: "Forecast", deadline: "Deadline", lastReport: "Last report", kind: "Register kind", phase: "Phase", reason: "Reason", reportDate: "Report date", version: "Version" },
    forecast: { on_track: "On track", at_risk: "At risk", will_miss: TERMS.willMiss.en, done: "Done", no_data: "Not enough data", unknown: "Unknown" },
    reason: "needs {{required}} entries/day, does {{rate}}",
    finishBy: "expected to finish {{date}}",
    periods: { day: "Today", week: "This week", month: "This month" },
    onTime: TERMS.onTime.en, late: TERMS.late.en, missing: TERMS.missing.en, cutoff: "Cut-off", submittedAt: "Submitted at",
    notReported: "not reported", of: "of",
  },
  units: {
    units: "Units", titles: { list: "Administrative units", create: "Add unit", edit: "Edit unit", show: "Unit" },
    fields: { code: "Code", name: "Name", fullName: "Full name", level: "Level", parentId: "Parent unit", validFrom: "Valid from", validTo: "Valid to", active: "Active" },
    searchPlaceholder: "Search by name or code (accents optional)", deactivate: "Deactivate", deactivateConfirm: "Deactivate this unit? Its history is kept.", inactive: "Inactive", matches: "{{count}} matches",
  },
  campaigns: {
    campaigns: "Campaigns", titles: { list: "Campaigns", create: "New campaign", edit: "Edit campaign", show: "Campaign" },
    fields: { name: "Name", legalRef: "Legal reference", startDate: "Start", endDate: "End", unitId: "Lead unit", phases: "Phases", description: "Notes" },
  },
  deadlines: {
    deadlines: "Deadlines", titles: { list: "Deadlines", create: "Add deadline", edit: "Edit deadline" },
    fields: { campaignId: "Campaign", unitId: "Unit", dueDate: "Due date", note: "Note" },
    bulk: "Set a deadline for a whole unit", bulkHelp: "Set the same deadline for every child unit (e.g. all communes of a district).", parentUnit: "Parent unit", bulkDone: "Deadline set for {{count}} units",
  },
  targets: {
    targets: "Targets", titles: { list: "Monthly targets", create: "Add target", edit: "Edit target" },
    fields: { unitId: "Unit", campaignId: "Campaign", periodStart: "From", periodEnd: "To", entriesTarget: "Target (entries)", month: "Month" },
  },
  users: {
    users: "Users", titles: { list: "Users", create: "Add user", edit: "Edit user" },
    fields: { username: "Username", displayName: "Full name", role: "Role", unitId: "Unit", locale: "Language", password: "Password", active: "Active", lastLoginAt: "Last sign-in" },
    resetPassword: "Reset password", resetConfirm: "Reset the password of {{name}}?", newPassword: "New password (shown once)", copy: "Copy",
  },
  tokens: {
    tokens: "Access tokens", titles: { list: "Access tokens for the Excel add-in", create: "Issue a token" },
    fields: { name: "Label", userId: "User", createdAt: "Issued", lastUsedAt: "Last used", expiresAt: "Expires", revokedAt: "Revoked", prefix: "Token" },
    issue: "Issue", revoke: "Revoke", revokeConfirm: "Revoke this token? The add-in using it will stop submitting.", shownOnce: "The token is shown only once. Copy it now.", active: "Active", revoked: "Revoked",
    scope: "Scope", scopes: { SUBMIT: "Submit only (Excel add-in)", READ: "Read only", ADMIN: "Every right of the account" },
    scopeHelp: "The token can do only what its scope covers. Choose \"Every right\" only when needed: whoever holds it can do all you can.",
    expiresHelp: "Left empty: expires after 90 days. At most one year.", expiresOn: "The token expires at {{at}}.", expired: "Expired",
  },
  submissions: {
    submissions: "Submissions", titles: { list: "Submissions inbox", show: "Submission" },
    fields: { unitId: "Unit", reportDate: "Report date", status: "Status", source: "Source", submittedAt: "Submitted at", submittedBy: "Submitted by", checksum: "Checksum", version: "Version", issues: "Issues", rows: "Rows", correctionReason: "Correction reason" },
    status: { ACCEPTED: "Accepted", REJECTED: "Rejected", PENDING: "Pending", SUPERSEDED: "Superseded" },
    source: { ADDIN: "Excel add-in", UPLOAD: "File upload", CONSOLE: "Web console", API: "API", DEMO: "Demo data", CARRIED: "Carried over" },
    download: "Download original file", preview: "Grid preview", versions: "Version history", changes: "Changes from the previous version", noIssues: "No issues.", noFile: "No original file (submitted directly).", noVersions: "No other versions.",
    before: "Before", after: "After", figureFields: countLabels("en", "short"),
  },
  upload: {
    title: "Submit a report from an Excel file", drop: "Drop an .xlsx file here or click to choose", hint: "The file is checked on your computer before it is sent.", parsing: "Reading the file…",
    unit: "Reporting unit", reportDate: "Report date", errors: "{{count}} errors", warnings: "{{count}} warnings", ok: "The sheet is valid and can be sent.", submit: "Send report",
    acceptWarnings: "I checked the warnings; send anyway", correctionReason: "Correction reason (if figures decrease)", submitted: "Sent: {{rows}} rows, {{units}} units.",
    fixHint: "Fix values directly in the grid (click a cell); it is checked again.", sheet: "Sheet", badFile: "Cannot read the file: {{message}}", cell: "Cell", message: "Message", severity: "Severity", error: "Error", warning: "Warning", another: "Choose another file", template: "Download the report template",
  },
};
