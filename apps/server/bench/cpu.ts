/**
 * Where the CPU went during a benchmark phase (Linux /proc; elsewhere nothing is reported): this process, the
 * load generator's thread inside it, PostgreSQL's processes, and the whole machine including time stolen by the
 * hypervisor. On a 2-core machine the server, its database and the load generator share the same two cores.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { cpus } from "node:os";

const HZ = 100; // USER_HZ: 100 on every Linux this runs on

/** User + kernel ticks of a process (and the kernel part alone). */
function ticksSplit(statPath: string): { all: number; kernel: number } {
  try {
    const s = readFileSync(statPath, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return { all: Number(f[11]) + Number(f[12]), kernel: Number(f[12]) };
  } catch {
    return { all: 0, kernel: 0 };
  }
}

/** CPU ticks of every process whose command is `postgres` (the server and its backends), by pid. */
function postgresTicks(): Map<string, { all: number; kernel: number }> {
  const t = new Map<string, { all: number; kernel: number }>();
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    t.set(pid, ticksSplit(`/proc/${pid}/stat`));
  }
  return t;
}

/** Ticks used between two readings by the processes alive at the second (a backend started meanwhile counts whole). */
function postgresDelta(before: Map<string, { all: number; kernel: number }>, after: Map<string, { all: number; kernel: number }>): { all: number; kernel: number } {
  const d = { all: 0, kernel: 0 };
  for (const [pid, t] of after) {
    d.all += t.all - (before.get(pid)?.all ?? 0);
    d.kernel += t.kernel - (before.get(pid)?.kernel ?? 0);
  }
  return d;
}

function machine(): { busy: number; steal: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = cpu as [number, number, number, number, number, number, number, number];
  return { busy: user + nice + system + irq + softirq, steal, total: cpu.reduce((a, b) => a + b, 0) - (cpu[8] ?? 0) - (cpu[9] ?? 0) };
}

/** CPU seconds; `…Kernel`: the part spent in the kernel (system calls, waking the other side of a socket). */
export interface CpuSplit { server: number; serverKernel: number; load: number; postgres: number; postgresKernel: number; machineBusy: number; steal: number; cores: number }

/** Starts counting; `stop(loadTicks)` gives CPU seconds per part (the load thread reports its own ticks). */
export function cpuMeter() {
  if (!existsSync("/proc/self/stat")) return null;
  const p0 = ticksSplit("/proc/self/stat"), pg0 = postgresTicks(), m0 = machine();
  return {
    stop(loadThreadSeconds: number): CpuSplit {
      const p1 = ticksSplit("/proc/self/stat"), pg1 = postgresTicks(), m1 = machine();
      const pg = postgresDelta(pg0, pg1);
      return {
        server: (p1.all - p0.all) / HZ - loadThreadSeconds,
        // the load thread's kernel time is not known apart; it is small (its total is a tenth of the server's)
        serverKernel: (p1.kernel - p0.kernel) / HZ,
        load: loadThreadSeconds,
        postgres: pg.all / HZ,
        postgresKernel: pg.kernel / HZ,
        machineBusy: (m1.busy - m0.busy) / HZ,
        steal: (m1.steal - m0.steal) / HZ,
        cores: cpus().length,
      };
    },
  };
}
