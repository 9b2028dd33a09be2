import { readFileSync, readlinkSync, realpathSync } from "node:fs";
import { type EvalCase, loadCases } from "../tests/eval/evaluate.ts";
import { closeFake, sendBurst, spawnBenchBot, startBenchDiscord } from "./e2e.ts";
import { START_ARGS } from "./start-command.ts";
import { median, medianPercentiles, type Percentiles, percentiles } from "./stats.ts";

/** One fresh bot process: its memory after ready, then after the burst; sizes in MB (2^20 bytes). */
export interface BotMemoryRun {
  /** VmRSS once the ready line is out, before any interaction. */
  readyRssMb: number;
  /** VmHWM once every callback of the burst arrived: the peak over the process's whole life. */
  peakMb: number;
  /** VmRSS at that moment. */
  afterBurstRssMb: number;
  /** Non-2xx callbacks, rate-limit notices and error lines the bot logged. */
  errors: number;
  /** Interactions that never got a callback. */
  lost: number;
  /** Dispatch-to-callback latency over the burst, in ms: what the memory settings cost in speed. */
  burst: Percentiles;
}

export interface BotMemoryResult {
  runs: BotMemoryRun[];
  medianPeakMb: number;
  medianReadyRssMb: number;
  medianAfterBurstRssMb: number;
  /** The median over runs of each run's burst percentile. */
  burst: Percentiles;
  errors: number;
  lost: number;
}

interface ProcessMemory {
  rssMb: number;
  peakMb: number;
}

const KIB_PER_MB = 1024;

function statusField(status: string, field: string, pid: number): number {
  const match = new RegExp(`^${field}:\\s*(\\d+) kB$`, "m").exec(status);
  if (!match?.[1]) throw new Error(`/proc/${pid}/status has no ${field} line`);
  return Number(match[1]) / KIB_PER_MB;
}

/** Linux only. VmHWM is the kernel's own high-water mark, so a peak between two reads still counts. */
function readProcessMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return { rssMb: statusField(status, "VmRSS", pid), peakMb: statusField(status, "VmHWM", pid) };
}

/**
 * A wrapper (npm, a shell) would report its own memory, not the bot's, so the pid must be node
 * itself with exactly `npm start`'s arguments.
 */
function assertRunsTheBot(pid: number): void {
  const exe = readlinkSync(`/proc/${pid}/exe`);
  const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").slice(1, -1);
  if (exe !== realpathSync(process.execPath) || args.join(" ") !== START_ARGS.join(" ")) {
    throw new Error(`pid ${pid} is not the bot: ${exe} ${args.join(" ")}`);
  }
}

async function measureOnce(burst: number, cases: readonly EvalCase[]): Promise<BotMemoryRun> {
  const bench = await startBenchDiscord();
  try {
    const bot = spawnBenchBot(bench);
    try {
      await bot.ready;
      assertRunsTheBot(bot.pid);
      const atReady = readProcessMemory(bot.pid);
      const outcome = await sendBurst(bench, cases, 0, burst);
      const afterBurst = readProcessMemory(bot.pid);
      return {
        readyRssMb: atReady.rssMb,
        peakMb: afterBurst.peakMb,
        afterBurstRssMb: afterBurst.rssMb,
        errors: outcome.errors + bot.errorCount(),
        lost: outcome.lost,
        burst: percentiles(outcome.samplesMs),
      };
    } finally {
      await bot.stop();
    }
  } finally {
    await closeFake(bench.fake);
  }
}

/**
 * The bot's own memory: the bot in its own process, started with `npm start`'s node command,
 * against the fake Discord, which stays in this process. Each run is a fresh process that gets
 * `burst` interactions at once right after ready.
 */
export async function measureBotMemory(options: {
  burst: number;
  runs: number;
}): Promise<BotMemoryResult> {
  const cases = loadCases();
  const runs: BotMemoryRun[] = [];
  for (let run = 0; run < options.runs; run++) runs.push(await measureOnce(options.burst, cases));
  return {
    runs,
    medianPeakMb: median(runs.map((r) => r.peakMb)),
    medianReadyRssMb: median(runs.map((r) => r.readyRssMb)),
    medianAfterBurstRssMb: median(runs.map((r) => r.afterBurstRssMb)),
    burst: medianPercentiles(runs.map((r) => r.burst)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    lost: runs.reduce((sum, r) => sum + r.lost, 0),
  };
}
