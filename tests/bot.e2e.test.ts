import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildBotOnce, START_ARGS } from "../bench/start-command.ts";
import { type Config, loadConfig } from "../src/config.ts";
import { type RunningBot, startBot } from "../src/discord/bot.ts";
import { PEOPLE_CACHE_SIZE } from "../src/discord/client.ts";
import { createEngine } from "../src/engine/index.ts";
import type { Engine } from "../src/engine/types.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { createLogger } from "../src/logger.ts";
import {
  DEFAULT_IDS,
  type FakeDiscord,
  Intents,
  type RecordedRequest,
  requestTo,
  startFakeDiscord,
} from "./fake-discord/index.ts";

/**
 * The real discord.js client, started through `startBot` (or `src/main.ts` in a child process),
 * against the fake Discord in tests/fake-discord: no network, no real token.
 */

const TOKEN = "fake-token.for-story-desk.tests";
const BOT = DEFAULT_IDS.botUser;
const GENERAL = DEFAULT_IDS.generalChannel;
const ANSWER_CHANNEL = DEFAULT_IDS.newsChannel;
const NO_MENTIONS = { parse: [] };
const EPHEMERAL = 64;
/** How long a message that must get no reply is watched. */
const SILENCE_MS = 800;

const knowledge = loadKnowledge();
const engine: Engine = createEngine(knowledge);

interface CallbackBody {
  type: number;
  data: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
    components?: {
      components: { custom_id?: string; label?: string; options?: { value: string }[] }[];
    }[];
    allowed_mentions?: unknown;
    choices?: { name: string; value: string }[];
  };
}

interface MessageBody {
  content?: string;
  embeds?: CallbackBody["data"]["embeds"];
  allowed_mentions?: unknown;
  message_reference?: { message_id: string };
}

function botConfig(fake: FakeDiscord, extra: Record<string, string> = {}): Config {
  return loadConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: fake.guildId,
    ANSWER_CHANNEL_IDS: ANSWER_CHANNEL,
    USER_COOLDOWN_MAX: "1000",
    CHANNEL_COOLDOWN_MAX: "1000",
    ...extra,
  });
}

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "info", write: (line) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

async function callbackOf(fake: FakeDiscord, init: Parameters<FakeDiscord["sendInteraction"]>[0]) {
  const request = await fake.sendInteraction(init).callback;
  expect(request.status).toBe(204);
  return request.body as CallbackBody;
}

/** Every citation must be verbatim in the paragraph it names. */
function expectVerbatimCitations(fields: { name: string; value: string }[]): void {
  for (const field of fields) {
    const paragraph = Number(field.name.replace("¶", ""));
    const arabic = field.value.split("\n")[0]?.replace(/^> /, "").replace(/…$/, "") ?? "";
    expect(knowledge.article[paragraph - 1]).toContain(arabic);
  }
}

const repliesIn = (channelId: string) => (request: RecordedRequest) =>
  requestTo("POST", "/channels/:channel/messages")(request) &&
  request.route === `/channels/${channelId}/messages`;

