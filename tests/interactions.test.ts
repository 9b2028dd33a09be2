import { type Interaction, MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { commandsByName } from "../commands/index.ts";
import { loadConfig } from "../src/config.ts";
import {
  fitChoices,
  handleInteraction,
  type InteractionContext,
} from "../src/discord/interactions.ts";
import { createCooldowns } from "../src/discord/rate-limit.ts";
import type { Engine, EngineResult } from "../src/engine/types.ts";
import { createLogger } from "../src/logger.ts";

const USER = "100000000000000001";
const CHANNEL = "700000000000000007";

const answered: EngineResult = {
  status: "answered",
  lang: "en",
  title: "Paragraph 6",
  text: "Musk wrote on X.",
  citations: [{ paragraph: 6, text: "كتب ماسك", translation: "Musk wrote" }],
  suggestions: [],
  confidence: 1,
};

function setup(options: { engine?: Partial<Engine>; userMax?: number; channelMax?: number } = {}) {
  const engineCalls: unknown[][] = [];
  const spy =
    (method: string) =>
    (...args: unknown[]): EngineResult => {
      engineCalls.push([method, ...args]);
      return answered;
    };
  const engine: Engine = {
    ask: () => answered,
    who: () => answered,
    quote: () => answered,
    source: spy("source"),
    timeline: () => answered,
    resolve: spy("resolve"),
    autocomplete: () => [],
    ...options.engine,
  };
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: "debug", write: (line) => logs.push(JSON.parse(line)) });
  const context: InteractionContext = {
    engine,
    config: loadConfig({}),
    logger,
    commands: commandsByName(),
    cooldowns: createCooldowns(
      {
        user: { max: options.userMax ?? 10, windowMs: 60_000 },
        channel: { max: options.channelMax ?? 10, windowMs: 60_000 },
      },
      () => 0,
    ),
  };
  const replies: Record<string, unknown>[] = [];
  const responded: unknown[] = [];
  const base = (
    kind: "command" | "autocomplete" | "button" | "select",
    extra: Record<string, unknown>,
  ) =>
    ({
      id: "900000000000000009",
      user: { id: USER },
      channelId: CHANNEL,
      replied: false,
      deferred: false,
      isAutocomplete: () => kind === "autocomplete",
      isRepliable: () => kind !== "autocomplete",
      isChatInputCommand: () => kind === "command",
      isButton: () => kind === "button",
      isStringSelectMenu: () => kind === "select",
      isMessageComponent: () => kind === "button" || kind === "select",
      reply: async (options: Record<string, unknown>) => {
        replies.push(options);
      },
      respond: async (choices: unknown) => {
        responded.push(choices);
      },
      ...extra,
    }) as unknown as Interaction;
  const command = (commandName: string, values: Record<string, unknown> = {}) =>
    base("command", {
      commandName,
      options: {
        getString: (name: string) => (typeof values[name] === "string" ? values[name] : null),
        getBoolean: (name: string) => (typeof values[name] === "boolean" ? values[name] : null),
        getInteger: (name: string) => {
          if (values[name] === undefined) return null;
          if (typeof values[name] !== "number") {
            throw Object.assign(new TypeError("wrong type"), {
              code: "CommandInteractionOptionType",
            });
          }
          return values[name];
        },
      },
    });
  return { context, logs, replies, responded, engineCalls, base, command };
}

