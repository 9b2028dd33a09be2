import { spawn } from "node:child_process";
import { loadConfig } from "../src/config.ts";
import { startBot } from "../src/discord/bot.ts";
import { createEngine } from "../src/engine/index.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { createLogger } from "../src/logger.ts";
import { type EvalCase, loadCases } from "../tests/eval/evaluate.ts";
import {
  type CommandOptionInput,
  DEFAULT_IDS,
  type FakeDiscord,
  type FakeGuild,
  type FakeUser,
  type InteractionInit,
  type RecordedRequest,
  startFakeDiscord,
} from "../tests/fake-discord/index.ts";
import { buildBotOnce, ROOT, START_ARGS } from "./start-command.ts";
import { median, medianPercentiles, type Percentiles, percentiles } from "./stats.ts";

const TOKEN = "fake-token.for-story-desk.bench";

/** A callback later than this counts as lost, whatever arrives afterwards. */
const REPLY_TIMEOUT_MS = 10_000;
/** Discord's own acknowledgement deadline: a later callback gets 10062, as it would in production. */
const ACK_DEADLINE_MS = 3000;
const READY_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5000;
const STARTUP_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 7000;

/**
 * The bench measures answering, not the cooldowns: the user and channel limits are raised to
 * their ceiling (1000 per 1 s window) and traffic is spread over USERS users and CHANNELS
 * channels, so even a burst never gets near either limit (500 / 8 channels ≈ 63 per channel,
 * 500 / 64 users ≈ 8 per user). A rate-limit notice slipping through is counted as an error.
 */
const USERS = 64;
const CHANNELS = 8;
const RATE_LIMIT_NOTICES = ["You're asking faster than I answer", "This channel is busy"];
const BENCH_COOLDOWNS = {
  USER_COOLDOWN_MAX: "1000",
  USER_COOLDOWN_SECONDS: "1",
  CHANNEL_COOLDOWN_MAX: "1000",
  CHANNEL_COOLDOWN_SECONDS: "1",
} as const;

export interface BurstResult extends Percentiles {
  /** Over all runs: non-2xx callbacks, rate-limit notices and error lines the bot logged. */
  errors: number;
  /** Over all runs: interactions without a callback within REPLY_TIMEOUT_MS. */
  lost: number;
}

export interface EndToEndResult {
  sequential: Percentiles;
  burst: BurstResult;
}

function benchUsers(): FakeUser[] {
  return Array.from({ length: USERS }, (_, i) => ({
    id: `1300000000000${String(500_000 + i)}`,
    username: `reader-${i}`,
    globalName: `Reader ${i}`,
  }));
}

function benchGuild(users: readonly FakeUser[]): FakeGuild {
  return {
    id: DEFAULT_IDS.guild,
    name: "Newsroom",
    channels: Array.from({ length: CHANNELS }, (_, i) => ({
      id: `1300000000000000${String(300 + i)}`,
      name: `desk-${i}`,
      topic: null,
    })),
    members: [...users],
    ownerId: users[0]?.id ?? DEFAULT_IDS.humanUser,
  };
}

const OPTION_OF_COMMAND: Record<EvalCase["cmd"], string> = {
  ask: "question",
  who: "name",
  quote: "speaker",
};

