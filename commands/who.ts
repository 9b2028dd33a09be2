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
    "who",
    "Profile of a person or organisation in the story, with cited snippets",
  ).addStringOption((option) =>
    option
      .setName("name")
      .setDescription("A person or organisation in the story")
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(MAX_QUERY_LENGTH),
  ),
);

export const whoCommand = {
  data,
  execute(interaction, { engine }) {
    const result = engine.who(readText(interaction, "name"), readQueryOptions(interaction));
    return lookupReply(result, readHide(interaction));
  },
  autocomplete: (interaction, context) => suggestFromEngine("who", interaction, context),
} satisfies Command;
