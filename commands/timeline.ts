import type { Command } from "../src/discord/command.ts";
import { lookupReply, newCommand, readHide, readLang, withCommonOptions } from "./options.ts";

const data = withCommonOptions(newCommand("timeline", "The dated events of the story, in order"));

export const timelineCommand = {
  data,
  execute(interaction, { engine }) {
    const result = engine.timeline({ lang: readLang(interaction) });
    return lookupReply(result, readHide(interaction));
  },
} satisfies Command;
