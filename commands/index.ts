import type { Command } from "../src/discord/command.ts";
import { askCommand } from "./ask.ts";
import { helpCommand } from "./help.ts";
import { quoteCommand } from "./quote.ts";
import { sourceCommand } from "./source.ts";
import { timelineCommand } from "./timeline.ts";
import { whoCommand } from "./who.ts";

/** Every slash command, in the order Discord lists them; the bot and deploy-commands share it. */
export const commands: readonly Command[] = [
  whoCommand,
  quoteCommand,
  askCommand,
  sourceCommand,
  timelineCommand,
  helpCommand,
];

/** The registry keyed by command name, for routing. */
export function commandsByName(list: readonly Command[] = commands): ReadonlyMap<string, Command> {
  return new Map(list.map((command) => [command.data.name, command]));
}

/** What Discord is sent on registration. */
export function commandPayloads(list: readonly Command[] = commands) {
  return list.map((command) => command.data.toJSON());
}
