import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Config } from "../config.ts";
import type { AutocompleteChoice, Engine } from "../engine/types.ts";
import type { Logger } from "../logger.ts";
import type { ReplyPayload } from "./reply.ts";

/** What every handler receives; the bot has no globals and hangs nothing on the client. */
export interface CommandContext {
  engine: Engine;
  config: Config;
  logger: Logger;
}

/**
 * One slash command. `execute` only builds the reply: sending it, rate limits and errors are
 * the router's job, so every reply takes the same path.
 */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, context: CommandContext): ReplyPayload;
  /** Choices for the focused option; the router caps and clips them, and survives a throw. */
  autocomplete?(
    interaction: AutocompleteInteraction,
    context: CommandContext,
  ): AutocompleteChoice[];
}

/** A user-facing problem with the options given; shown to the user as is, ephemerally. */
export class InvalidOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidOptionError";
  }
}