/** The eval set, cycled: /ask with the eval questions, /who and /quote in their real proportions. */
function interactionAt(
  index: number,
  cases: readonly EvalCase[],
  users: readonly FakeUser[],
  channels: readonly string[],
): InteractionInit {
  const c = cases[index % cases.length];
  if (!c) throw new Error("the eval set is empty; nothing to ask the bot");
  const options: CommandOptionInput[] = [
    { name: OPTION_OF_COMMAND[c.cmd], value: c.q },
    { name: "language", value: c.lang },
  ];
  const init: InteractionInit = { kind: "command", commandName: c.cmd, options };
  const user = users[index % users.length];
  const channelId = channels[index % channels.length];
  if (user) init.user = user;
  if (channelId) init.channelId = channelId;
  return init;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function isRateLimitNotice(request: RecordedRequest): boolean {
  const content = (request.body as { data?: { content?: unknown } } | undefined)?.data?.content;
  return (
    typeof content === "string" && RATE_LIMIT_NOTICES.some((notice) => content.includes(notice))
  );
}

interface Timed {
  request: RecordedRequest;
  ms: number;
}

/**
 * Latency runs from just before the INTERACTION_CREATE dispatch is written to the gateway socket
 * to the moment the fake records the callback. It is taken with hrtime on the recording itself
 * (the wait resolves in the microtask right after the fake pushes the request), not from the
 * recorded `at`, which is whole milliseconds from Date.now() and too coarse for sub-ms replies.
 * The fake builds the payload in the same call as the dispatch, so a few µs of building count.
 */
function sendTimed(fake: FakeDiscord, init: InteractionInit): Promise<Timed> {
  const since = fake.requests.length;
  const start = process.hrtime.bigint();
  const sent = fake.sendInteraction(init);
  const route = `/interactions/${sent.id}/${sent.token}/callback`;
  return fake
    .waitForRequest((request) => request.route === route, {
      since,
      timeoutMs: REPLY_TIMEOUT_MS,
    })
    .then((request) => ({ request, ms: elapsedMs(start) }));
}

/** The fake Discord as the bench sets it up: its guild and readers, a checked token, Discord's ack deadline. */
export interface BenchDiscord {
  fake: FakeDiscord;
  users: FakeUser[];
  channels: string[];
}

export async function startBenchDiscord(): Promise<BenchDiscord> {
  const users = benchUsers();
  const guild = benchGuild(users);
  const fake = await startFakeDiscord({
    token: TOKEN,
    guilds: [guild],
    ackDeadlineMs: ACK_DEADLINE_MS,
  });
  return { fake, users, channels: guild.channels.map((channel) => channel.id) };
}

/** Never throws: a fake that will not close must not hide the result it served. */
export async function closeFake(fake: FakeDiscord): Promise<void> {
  await withTimeout(fake.close(), STOP_TIMEOUT_MS, "fake Discord close").catch(() => undefined);
}

export interface BurstOutcome {
  /** Dispatch-to-callback latency of every interaction that got its callback, in ms. */
  samplesMs: number[];
  /** Non-2xx callbacks and rate-limit notices; the bot's own error lines are the caller's to add. */
  errors: number;
  /** Interactions without a callback within REPLY_TIMEOUT_MS. */
  lost: number;
}

/**
 * Dispatches `count` interactions back to back, without waiting between them, starting at
 * `first` in the cycled eval set, and resolves once every one has its callback or has timed out.
 */
export async function sendBurst(
  bench: BenchDiscord,
  cases: readonly EvalCase[],
  first: number,
  count: number,
): Promise<BurstOutcome> {
  const pending: Promise<Timed>[] = [];
  for (let i = first; i < first + count; i++) {
    pending.push(sendTimed(bench.fake, interactionAt(i, cases, bench.users, bench.channels)));
  }
  const outcome: BurstOutcome = { samplesMs: [], errors: 0, lost: 0 };
  for (const settled of await Promise.allSettled(pending)) {
    if (settled.status === "rejected") {
      outcome.lost += 1;
      continue;
    }
    const { request, ms } = settled.value;
    if (request.status < 200 || request.status >= 300 || isRateLimitNotice(request)) {
      outcome.errors += 1;
    }
    outcome.samplesMs.push(ms);
  }
  return outcome;
}

interface RunResult {
  sequential: Percentiles;
  burst: Percentiles;
  errors: number;
  lost: number;
}

async function runOnce(
  options: { interactions: number; burst: number },
  engine: ReturnType<typeof createEngine>,
  cases: readonly EvalCase[],
): Promise<RunResult> {
  const errorLines: string[] = [];
  const logger = createLogger({ level: "error", write: (line) => errorLines.push(line) });

  const bench = await startBenchDiscord();
  const { fake, users, channels } = bench;
  let bot: ReturnType<typeof startBot> | undefined;
  try {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.guildId,
      LOG_LEVEL: "error",
      ...BENCH_COOLDOWNS,
    });
    bot = startBot({ config, engine, logger });
    await withTimeout(
      bot.ready.catch((end: unknown) => {
        throw new Error(`the bot never became ready: ${JSON.stringify(end)}`);
      }),
      READY_TIMEOUT_MS,
      "bot ready",
    );

    // One at a time: each sample is the bot's own answering time, with nothing queued ahead.
    const sequentialMs: number[] = [];
    for (let i = 0; i < options.interactions; i++) {
      const { request, ms } = await sendTimed(fake, interactionAt(i, cases, users, channels));
      if (request.status < 200 || request.status >= 300 || isRateLimitNotice(request)) {
        throw new Error(
          `sequential interaction ${i} was not answered normally: ${request.status} ${JSON.stringify(request.body).slice(0, 300)}`,
        );
      }
      sequentialMs.push(ms);
    }
    if (errorLines.length > 0) {
      throw new Error(`the bot logged errors while answering one at a time:\n${errorLines[0]}`);
    }

    const burst = await sendBurst(bench, cases, options.interactions, options.burst);
    return {
      sequential: percentiles(sequentialMs),
      burst: percentiles(burst.samplesMs),
      errors: burst.errors + errorLines.length,
      lost: burst.lost,
    };
  } finally {
    // The client goes first: closing the fake under a live client would look like an outage to it.
    if (bot) await withTimeout(bot.stop(), STOP_TIMEOUT_MS, "bot stop").catch(() => undefined);
    await closeFake(fake);
  }
}

