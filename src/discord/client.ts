import { Client, GatewayIntentBits, Options } from "discord.js";
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

/**
 * How many authors and members the client remembers. The bot answers each message and interaction
 * from its own payload and never looks anything up later, so these caches only cost memory: by
 * default discord.js keeps 200 messages a channel and every author and member it ever sees, which
 * grows without end on a busy server.
 */
export const PEOPLE_CACHE_SIZE = 100;

const isSelf = (person: { id: string; client: Client }) => person.id === person.client.user?.id;

/** The discord.js client: never pings by default, and talks to `DISCORD_API_URL` when set. */
export function createDiscordClient(config: Config): Client {
  return new Client({
    intents: requiredIntents(config),
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      // The bot's own user and member stay: discord.js reads them for its own identity.
      UserManager: { maxSize: PEOPLE_CACHE_SIZE, keepOverLimit: isSelf },
      GuildMemberManager: { maxSize: PEOPLE_CACHE_SIZE, keepOverLimit: isSelf },
    }),
    allowedMentions: { parse: [], repliedUser: false },
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
}
