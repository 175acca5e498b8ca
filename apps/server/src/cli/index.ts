/**
 * `sohoa` command line (run with `pnpm sohoa <command>` from the repository root).
 *   migrate                                     apply pending migrations
 *   units import <file> --effective <date>      import a unit registry as the tree from that date
 *   units successors import <file> --effective <date>   link old units to new ones and carry their figures
 *   user create --username U --password P --role R --unit CODE [--name "Full name"] [--date yyyy-mm-dd]
 *   demo [--registry full|province]             load the Quảng Nam demo into an empty database
 * The database is PGlite under ./data/pglite, or PostgreSQL when DATABASE_URL is set.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { openDatabase, migrate, seedReference, importRegistry, readRegistry, dateOnly, importReformLinks, carryReform, carryPlans, unitByCodeOnOrNull, createUserFromCli, type SuccessorLink } from "@sohoa/db";
import { readEnv } from "../env";
import { hashPassword } from "../lib/crypto";
import { isDatabaseEmpty, loadDemo } from "../demo/quang-nam";

const HELP = `Sohoa — dòng lệnh / command line

  sohoa migrate
  sohoa units import <file.json> --effective <yyyy-mm-dd>
  sohoa units successors import <file.json> --effective <yyyy-mm-dd>
  sohoa user create --username <u> --password <p> --role <ADMIN|PROVINCE|DISTRICT|COMMUNE|VIEWER> --unit <code> [--name "<tên>"] [--date <yyyy-mm-dd>]
  sohoa demo [--registry full|province]

Database: PGlite in ./data/pglite (SOHOA_DATA_DIR), or PostgreSQL with DATABASE_URL.`;

function flags(args: string[]) {
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=", 2) as [string, string | undefined];
      out[k] = v ?? args[++i] ?? "";
    } else rest.push(a);
  }
  return { flags: out, rest };
}

function fail(message: string): never {
  console.error(`Lỗi / Error: ${message}`);
  process.exit(2);
}

export async function main(argv: string[]): Promise<void> {
  const [cmd, ...args] = argv;
  if (!cmd || cmd === "help" || cmd === "--help") {
    console.log(HELP);
    return;
  }
  const env = readEnv();
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.SOHOA_DATA_DIR });
  try {
    await migrate(db);
    await seedReference(db);
    const { flags: f, rest } = flags(args);
    if (cmd === "migrate") {
      console.log(`${db.kind}: migrations up to date`);
    } else if (cmd === "units" && rest[0] === "successors" && rest[1] === "import") {
      const file = rest[2] ?? fail("units successors import <file> --effective <date>");
      const effective = f.effective ?? fail("--effective <yyyy-mm-dd> is required");
      dateOnly(effective);
      const links = JSON.parse(readFileSync(path.resolve(file), "utf8")) as SuccessorLink[];
      if (!Array.isArray(links)) fail("the successor file must be a JSON array of {old, new[], primary}");
      const report = await importReformLinks(db, links, effective);
      const carried = await carryReform(db, effective);
      const plans = await carryPlans(db, effective);
      console.log(`Liên kết đơn vị kế thừa / successor links, effective ${effective}:`);
      console.log(`  đơn vị cũ / old units:      ${report.predecessors}`);
      console.log(`  liên kết mới / linked:      ${report.linked}`);
      console.log(`  đã có / unchanged:          ${report.unchanged}`);
      console.log(`  không khớp / not linked:    ${report.notFound.length}`);
      for (const n of report.notFound.slice(0, 20)) console.log(`    ${n.old}${n.new ? ` → ${n.new}` : ""}: ${n.reason}`);
      console.log(`  số liệu chuyển sang / figures carried into ${carried.successors} new units from ${carried.predecessors} old units`);
      console.log(`  hạn/chỉ tiêu chờ xác nhận / deadlines and targets carried for review: ${plans.deadlines} / ${plans.targets}`);
    } else if (cmd === "units" && rest[0] === "import") {
      const file = rest[1] ?? fail("units import <file> --effective <date>");
      const effective = f.effective ?? fail("--effective <yyyy-mm-dd> is required");
      dateOnly(effective);
      const report = await importRegistry(db, readRegistry(path.resolve(file)), effective);
      console.log(`Nhập danh mục đơn vị / unit registry import, effective ${effective}:`);
      console.log(`  thêm mới / added:     ${report.added}`);
      console.log(`  thay đổi / changed:   ${report.changed}`);
      console.log(`  đóng / closed:        ${report.closed}`);
      console.log(`  giữ nguyên / unchanged: ${report.unchanged}`);
      for (const [level, t] of Object.entries(report.byLevel)) console.log(`  ${level}: +${t.added} ~${t.changed} -${t.closed} =${t.unchanged}`);
    } else if (cmd === "user" && rest[0] === "create") {
      const username = (f.username ?? fail("--username is required")).toLowerCase();
      const password = f.password ?? fail("--password is required");
      if (password.length < 8) fail("mật khẩu cần ít nhất 8 ký tự / the password needs at least 8 characters");
      const role = (f.role ?? "COMMUNE").toUpperCase();
      if (!["ADMIN", "PROVINCE", "DISTRICT", "COMMUNE", "VIEWER"].includes(role)) fail(`unknown role ${role}`);
      const code = f.unit ?? fail("--unit <code> is required (VN for the whole country)");
      const at = dateOnly(f.date ?? new Date().toISOString().slice(0, 10));
      const unit = await unitByCodeOnOrNull(db, code, at)
        ?? fail(`không có đơn vị mã ${code} vào ngày ${at.toISOString().slice(0, 10)} / no unit with code ${code} on that date`);
      await createUserFromCli(db, { username, displayName: f.name ?? username, passwordHash: await hashPassword(password), role: role as "ADMIN", unitId: unit.id }, { username, role, unit: code });
      console.log(`Đã tạo người dùng / created user ${username} (${role}) — ${unit.fullName}`);
    } else if (cmd === "demo") {
      if (!(await isDatabaseEmpty(db))) fail("cơ sở dữ liệu đã có dữ liệu / the database is not empty");
      const summary = await loadDemo(db, { registry: f.registry === "province" ? "province" : "full", log: (l) => console.log(`  ${l}`) });
      console.log(`Demo: ${summary.communes} xã, ${summary.submissions} lần gửi, ${summary.snapshots} dòng số liệu; ${summary.digitized}/${summary.total}`);
    } else {
      console.log(HELP);
      process.exitCode = 2;
    }
  } finally {
    await db.close();
  }
}

await main(process.argv.slice(2));