describe("the bot, connected to a fake Discord", () => {
  let fake: FakeDiscord;
  let bot: RunningBot;
  const logs = captureLogs();

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: TOKEN });
    bot = startBot({ config: botConfig(fake), engine, logger: logs.logger });
    await bot.ready;
  });

  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
  });

  it("logs in, syncs its commands to the guild and logs one ready line", async () => {
    const summary = await bot.ready;
    expect(summary).toMatchObject({
      userTag: expect.stringContaining("story-desk"),
      guildCount: 1,
      commandCount: 6,
      sync: { action: "updated", scope: "guild", count: 6 },
    });
    expect(fake.commands(fake.guildId).map((command) => command.name)).toEqual([
      "who",
      "quote",
      "ask",
      "source",
      "timeline",
      "help",
    ]);
    expect(logs.lines.filter((line) => line.msg === "ready")).toEqual([
      expect.objectContaining({ guilds: 1, commands: 6, sync: "guild updated" }),
    ]);
    expect(fake.intents).toBe(Intents.Guilds | Intents.GuildMessages | Intents.MessageContent);
  });

  it("answers /who with a public cited embed, source buttons and no pings", async () => {
    const body = await callbackOf(fake, {
      kind: "command",
      commandName: "who",
      options: [{ name: "name", value: "musk" }],
    });
    expect(body.type).toBe(4);
    expect(body.data.allowed_mentions).toEqual(NO_MENTIONS);
    expect(body.data.flags ?? 0).toBe(0);
    const embed = body.data.embeds?.[0];
    expect(embed?.title).toContain("Elon Musk");
    expect(embed?.fields?.length).toBeGreaterThan(0);
    expectVerbatimCitations(embed?.fields ?? []);
    const buttons = body.data.components?.flatMap((row) => row.components) ?? [];
    expect(buttons.map((button) => button.custom_id)).toEqual([
      ...new Set(embed?.fields?.map((field) => `source:${field.name.slice(1)}:en`)),
    ]);
  });

  it("answers /quote with the Arabic original and its English rendering", async () => {
    const body = await callbackOf(fake, {
      kind: "command",
      commandName: "quote",
      options: [{ name: "speaker", value: "altman" }],
    });
    const embed = body.data.embeds?.[0];
    expect(body.data.allowed_mentions).toEqual(NO_MENTIONS);
    expect(embed?.title).toMatch(/Altman/);
    expect(embed?.fields?.length).toBeGreaterThan(0);
    expect(embed?.fields?.[0]?.value).toMatch(/^> [\u0600-\u06ff“(]/);
    expect(embed?.fields?.[0]?.value).toMatch(/\n\*.+\*$/s);
    expectVerbatimCitations(embed?.fields ?? []);
  });

  it("answers /ask free text with the cited answer", async () => {
    const body = await callbackOf(fake, {
      kind: "command",
      commandName: "ask",
      options: [{ name: "question", value: "how much money will stargate invest?" }],
    });
    const embed = body.data.embeds?.[0];
    expect(embed?.description).toContain("500 billion");
    expect(embed?.fields?.map((field) => field.name)).toContain("¶2");
    expect(body.data.allowed_mentions).toEqual(NO_MENTIONS);
  });

  it("offers autocomplete choices: matches for typed text and featured entries for an empty box", async () => {
    const typed = await callbackOf(fake, {
      kind: "autocomplete",
      commandName: "who",
      options: [{ name: "name", value: "alt", focused: true }],
    });
    expect(typed.type).toBe(8);
    expect(typed.data.choices?.[0]?.name).toContain("Altman");
    const empty = await callbackOf(fake, {
      kind: "autocomplete",
      commandName: "quote",
      options: [{ name: "speaker", value: "", focused: true }],
    });
    expect(empty.data.choices?.length).toBeGreaterThan(0);
    for (const body of [typed, empty]) {
      expect(body.data.choices?.length).toBeLessThanOrEqual(25);
      for (const choice of body.data.choices ?? []) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(choice.value.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("offers a private did-you-mean menu on a miss, and posts the answer chosen from it", async () => {
    const miss = await callbackOf(fake, {
      kind: "command",
      commandName: "who",
      options: [{ name: "name", value: "zorblax" }],
    });
    expect(miss.data.flags).toBe(EPHEMERAL);
    const menu = miss.data.components?.[0]?.components[0];
    expect(menu?.custom_id).toBe("suggest:en");
    const choice = menu?.options?.[0]?.value;
    expect(choice).toBeDefined();

    const chosen = await callbackOf(fake, {
      kind: "select",
      customId: "suggest:en",
      values: [choice ?? ""],
    });
    expect(chosen.type).toBe(4);
    expect(chosen.data.flags ?? 0).toBe(0);
    expect(chosen.data.allowed_mentions).toEqual(NO_MENTIONS);
    expect(chosen.data.embeds?.[0]?.title).toBe(engine.resolve(choice ?? "").title);
  });

  it("opens the cited paragraph privately from its button", async () => {
    const body = await callbackOf(fake, { kind: "button", customId: "source:6:en" });
    expect(body.data.flags).toBe(EPHEMERAL);
    const field = body.data.embeds?.[0]?.fields?.[0];
    expect(field?.name).toBe("¶6");
    expect(field?.value).toContain(knowledge.article[5]?.slice(0, 40));
    expect(body.data.components ?? []).toEqual([]);
  });

  it("answers an @mention as a reply, without pinging the asker", async () => {
    const since = fake.requests.length;
    const sent = fake.sendMessage({
      channelId: GENERAL,
      content: `<@${BOT}> who is sam altman?`,
      mentionBot: true,
    });
    const reply = await fake.waitForRequest(repliesIn(GENERAL), { since });
    const body = reply.body as MessageBody;
    expect(body.message_reference?.message_id).toBe(sent.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds?.[0]?.description).toContain("CEO of OpenAI");
  });

  it("answers a confident question in an answer channel as a reply", async () => {
    const since = fake.requests.length;
    const sent = fake.sendMessage({ channelId: ANSWER_CHANNEL, content: "What is Stargate?" });
    const reply = await fake.waitForRequest(repliesIn(ANSWER_CHANNEL), { since });
    const body = reply.body as MessageBody;
    expect(body.message_reference?.message_id).toBe(sent.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });

  it("keeps no messages and at most PEOPLE_CACHE_SIZE authors however busy the server", async () => {
    const authors = PEOPLE_CACHE_SIZE * 3;
    for (let n = 0; n < authors; n++) {
      const id = String(1_400_000_000_000_000_000n + BigInt(n));
      fake.sendMessage({
        channelId: GENERAL,
        content: `chatter ${n}`,
        author: { id, username: `member${n}` },
      });
    }
    // The gateway delivers in order: once the mention is answered, every chatter line was handled.
    const since = fake.requests.length;
    fake.sendMessage({
      channelId: GENERAL,
      content: `<@${BOT}> who is sam altman?`,
      mentionBot: true,
    });
    await fake.waitForRequest(repliesIn(GENERAL), { since });

    const channel = bot.client.channels.cache.get(GENERAL);
    expect(channel && "messages" in channel ? channel.messages.cache.size : -1).toBe(0);
    const guild = bot.client.guilds.cache.get(DEFAULT_IDS.guild);
    // The bot's own user and member are kept over the limit.
    expect(bot.client.users.cache.size).toBeLessThanOrEqual(PEOPLE_CACHE_SIZE + 1);
    expect(guild?.members.cache.size).toBeLessThanOrEqual(PEOPLE_CACHE_SIZE + 1);
    expect(bot.client.users.cache.has(BOT)).toBe(true);
    expect(guild?.members.me?.id).toBe(BOT);
  });

  it("pings nobody when a question contains @everyone, @here or a role", async () => {
    const since = fake.requests.length;
    fake.sendMessage({
      channelId: GENERAL,
      content: `<@${BOT}> @everyone @here <@&${DEFAULT_IDS.guild}> what did musk say about softbank?`,
      mentionBot: true,
      raw: { mention_everyone: true },
    });
    const reply = await fake.waitForRequest(repliesIn(GENERAL), { since });
    const body = reply.body as MessageBody;
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(body.embeds?.[0]?.fields?.map((field) => field.name)).toContain("¶6");
    const shown = JSON.stringify(body);
    expect(shown).not.toContain("@everyone");
    expect(shown).not.toContain("@here");
    expect(shown).not.toContain(`<@&${DEFAULT_IDS.guild}>`);
  });

  it("stays silent on off-topic chatter and unsure questions in an answer channel", async () => {
    const since = fake.requests.length;
    fake.sendMessage({ channelId: ANSWER_CHANNEL, content: "anyone up for lunch later" });
    fake.sendMessage({ channelId: ANSWER_CHANNEL, content: "what time does the cafeteria close?" });
    fake.sendMessage({ channelId: GENERAL, content: "who is sam altman?" });
    await expect(
      fake.waitForRequest(
        (request) => request.method === "POST" && request.route.startsWith("/channels/"),
        {
          since,
          timeoutMs: SILENCE_MS,
        },
      ),
    ).rejects.toThrow();
  });

  it("ignores other bots, even when they mention it", async () => {
    const since = fake.requests.length;
    fake.sendMessage({
      channelId: ANSWER_CHANNEL,
      content: `<@${BOT}> what is stargate?`,
      mentionBot: true,
      author: { id: "1300000000000000300", username: "other-bot", bot: true },
    });
    await expect(
      fake.waitForRequest(repliesIn(ANSWER_CHANNEL), { since, timeoutMs: SILENCE_MS }),
    ).rejects.toThrow();
  });

  it("resumes after an op 7 RECONNECT and still answers the next command", async () => {
    await fake.reconnect();
    expect(fake.gatewayPayloads.some((payload) => payload.op === 6)).toBe(true);
    const body = await callbackOf(fake, { kind: "command", commandName: "timeline" });
    expect(body.type).toBe(4);
    expect(body.data.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });

  it("tells the user about an unknown command privately, and logs nothing as an error", async () => {
    const body = await callbackOf(fake, { kind: "command", commandName: "weather" });
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toContain("/help");
    expect(logs.lines.filter((line) => line.level === "error")).toEqual([]);
  });
});

describe("command sync across restarts", () => {
  it("sends no PUT on a second start when nothing changed", async () => {
    const fake = await startFakeDiscord({ token: TOKEN });
    try {
      const first = startBot({ config: botConfig(fake), engine, logger: captureLogs().logger });
      expect((await first.ready).sync?.action).toBe("updated");
      await first.stop();

      const since = fake.requests.length;
      const second = startBot({ config: botConfig(fake), engine, logger: captureLogs().logger });
      expect((await second.ready).sync?.action).toBe("unchanged");
      await second.stop();
      const commandRequests = fake.requests
        .slice(since)
        .filter((request) => request.route.endsWith("/commands"))
        .map((request) => request.method);
      expect(commandRequests).toEqual(["GET"]);
    } finally {
      await fake.close();
    }
  });
});

/** What `npm run deploy-commands` runs. */
const DEPLOY_ARGS = ["--import", "tsx", "src/deploy-commands.ts"];

describe("npm start, as a process", () => {
  let fake: FakeDiscord;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // What `npm start` runs is the compiled bot; build it as its prestart script does.
    buildBotOnce();
    fake = await startFakeDiscord({ token: TOKEN });
  }, 60_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await fake?.close();
  });

  /** Node itself rather than npm or `npx tsx`, so signals reach our process and not a wrapper. */
  function startMain(extraEnv: Record<string, string>, args: readonly string[] = START_ARGS) {
    const child = spawn(process.execPath, args, {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: fake.guildId,
        ANSWER_CHANNEL_IDS: "",
        LOG_LEVEL: "info",
        ...extraEnv,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    children.push(child);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = once(child, "exit").then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
      stderr,
    }));
    const readyLine = new Promise<void>((resolve) => {
      child.stderr?.on("data", () => {
        if (stderr.includes('"msg":"ready"')) resolve();
      });
    });
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    return { child, exited, readyLine, stdout: () => stdout };
  }

  it("deploy-commands registers the commands once, then finds nothing to send", async () => {
    const guild = "1300000000000000999";
    const first = startMain({ DISCORD_GUILD_ID: guild }, DEPLOY_ARGS);
    expect((await first.exited).code).toBe(0);
    expect(first.stdout()).toContain("registered 6 commands");
    const since = fake.requests.length;
    const second = startMain({ DISCORD_GUILD_ID: guild }, DEPLOY_ARGS);
    expect((await second.exited).code).toBe(0);
    expect(second.stdout()).toContain("already up to date");
    expect(fake.requests.slice(since).map((request) => request.method)).not.toContain("PUT");
    expect(fake.commands(guild)).toHaveLength(6);
  });

  it("exits 1 with a clear message when Discord rejects the token (close 4004)", async () => {
    fake.failNextIdentify(4004);
    const { exited } = startMain({});
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain("4004");
    expect(stderr).toContain("DISCORD_TOKEN");
    expect(stderr).not.toContain(TOKEN);
  });

  it("exits 1 naming the Message Content intent and ANSWER_CHANNEL_IDS on close 4014", async () => {
    fake.failNextIdentify(4014);
    const { exited } = startMain({ ANSWER_CHANNEL_IDS: ANSWER_CHANNEL });
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain("4014");
    expect(stderr).toContain("Message Content Intent");
    expect(stderr).toContain("Privileged Gateway Intents");
    expect(stderr).toContain("ANSWER_CHANNEL_IDS");
  });

  it("exits 1 listing every bad variable before connecting", async () => {
    const { exited } = startMain({ DISCORD_GUILD_ID: "nope", LOG_LEVEL: "loud" });
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain("DISCORD_GUILD_ID");
    expect(stderr).toContain("LOG_LEVEL");
  });

  it("exits 1 with the way to connect when there is no token and no terminal", async () => {
    const { exited } = startMain({ DISCORD_TOKEN: "" });
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain("set DISCORD_TOKEN in .env");
  });

  it("disconnects and exits 0 on SIGTERM", async () => {
    const { child, exited, readyLine } = startMain({});
    await readyLine;
    const started = Date.now();
    child.kill("SIGTERM");
    const { code } = await exited;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
