import { type Client, Events, GatewayCloseCodes } from "discord.js";
import { commandPayloads, commands, commandsByName } from "../../commands/index.ts";
import type { Config } from "../config.ts";
import type { Engine } from "../engine/types.ts";
import type { Logger } from "../logger.ts";
import { createDiscordClient } from "./client.ts";
import { handleInteraction } from "./interactions.ts";
import { handleMessage } from "./messages.ts";
import { createCooldowns } from "./rate-limit.ts";
import { type SyncResult, syncCommands } from "./sync-commands.ts";

export interface BotDependencies {
  config: Config;
  engine: Engine;
  logger: Logger;
  /** Injected for tests of the rate limits; defaults to `Date.now`. */
  now?: () => number;
}

/** Why the bot cannot go on; `src/main.ts` turns each into an exit code and a message. */
export type BotEnd =
  | { reason: "token_invalid"; message: string }
  | { reason: "intents_disallowed"; message: string }
  | { reason: "gateway_closed"; code: number; message: string }
  | { reason: "connect_failed"; message: string };

export interface ReadySummary {
  userTag: string;
  guildCount: number;
  commandCount: number;
  /** Absent when the sync failed; the bot still answers with what Discord already has. */
  sync?: SyncResult;
}

export interface RunningBot {
  client: Client;
  /** Resolves once connected and commands are synced; rejects with the `BotEnd` if it never gets there. */
  ready: Promise<ReadySummary>;
  /** Resolves only if Discord ends the session for good (bad token, disallowed intents, …). */
  ended: Promise<BotEnd>;
  /** Disconnects; safe to call more than once. */
  stop(): Promise<void>;
}

export const TOKEN_INVALID_MESSAGE =
  "Discord rejected the bot token (gateway close 4004, authentication failed). Check DISCORD_TOKEN in .env; in the Developer Portal, open your application → Bot → Reset Token to get a new one.";

export const INTENTS_DISALLOWED_MESSAGE =
  "Discord refused the Message Content intent (gateway close 4014, disallowed intents). ANSWER_CHANNEL_IDS needs it: enable it in the Developer Portal under your application → Bot → Privileged Gateway Intents → Message Content Intent, or unset ANSWER_CHANNEL_IDS to answer only slash commands and @mentions.";

/**
 * Connects the bot to Discord and wires every handler. It never exits the process: fatal
 * outcomes arrive on `ended`, so the caller decides what to do with them.
 */
export function startBot(dependencies: BotDependencies): RunningBot {
  const { config, engine, logger } = dependencies;
  const client = createDiscordClient(config);
  const cooldowns = createCooldowns(config.cooldown, dependencies.now);
  const registry = commandsByName(commands);
  const context = { engine, config, logger };

  let resolveEnded: (end: BotEnd) => void = () => {};
  const ended = new Promise<BotEnd>((resolve) => {
    resolveEnded = resolve;
  });
  let endedWith: BotEnd | undefined;
  const end = (outcome: BotEnd) => {
    if (endedWith) return;
    endedWith = outcome;
    logger.error("discord session ended", { reason: outcome.reason });
    resolveEnded(outcome);
  };

  let resolveReady: (summary: ReadySummary) => void = () => {};
  let rejectReady: (end: BotEnd) => void = () => {};
  const ready = new Promise<ReadySummary>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Callers that only watch `ended` must not see an unhandled rejection from `ready`.
  ready.catch(() => {});
  void ended.then(rejectReady);

  // Registered before login: the event can fire before login() resolves.
  client.once(Events.ClientReady, async (readyClient) => {
    const summary: ReadySummary = {
      userTag: readyClient.user.tag,
      guildCount: readyClient.guilds.cache.size,
      commandCount: registry.size,
    };
    try {
      summary.sync = await syncCommands({
        rest: readyClient.rest,
        applicationId: readyClient.application.id,
        ...(config.guildId ? { guildId: config.guildId } : {}),
        commands: commandPayloads(commands),
      });
    } catch (error) {
      logger.error("could not sync slash commands; Discord keeps the ones it had", { error });
    }
    logger.info("ready", {
      user: summary.userTag,
      guilds: summary.guildCount,
      commands: summary.commandCount,
      sync: summary.sync ? `${summary.sync.scope} ${summary.sync.action}` : "failed",
    });
    resolveReady(summary);
  });

  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, { ...context, commands: registry, cooldowns }).catch(
      (error) =>
        logger.error("interaction handler crashed", { error, interactionId: interaction.id }),
    );
  });

  client.on(Events.MessageCreate, (message) => {
    const botUserId = client.user?.id;
    if (!botUserId) return;
    void handleMessage(message, { ...context, cooldowns, botUserId }).catch((error) =>
      logger.error("message handler crashed", { error, messageId: message.id }),
    );
  });

  client.on(Events.ShardDisconnect, ({ code }) => {
    end(describeClose(code));
  });
  client.on(Events.ShardReconnecting, () => logger.warn("gateway reconnecting"));
  client.on(Events.ShardResume, () => logger.info("gateway session resumed"));
  client.on(Events.ShardError, (error) => logger.warn("gateway connection error", { error }));
  client.on(Events.Error, (error) => logger.error("discord client error", { error }));
  client.on(Events.Warn, (message) => logger.warn(message));
  if (config.logLevel === "debug") client.on(Events.Debug, (message) => logger.debug(message));

  client.login(config.token).catch((error: unknown) => {
    // A fatal close code arrives as ShardDisconnect before login() rejects; that names it better.
    end(describeLoginFailure(error));
  });

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= client
      .destroy()
      .catch((error) => logger.warn("error while disconnecting", { error }));
    return stopping;
  };

  return { client, ready, ended, stop };
}

function describeClose(code: number): BotEnd {
  if (code === GatewayCloseCodes.AuthenticationFailed) {
    return { reason: "token_invalid", message: TOKEN_INVALID_MESSAGE };
  }
  if (code === GatewayCloseCodes.DisallowedIntents) {
    return { reason: "intents_disallowed", message: INTENTS_DISALLOWED_MESSAGE };
  }
  const name = GatewayCloseCodes[code] ?? "unknown";
  return {
    reason: "gateway_closed",
    code,
    message: `Discord closed the gateway connection for good (close code ${code}, ${name}).`,
  };
}

function describeLoginFailure(error: unknown): BotEnd {
  const details = error as { code?: unknown; status?: unknown; message?: unknown } | null;
  if (details?.code === "TokenInvalid" || details?.status === 401) {
    return { reason: "token_invalid", message: TOKEN_INVALID_MESSAGE };
  }
  const reason = typeof details?.message === "string" ? details.message : String(error);
  return { reason: "connect_failed", message: `Could not connect to Discord: ${reason}` };
}
