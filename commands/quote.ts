import type { Command } from "../src/discord/command.ts";
import {
  lookupReply,
  MAX_QUERY_LENGTH,
  newCommand,
  readHide,
  readQueryOptions,
  readText,
  suggestFromEngine,
  withCommonOptions,
} from "./options.ts";

const data = withCommonOptions(
  newCommand(
    "quote",
    "A speaker's quotes: verbatim Arabic and the English rendering",
  ).addStringOption((option) =>
    option
      .setName("speaker")
      .setDescription("Who said it")
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(MAX_QUERY_LENGTH),
  ),
);

export const quoteCommand = {
  data,
  execute(interaction, { engine }) {
    const result = engine.quote(readText(interaction, "speaker"), readQueryOptions(interaction));
    return lookupReply(result, readHide(interaction));
  },
  autocomplete: (interaction, context) => suggestFromEngine("quote", interaction, context),
} satisfies Command;
