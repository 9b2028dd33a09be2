import type { FakeGuild, FakeUser, JsonObject } from "./payloads.ts";

/** An interaction the fake has sent, remembered so that its callbacks can be validated. */
export interface KnownInteraction {
  id: string;
  token: string;
  type: number;
  guildId: string | null;
  channelId: string;
  /** Set once a callback was accepted; a second callback gets Discord's 40060 error. */
  acknowledged: boolean;
  sentAt: number;
  /** The message a component interaction was attached to (for UPDATE_MESSAGE callbacks). */
  message: JsonObject | undefined;
}

/** Everything the fake knows; REST and gateway share one instance. */
export interface World {
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly humanUser: FakeUser;
  readonly guilds: FakeGuild[];
  /** When set, REST calls and IDENTIFY must carry this token. */
  readonly token: string | undefined;
  /** When set, interaction callbacks later than this get Discord's 10062 "Unknown interaction". */
  readonly ackDeadlineMs: number | undefined;
  readonly globalCommands: JsonObject[];
  readonly guildCommands: Map<string, JsonObject[]>;
  readonly interactions: Map<string, KnownInteraction>;
  /** Messages by id: channel messages and interaction responses alike. */
  readonly messages: Map<string, JsonObject>;
  /** The `@original` response message id per interaction token. */
  readonly originalMessageIds: Map<string, string>;
}

/** Finds a user of the world by id (bot, default human, or any guild member). */
export function findUser(world: World, id: string): FakeUser | undefined {
  if (world.botUser.id === id) return world.botUser;
  if (world.humanUser.id === id) return world.humanUser;
  for (const guild of world.guilds) {
    const member = guild.members.find((m) => m.id === id);
    if (member) return member;
  }
  return undefined;
}

/** The guild that holds a channel, if any. */
export function guildOfChannel(world: World, channelId: string): FakeGuild | undefined {
  return world.guilds.find((g) => g.channels.some((c) => c.id === channelId));
}
