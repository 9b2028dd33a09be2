import {
  type APIApplicationCommandOption,
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { describe, expect, it } from "vitest";
import { commandPayloads, commands, commandsByName } from "../commands/index.ts";
import { loadConfig } from "../src/config.ts";
import type { CommandContext } from "../src/discord/command.ts";
import { DISCORD_LIMITS } from "../src/discord/limits.ts";
import type { Engine, EngineResult } from "../src/engine/types.ts";
import { silentLogger } from "../src/logger.ts";

const NAME_PATTERN = /^[-_\p{Ll}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
/** Discord's cap on the summed names, descriptions and choice texts of one command. */
const COMMAND_TEXT_LIMIT = 4000;

const payloads = commandPayloads();
const byName = (name: string) => {
  const payload = payloads.find((command) => command.name === name);
  if (!payload) throw new Error(`no /${name}`);
  return payload;
};
const optionNames = (payload: RESTPostAPIChatInputApplicationCommandsJSONBody) =>
  (payload.options ?? []).map((option) => option.name);

function commandTextLength(payload: RESTPostAPIChatInputApplicationCommandsJSONBody): number {
  const optionLength = (option: APIApplicationCommandOption): number =>
    option.name.length +
    option.description.length +
    ("choices" in option && option.choices
      ? option.choices.reduce(
          (sum, choice) => sum + choice.name.length + String(choice.value).length,
          0,
        )
      : 0);
  return (
    payload.name.length +
    (payload.description?.length ?? 0) +
    (payload.options ?? []).reduce((sum, option) => sum + optionLength(option), 0)
  );
}

describe("command registry", () => {
  it("holds who, quote, ask, source, timeline and help, each once", () => {
    expect(payloads.map((payload) => payload.name)).toEqual([
      "who",
      "quote",
      "ask",
      "source",
      "timeline",
      "help",
    ]);
    expect(commandsByName().size).toBe(commands.length);
  });

  it("builds every command into a payload within Discord's limits", () => {
    for (const payload of payloads) {
      expect(payload.name).toMatch(NAME_PATTERN);
      expect(payload.description.length).toBeGreaterThan(0);
      expect(payload.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.commandDescription);
      expect(payload.options?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.commandOptions);
      expect(commandTextLength(payload)).toBeLessThanOrEqual(COMMAND_TEXT_LIMIT);
      const options = payload.options ?? [];
      expect(new Set(options.map((option) => option.name)).size).toBe(options.length);
      const firstOptional = options.findIndex((option) => !option.required);
      if (firstOptional >= 0)
        expect(options.slice(firstOptional).every((option) => !option.required)).toBe(true);
      for (const option of options) {
        expect(option.name).toMatch(NAME_PATTERN);
        expect(option.description.length).toBeGreaterThan(0);
        expect(option.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.commandDescription);
      }
    }
  });

  it.each([
    ["who", "name"],
    ["quote", "speaker"],
    ["ask", "question"],
  ])("/%s takes a required, autocompleted string %s, then hide and language", (name, option) => {
    const payload = byName(name);
    expect(optionNames(payload)).toEqual([option, "hide", "language"]);
    expect(payload.options?.[0]).toMatchObject({
      type: ApplicationCommandOptionType.String,
      required: true,
      autocomplete: true,
    });
    expect(payload.options?.[1]).toMatchObject({
      type: ApplicationCommandOptionType.Boolean,
      required: false,
    });
    expect(commandsByName().get(name)?.autocomplete).toBeTypeOf("function");
  });

  it("/source takes a required paragraph from 1 to 23", () => {
    const payload = byName("source");
    expect(optionNames(payload)).toEqual(["paragraph", "hide", "language"]);
    expect(payload.options?.[0]).toMatchObject({
      type: ApplicationCommandOptionType.Integer,
      required: true,
      min_value: 1,
      max_value: 23,
    });
  });

  it("/timeline and /help take only hide and language", () => {
    expect(optionNames(byName("timeline"))).toEqual(["hide", "language"]);
    expect(optionNames(byName("help"))).toEqual(["hide", "language"]);
  });
});

describe("command handlers", () => {
  const answered: EngineResult = {
    status: "answered",
    lang: "en",
    title: "Sam Altman",
    text: "OpenAI's CEO.",
    citations: [{ paragraph: 7, text: "رد ألتمان", translation: "Altman replied" }],
    suggestions: [],
    confidence: 1,
  };
  const calls: unknown[][] = [];
  const spy =
    <T>(method: string, value: T) =>
    (...args: unknown[]): T => {
      calls.push([method, ...args]);
      return value;
    };
  const engine: Engine = {
    ask: spy("ask", answered),
    who: spy("who", answered),
    quote: spy("quote", answered),
    source: spy("source", answered),
    timeline: spy("timeline", answered),
    resolve: spy("resolve", answered),
    autocomplete: spy("autocomplete", [{ name: "Sam Altman", value: "Sam Altman" }]),
  };
  const context: CommandContext = { engine, config: loadConfig({}), logger: silentLogger };
  const chatInput = (values: Record<string, string | number | boolean>) =>
    ({
      options: {
        getString: (name: string) => (typeof values[name] === "string" ? values[name] : null),
        getBoolean: (name: string) => (typeof values[name] === "boolean" ? values[name] : null),
        getInteger: (name: string) => (typeof values[name] === "number" ? values[name] : null),
      },
    }) as unknown as ChatInputCommandInteraction;

  it("/who answers free text the user typed, publicly unless hidden", () => {
    calls.length = 0;
    const who = commandsByName().get("who");
    const reply = who?.execute(chatInput({ name: "  sam altmann " }), context);
    expect(calls).toEqual([["who", "sam altmann", {}]]);
    expect(reply?.ephemeral).toBe(false);
    expect(reply?.embeds?.[0]?.title).toBe("Sam Altman");
    expect(who?.execute(chatInput({ name: "altman", hide: true }), context).ephemeral).toBe(true);
  });

  it("passes the chosen language to the engine", () => {
    calls.length = 0;
    commandsByName()
      .get("ask")
      ?.execute(chatInput({ question: "who?", language: "ar" }), context);
    commandsByName()
      .get("source")
      ?.execute(chatInput({ paragraph: 6, language: "ar" }), context);
    commandsByName().get("timeline")?.execute(chatInput({}), context);
    expect(calls).toEqual([
      ["ask", "who?", { lang: "ar" }],
      ["source", "6", { lang: "ar" }],
      ["timeline", { lang: "en" }],
    ]);
  });

  // Custom emoji, mentions and timestamps come through options as markup, not words.
  it("reads a question without Discord's markup", () => {
    calls.length = 0;
    commandsByName()
      .get("ask")
      ?.execute(
        chatInput({ question: "<:pepe_think:123456789012345678> who is musk <@42>" }),
        context,
      );
    expect(calls).toEqual([["ask", "who is musk", {}]]);
    expect(() =>
      commandsByName()
        .get("ask")
        ?.execute(chatInput({ question: "<a:wave:123456789012345678>" }), context),
    ).toThrow("The `question` option is required.");
  });

  it("rejects a missing required option with a readable message", () => {
    expect(() =>
      commandsByName()
        .get("quote")
        ?.execute(chatInput({ speaker: "  " }), context),
    ).toThrow("The `speaker` option is required.");
    expect(() => commandsByName().get("source")?.execute(chatInput({}), context)).toThrow(
      "The `paragraph` option is required.",
    );
  });

  it("autocompletes from the engine with the field of the command", () => {
    calls.length = 0;
    const interaction = {
      options: { getFocused: () => "alt" },
    } as unknown as AutocompleteInteraction;
    const choices = commandsByName().get("quote")?.autocomplete?.(interaction, context);
    expect(calls).toEqual([["autocomplete", "quote", "alt"]]);
    expect(choices).toEqual([{ name: "Sam Altman", value: "Sam Altman" }]);
  });

  it("/help works in both languages", () => {
    const english = commandsByName().get("help")?.execute(chatInput({}), context);
    const arabic = commandsByName()
      .get("help")
      ?.execute(chatInput({ language: "ar", hide: true }), context);
    expect(english?.embeds?.[0]?.fields?.map((field) => field.name)).toContain("/who name");
    expect(arabic?.ephemeral).toBe(true);
    expect(arabic?.embeds?.[0]?.description).toMatch(/[\u0600-\u06ff]/);
  });
});