describe("handleInteraction", () => {
  it("answers a slash command publicly with the embed and no pings", async () => {
    const { context, replies, command } = setup();
    await handleInteraction(command("who", { name: "musk" }), context);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ allowedMentions: { parse: [] } });
    expect(replies[0]?.flags).toBeUndefined();
    expect(replies[0]?.embeds).toHaveLength(1);
  });

  it("tells the user about an unknown command, ephemerally, without echoing markdown", async () => {
    const { context, replies, command } = setup();
    await handleInteraction(command("weather*"), context);
    expect(replies).toEqual([
      {
        content: "I don't know the command `/weather\\*`. Try /help.",
        allowedMentions: { parse: [] },
        flags: MessageFlags.Ephemeral,
      },
    ]);
  });

  it("explains a malformed option ephemerally", async () => {
    const { context, replies, command } = setup();
    await handleInteraction(command("source", { paragraph: "six" }), context);
    expect(replies[0]?.content).toContain("missing or malformed");
    expect(replies[0]?.flags).toBe(MessageFlags.Ephemeral);
  });

  it("logs a crashing handler with command and user, and gives the user a readable message", async () => {
    const { context, replies, logs, command } = setup({
      engine: {
        who: () => {
          throw new Error("index corrupted");
        },
      },
    });
    await handleInteraction(command("who", { name: "musk" }), context);
    expect(replies[0]).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(replies[0]?.content).toContain("something went wrong");
    expect(logs.find((entry) => entry.msg === "interaction failed")).toMatchObject({
      command: "who",
      userId: USER,
      error: { message: "index corrupted" },
    });
  });

  it("opens a cited paragraph ephemerally from its button", async () => {
    const { context, replies, engineCalls, base } = setup();
    await handleInteraction(base("button", { customId: "source:6:ar" }), context);
    expect(engineCalls).toEqual([["source", "6", { lang: "ar" }]]);
    expect(replies[0]).toMatchObject({ flags: MessageFlags.Ephemeral, components: [] });
  });

  it("posts the answer chosen from the did-you-mean menu, publicly unless the look-up was hidden", async () => {
    const { context, replies, engineCalls, base } = setup();
    await handleInteraction(
      base("select", { customId: "suggest:en", values: ["entity:musk"] }),
      context,
    );
    await handleInteraction(
      base("select", { customId: "suggest:en:hide", values: ["entity:musk"] }),
      context,
    );
    expect(engineCalls).toEqual([
      ["resolve", "entity:musk", { lang: "en" }],
      ["resolve", "entity:musk", { lang: "en" }],
    ]);
    expect(replies[0]?.flags).toBeUndefined();
    expect(replies[1]?.flags).toBe(MessageFlags.Ephemeral);
  });

  it("answers a component it does not recognise with an ephemeral note", async () => {
    const { context, replies, base } = setup();
    await handleInteraction(base("button", { customId: "vote:up" }), context);
    expect(replies[0]).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(replies[0]?.content).toContain("older version");
  });

  it("refuses a user over the limit with an ephemeral notice", async () => {
    const { context, replies, command } = setup({ userMax: 1 });
    await handleInteraction(command("who", { name: "musk" }), context);
    await handleInteraction(command("who", { name: "musk" }), context);
    expect(replies[1]?.content).toContain("Try again in 60 s");
    expect(replies[1]?.flags).toBe(MessageFlags.Ephemeral);
    expect(replies[1]?.embeds).toBeUndefined();
  });

  it("answers privately instead of flooding a busy channel", async () => {
    const { context, replies, command } = setup({ channelMax: 1 });
    await handleInteraction(command("who", { name: "musk" }), context);
    await handleInteraction(command("who", { name: "musk" }), context);
    expect(replies[0]?.flags).toBeUndefined();
    expect(replies[1]?.flags).toBe(MessageFlags.Ephemeral);
    expect(replies[1]?.content).toContain("busy");
    expect(replies[1]?.embeds).toHaveLength(1);
  });

  it("responds to autocomplete with no choices when the engine throws", async () => {
    const { context, responded, base } = setup({
      engine: {
        autocomplete: () => {
          throw new Error("boom");
        },
      },
    });
    const interaction = base("autocomplete", {
      commandName: "who",
      options: { getFocused: () => "mu" },
    });
    await handleInteraction(interaction, context);
    expect(responded).toEqual([[]]);
  });
});

describe("fitChoices", () => {
  it("keeps order, drops duplicate and oversized values, clips names and stops at 25", () => {
    const choices = [
      { name: "Elon Musk", value: "Elon Musk" },
      { name: "dup", value: "Elon Musk" },
      { name: "too long", value: "x".repeat(101) },
      { name: "word ".repeat(40), value: "Long" },
      ...Array.from({ length: 30 }, (_, index) => ({ name: `Q${index}`, value: `q${index}` })),
    ];
    const fitted = fitChoices(choices);
    expect(fitted).toHaveLength(25);
    expect(fitted.slice(0, 3).map((choice) => choice.value)).toEqual(["Elon Musk", "Long", "q0"]);
    expect(fitted[1]?.name.length).toBeLessThanOrEqual(100);
    expect(fitted[1]?.name.endsWith("…")).toBe(true);
  });
});