/**
 * The real bot (`startBot`, real discord.js) against the fake Discord on loopback: first
 * `interactions` slash commands one after another, then `burst` at once. Percentiles are the
 * median over runs of each run's percentile, in ms; errors and lost replies are totals.
 */
export async function measureEndToEnd(options: {
  interactions: number;
  burst: number;
  runs: number;
}): Promise<EndToEndResult> {
  const engine = createEngine(loadKnowledge());
  const cases = loadCases();
  const results: RunResult[] = [];
  for (let run = 0; run < options.runs; run++) results.push(await runOnce(options, engine, cases));
  const burst = medianPercentiles(results.map((r) => r.burst));
  return {
    sequential: medianPercentiles(results.map((r) => r.sequential)),
    burst: {
      ...burst,
      errors: results.reduce((sum, r) => sum + r.errors, 0),
      lost: results.reduce((sum, r) => sum + r.lost, 0),
    },
  };
}

/** `"msg":"ready"` is what `startBot` logs once connected and its commands are synced. */
const READY_LINE = '"msg":"ready"';
const ERROR_LINE = '"level":"error"';

/** The bot in a node process of its own, started with `npm start`'s node command. */
export interface BotProcess {
  /** The node process that runs the bot itself: no wrapper sits in between. */
  pid: number;
  /** Milliseconds from spawn to the ready line; rejects if the bot exits or stays silent first. */
  ready: Promise<number>;
  /** Error lines the bot has logged so far. */
  errorCount(): number;
  /** SIGTERM, then SIGKILL if the bot does not exit in time; resolves once it has exited. */
  stop(): Promise<void>;
}

function spawnBot(fake: FakeDiscord, env: Record<string, string>): BotProcess {
  buildBotOnce();
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, START_ARGS, {
    cwd: ROOT,
    // Set, even empty, so that a developer's .env cannot change what is measured.
    env: {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: "any",
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.guildId,
      ANSWER_CHANNEL_IDS: "",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  let stderr = "";
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`no ready line within ${STARTUP_TIMEOUT_MS} ms: ${stderr.slice(-500)}`)),
      STARTUP_TIMEOUT_MS,
    );
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve(elapsedMs(start));
      }
    });
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the bot exited before it was ready: ${stderr.slice(-500)}`));
    });
  });
  // A caller that stops the bot without waiting for ready must not see an unhandled rejection.
  ready.catch(() => undefined);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      child.kill("SIGTERM");
      await withTimeout(exited, EXIT_TIMEOUT_MS, "bot exit after SIGTERM").catch(async () => {
        child.kill("SIGKILL");
        await withTimeout(exited, EXIT_TIMEOUT_MS, "bot exit after SIGKILL").catch(() => undefined);
      });
    })();
    return stopping;
  };
  if (child.pid === undefined) throw new Error("could not spawn the bot");
  return {
    pid: child.pid,
    ready,
    errorCount: () => stderr.split(ERROR_LINE).length - 1,
    stop,
  };
}

/** The bot process, logged in to the bench's fake Discord with the bench's cooldowns. */
export function spawnBenchBot(bench: BenchDiscord): BotProcess {
  return spawnBot(bench.fake, { DISCORD_TOKEN: TOKEN, ...BENCH_COOLDOWNS });
}

async function timeOneStartup(): Promise<number> {
  const fake = await startFakeDiscord();
  try {
    const bot = spawnBot(fake, {});
    try {
      return await bot.ready;
    } finally {
      await bot.stop();
    }
  } finally {
    await closeFake(fake);
  }
}

/**
 * Cold start of the bot as `npm start` runs it, from spawn to the ready log line, in ms: median
 * of fresh processes. The compile before it (`prestart`) is done once beforehand and not counted.
 */
export async function measureBotStartup(runs: number): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let run = 0; run < runs; run++) all.push(await timeOneStartup());
  return { median: median(all), all };
}
