import {
  ApplicationIntegrationType,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  SlashCommandBuilder,
} from "discord.js";
import { type Command, type CommandContext, InvalidOptionError } from "../src/discord/command.ts";
import { DISCORD_LIMITS } from "../src/discord/limits.ts";
import { withoutDiscordMarkup } from "../src/discord/question.ts";
import { isPrivateResult, renderAnswer } from "../src/discord/render.ts";
import type { ReplyPayload } from "../src/discord/reply.ts";
import { MAX_QUERY_LENGTH } from "../src/engine/query.ts";
import type { AutocompleteField, EngineResult, Lang, QueryOptions } from "../src/engine/types.ts";

/** Options and readers shared by the commands, so every command spells them the same way. */

export const HIDE_OPTION = "hide";
export const LANGUAGE_OPTION = "language";
/** The engine's own limit, so Discord stops an over-long query before it is sent. */
export { MAX_QUERY_LENGTH } from "../src/engine/query.ts";

/**
 * A command usable in servers and in DMs with the bot, installed to servers. Set explicitly
 * because Discord fills in defaults that would otherwise make every sync see a difference.
 */
export function newCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
}

/** The optional `hide` and `language` options that close every command's option list. */
export function withCommonOptions<
  T extends Pick<SlashCommandBuilder, "addBooleanOption" | "addStringOption">,
>(builder: T): T {
  builder
    .addBooleanOption((option) =>
      option.setName(HIDE_OPTION).setDescription("Only you see the answer"),
    )
    .addStringOption((option) =>
      option
        .setName(LANGUAGE_OPTION)
        .setDescription("Answer language; by default the language you typed in")
        .addChoices({ name: "English", value: "en" }, { name: "العربية", value: "ar" }),
    );
  return builder;
}

export function readHide(interaction: ChatInputCommandInteraction): boolean {
  return interaction.options.getBoolean(HIDE_OPTION) ?? false;
}

/** `{}` lets the engine pick the language from the script of the query. */
export function readQueryOptions(interaction: ChatInputCommandInteraction): QueryOptions {
  const lang = interaction.options.getString(LANGUAGE_OPTION);
  if (lang === null) return {};
  if (lang === "en" || lang === "ar") return { lang };
  throw new InvalidOptionError("The `language` option must be English or العربية.");
}

/** For answers with no query text to read a language from. */
export function readLang(interaction: ChatInputCommandInteraction): Lang {
  return readQueryOptions(interaction).lang ?? "en";
}

/** A required free-text option; whatever the user typed, picked from the list or not. */
export function readText(interaction: ChatInputCommandInteraction, name: string): string {
  const value = withoutDiscordMarkup(interaction.options.getString(name) ?? "");
  if (value === "") throw new InvalidOptionError(`The \`${name}\` option is required.`);
  return value;
}

/** The reply for an engine look-up: public when answered, private when a miss or when hidden. */
export function lookupReply(result: EngineResult, hide: boolean): ReplyPayload {
  return { ...renderAnswer(result, { hidden: hide }), ephemeral: hide || isPrivateResult(result) };
}

export function suggestFromEngine(
  field: AutocompleteField,
  interaction: AutocompleteInteraction,
  context: CommandContext,
) {
  const focused = interaction.options.getFocused();
  return context.engine.autocomplete(
    field,
    focused.slice(0, DISCORD_LIMITS.autocompleteChoiceValue * 3),
  );
}

export interface LookupCommandSpec {
  /** The command's name, the engine method it calls and the autocomplete field, all one word. */
  field: AutocompleteField;
  description: string;
  /** The one required free-text option. */
  option: { name: string; description: string };
}

/**
 * `/who`, `/quote` and `/ask` differ only in words: each reads one free-text option, asks the
 * engine, and autocompletes that option from the engine.
 */
export function lookupCommand({ field, description, option }: LookupCommandSpec): Command {
  const data = withCommonOptions(
    newCommand(field, description).addStringOption((builder) =>
      builder
        .setName(option.name)
        .setDescription(option.description)
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_LENGTH),
    ),
  );
  return {
    data,
    execute(interaction, { engine }) {
      const result = engine[field](
        readText(interaction, option.name),
        readQueryOptions(interaction),
      );
      return lookupReply(result, readHide(interaction));
    },
    autocomplete: (interaction, context) => suggestFromEngine(field, interaction, context),
  };
}
