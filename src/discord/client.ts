import { Client, GatewayIntentBits } from "discord.js";
import type { Config } from "../config.ts";

/**
 * The intents the bot needs. Message Content is privileged (it must be enabled in the
 * Developer Portal), so it is requested only when answer channels need it; mentions of the
 * bot carry their content without it.
 */
export function requiredIntents(config: Pick<Config, "answerChannelIds">): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];
  if (config.answerChannelIds.length > 0) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/** The discord.js client: never pings by default, and talks to `DISCORD_API_URL` when set. */
export function createDiscordClient(config: Config): Client {
  return new Client({
    intents: requiredIntents(config),
    allowedMentions: { parse: [], repliedUser: false },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
}
