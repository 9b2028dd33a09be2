import { DEFAULT_IDS, nextSnowflake } from "./ids.ts";

/** A JSON object as it travels over the wire; payloads are deliberately loose. */
export type JsonObject = Record<string, unknown>;

/** A user of the fake world (the bot itself or a human). */
export interface FakeUser {
  id: string;
  username: string;
  /** Display name; `null` like Discord sends for users that never set one. */
  globalName?: string | null;
  bot?: boolean;
}

/** A channel of a fake guild. */
export interface FakeChannel {
  id: string;
  name: string;
  /** Discord channel type; 0 (guild text) unless said otherwise. */
  type?: number;
  topic?: string | null;
}

/** A role of a fake guild. The `@everyone` role (id = guild id) is always added. */
export interface FakeRole {
  id: string;
  name: string;
  /** Permission bitfield as a decimal string. */
  permissions?: string;
}

/** A guild of the fake world, sent to the client in a GUILD_CREATE after READY. */
export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
  /** Users that are members; the bot is always added as a member as well. */
  members: FakeUser[];
  roles?: FakeRole[];
  ownerId?: string;
  preferredLocale?: string;
}

/**
 * Permissions granted to `@everyone` and to interaction members by default: view channel, send
 * messages, embed links, attach files, read history, add reactions, use application commands,
 * use external emojis.
 */
export const DEFAULT_PERMISSIONS = (
  (1n << 10n) |
  (1n << 11n) |
  (1n << 14n) |
  (1n << 15n) |
  (1n << 16n) |
  (1n << 6n) |
  (1n << 31n) |
  (1n << 18n)
).toString();

/** Builds the default bot user. */
export function defaultBotUser(overrides: Partial<FakeUser> = {}): FakeUser {
  return {
    id: DEFAULT_IDS.botUser,
    username: "story-desk",
    globalName: null,
    bot: true,
    ...overrides,
  };
}

/** Builds the default human user, the one who sends interactions and messages by default. */
export function defaultHumanUser(): FakeUser {
  return { id: DEFAULT_IDS.humanUser, username: "reader", globalName: "Reader" };
}

/** Builds the default guild: two text channels, one human member plus a second one. */
export function defaultGuild(human: FakeUser): FakeGuild {
  return {
    id: DEFAULT_IDS.guild,
    name: "Newsroom",
    channels: [
      { id: DEFAULT_IDS.generalChannel, name: "general", topic: null },
      { id: DEFAULT_IDS.newsChannel, name: "story-questions", topic: "Ask about the story" },
    ],
    members: [human, { id: DEFAULT_IDS.otherUser, username: "editor", globalName: "Editor" }],
    ownerId: human.id,
  };
}

/** The wire shape of a user. */
export function userPayload(user: FakeUser): JsonObject {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName ?? null,
    discriminator: "0",
    avatar: null,
    bot: user.bot ?? false,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

/** The wire shape of a guild member, without `user` when it is embedded in a message. */
export function memberPayload(
  user: FakeUser,
  options: { withUser?: boolean; permissions?: string } = {},
): JsonObject {
  const member: JsonObject = {
    nick: null,
    avatar: null,
    roles: [],
    joined_at: "2024-01-01T00:00:00.000000+00:00",
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
  if (options.withUser ?? true) member.user = userPayload(user);
  if (options.permissions !== undefined) member.permissions = options.permissions;
  return member;
}

/** The wire shape of a guild channel. */
export function channelPayload(
  channel: FakeChannel,
  guildId: string,
  position: number,
): JsonObject {
  return {
    id: channel.id,
    type: channel.type ?? 0,
    guild_id: guildId,
    name: channel.name,
    position,
    permission_overwrites: [],
    topic: channel.topic ?? null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

/** The wire shape of a role. */
export function rolePayload(role: FakeRole, position: number): JsonObject {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: role.permissions ?? DEFAULT_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

/** The full GUILD_CREATE payload for a guild, including the bot as a member. */
export function guildCreatePayload(
  guild: FakeGuild,
  bot: FakeUser,
  applicationId: string,
): JsonObject {
  const members = [...guild.members.filter((m) => m.id !== bot.id), bot];
  const roles = [
    { id: guild.id, name: "@everyone" },
    ...(guild.roles ?? []).filter((r) => r.id !== guild.id),
  ];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId ?? guild.members[0]?.id ?? bot.id,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: roles.map((role, index) => rolePayload(role, index)),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale ?? "en-US",
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: "2024-01-01T00:00:00.000000+00:00",
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members: members.map((user) => memberPayload(user)),
    channels: guild.channels.map((channel, index) => channelPayload(channel, guild.id, index)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    // Not read by discord.js, but Discord sends it and the bot may look at it in raw events.
    lazy: true,
    application_command_counts: { [applicationId]: 0 },
  };
}

/** Inputs of {@link messagePayload}. */
export interface MessageInit {
  channelId: string;
  guildId?: string | null;
  author: FakeUser;
  content?: string;
  id?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: unknown[];
  mentions?: FakeUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  /** Message type: 0 default, 19 reply, 20 chat input command. */
  type?: number;
  flags?: number;
  messageReference?: JsonObject | null;
  webhookId?: string;
  applicationId?: string;
}

/** A full message object as Discord returns it from REST and in MESSAGE_CREATE. */
export function messagePayload(init: MessageInit): JsonObject {
  const inGuild = init.guildId !== undefined && init.guildId !== null;
  const message: JsonObject = {
    id: init.id ?? nextSnowflake(),
    type: init.type ?? 0,
    channel_id: init.channelId,
    author: userPayload(init.author),
    content: init.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: init.mentionEveryone ?? false,
    mentions: (init.mentions ?? []).map((user) =>
      inGuild
        ? { ...userPayload(user), member: memberPayload(user, { withUser: false }) }
        : userPayload(user),
    ),
    mention_roles: init.mentionRoles ?? [],
    mention_channels: [],
    attachments: init.attachments ?? [],
    embeds: init.embeds ?? [],
    reactions: [],
    pinned: false,
    flags: init.flags ?? 0,
    components: init.components ?? [],
  };
  if (inGuild) {
    message.guild_id = init.guildId;
    if (init.webhookId === undefined) {
      message.member = memberPayload(init.author, { withUser: false });
    }
  }
  if (init.messageReference) message.message_reference = init.messageReference;
  if (init.webhookId !== undefined) message.webhook_id = init.webhookId;
  if (init.applicationId !== undefined) message.application_id = init.applicationId;
  return message;
}
