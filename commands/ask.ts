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
  newCommand("ask", "Ask a question about the story; the answer cites it").addStringOption(
    (option) =>
      option
        .setName("question")
        .setDescription("Your question about the story")
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_LENGTH),
  ),
);

export const askCommand = {
  data,
  execute(interaction, { engine }) {
    const result = engine.ask(readText(interaction, "question"), readQueryOptions(interaction));
    return lookupReply(result, readHide(interaction));
  },
  autocomplete: (interaction, context) => suggestFromEngine("ask", interaction, context),
} satisfies Command;
