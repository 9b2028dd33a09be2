import { randomBytes } from "node:crypto";
import { nextSnowflake } from "./ids.ts";
import {
  channelPayload,
  DEFAULT_PERMISSIONS,
  type FakeUser,
  type JsonObject,
  memberPayload,
  messagePayload,
  userPayload,
} from "./payloads.ts";
import { guildOfChannel, type KnownInteraction, type World } from "./world.ts";

/** One option of a slash command invocation, as the user filled it in. */
export interface CommandOptionInput {
  name: string;
  value?: string | number | boolean;
  /**
   * Discord option type; inferred from `value` when omitted (string 3, integer 4, number 10,
   * boolean 5) and 1 (subcommand) when `options` is given without a value.
   */
  type?: number;
  /** For autocomplete: the option being typed. Defaults to the last option with a value. */
  focused?: boolean;
  /** Nested options of a subcommand or subcommand group. */
  options?: CommandOptionInput[];
}

/** Fields every kind of interaction accepts. */
export interface InteractionCommon {
  /** Channel the interaction happens in; the first channel of the first guild by default. */
  channelId?: string;
  /** `null` makes it a DM interaction (user instead of member, no guild). */
  guildId?: string | null;
  /** Who invokes it; the default human user otherwise. */
  user?: FakeUser;
  locale?: string;
  guildLocale?: string;
  /** Permissions of the invoking member (decimal string). */
  memberPermissions?: string;
  /** Permissions of the bot in the channel (decimal string). */
  appPermissions?: string;
  /** Shallow-merged over the built payload last, for anything the helper does not model. */
  raw?: JsonObject;
}

/** What {@link buildInteraction} can build. */
export type InteractionInit = InteractionCommon &
  (
    | { kind: "command"; commandName: string; options?: CommandOptionInput[]; commandId?: string }
    | {
        kind: "autocomplete";
        commandName: string;
        options?: CommandOptionInput[];
        commandId?: string;
      }
    | { kind: "button"; customId: string; message?: JsonObject }
    | { kind: "select"; customId: string; values: string[]; message?: JsonObject }
  );

function inferType(option: CommandOptionInput): number {
  if (option.type !== undefined) return option.type;
  if (option.value === undefined) return 1;
  if (typeof option.value === "boolean") return 5;
  if (typeof option.value === "number") return Number.isInteger(option.value) ? 4 : 10;
  return 3;
}

function optionPayloads(
  options: CommandOptionInput[],
  focusedName: string | undefined,
): JsonObject[] {
  return options.map((option) => {
    const payload: JsonObject = { name: option.name, type: inferType(option) };
    if (option.value !== undefined) payload.value = option.value;
    if (option.options) payload.options = optionPayloads(option.options, focusedName);
    if (option.focused === true || (focusedName !== undefined && option.name === focusedName)) {
      payload.focused = true;
    }
    return payload;
  });
}

function lastValuedOption(options: CommandOptionInput[]): string | undefined {
  let found: string | undefined;
  for (const option of options) {
    if (option.options) found = lastValuedOption(option.options) ?? found;
    else if (option.value !== undefined) found = option.name;
  }
  return found;
}

function hasFocused(options: CommandOptionInput[]): boolean {
  return options.some(
    (o) => o.focused === true || (o.options !== undefined && hasFocused(o.options)),
  );
}

function commandId(world: World, name: string, guildId: string | null, explicit?: string): string {
  if (explicit !== undefined) return explicit;
  const guildCommands = guildId === null ? [] : (world.guildCommands.get(guildId) ?? []);
  const stored = [...guildCommands, ...world.globalCommands].find((c) => c.name === name);
  return typeof stored?.id === "string" ? stored.id : nextSnowflake();
}

function componentMessage(
  world: World,
  channelId: string,
  guildId: string | null,
  component: JsonObject,
) {
  return messagePayload({
    channelId,
    guildId,
    author: world.botUser,
    content: "",
    components: [{ type: 1, id: 1, components: [component] }],
    applicationId: world.applicationId,
  });
}

/**
 * Builds a complete INTERACTION_CREATE payload (with every field discord.js 14 reads) and
 * registers it so the REST side can validate callbacks and follow-ups for its token.
 */
export function buildInteraction(
  world: World,
  init: InteractionInit,
): KnownInteraction & { payload: JsonObject } {
  const defaultGuild = world.guilds[0];
  const guildId = init.guildId === undefined ? (defaultGuild?.id ?? null) : init.guildId;
  const user = init.user ?? world.humanUser;
  const channelId =
    init.channelId ??
    (guildId === null
      ? nextSnowflake()
      : (world.guilds.find((g) => g.id === guildId)?.channels[0]?.id ?? nextSnowflake()));
  const guild = guildId === null ? undefined : (guildOfChannel(world, channelId) ?? defaultGuild);
  const id = nextSnowflake();
  const token = `fake-${randomBytes(24).toString("base64url")}`;

  let type: number;
  let data: JsonObject;
  let message: JsonObject | undefined;
  switch (init.kind) {
    case "command":
    case "autocomplete": {
      type = init.kind === "command" ? 2 : 4;
      const options = init.options ?? [];
      const focused =
        init.kind === "autocomplete" && !hasFocused(options)
          ? lastValuedOption(options)
          : undefined;
      data = {
        id: commandId(world, init.commandName, guildId, init.commandId),
        name: init.commandName,
        type: 1,
        options: optionPayloads(options, focused),
      };
      if (init.kind === "command") data.resolved = {};
      if (guildId !== null) data.guild_id = guildId;
      break;
    }
    case "button":
      type = 3;
      data = { custom_id: init.customId, component_type: 2 };
      message =
        init.message ??
        componentMessage(world, channelId, guildId, {
          type: 2,
          id: 2,
          style: 1,
          label: "Button",
          custom_id: init.customId,
        });
      break;
    case "select":
      type = 3;
      data = { custom_id: init.customId, component_type: 3, values: init.values };
      message =
        init.message ??
        componentMessage(world, channelId, guildId, {
          type: 3,
          id: 2,
          custom_id: init.customId,
          options: init.values.map((value) => ({ label: value, value })),
          min_values: 1,
          max_values: Math.max(1, init.values.length),
        });
      break;
  }

  const payload: JsonObject = {
    id,
    application_id: world.applicationId,
    type,
    data,
    token,
    version: 1,
    app_permissions: init.appPermissions ?? DEFAULT_PERMISSIONS,
    locale: init.locale ?? "en-US",
    entitlements: [],
    attachment_size_limit: 10_485_760,
    channel_id: channelId,
  };
  if (guildId === null) {
    payload.channel = {
      id: channelId,
      type: 1,
      flags: 0,
      last_message_id: null,
      recipients: [userPayload(user)],
    };
    payload.user = userPayload(user);
    payload.context = 1;
    payload.authorizing_integration_owners = { "1": user.id };
  } else {
    const channel = guild?.channels.find((c) => c.id === channelId);
    payload.guild_id = guildId;
    payload.guild = { id: guildId, locale: guild?.preferredLocale ?? "en-US", features: [] };
    payload.guild_locale = init.guildLocale ?? guild?.preferredLocale ?? "en-US";
    payload.channel = channel
      ? channelPayload(channel, guildId, guild?.channels.indexOf(channel) ?? 0)
      : { id: channelId, type: 0, guild_id: guildId, name: "unknown", flags: 0 };
    payload.member = memberPayload(user, {
      permissions: init.memberPermissions ?? DEFAULT_PERMISSIONS,
    });
    payload.context = 0;
    payload.authorizing_integration_owners = { "0": guildId };
  }
  if (message) {
    payload.message = message;
    world.messages.set(String(message.id), message);
  }
  Object.assign(payload, init.raw);

  const known: KnownInteraction = {
    id,
    token,
    type,
    guildId,
    channelId,
    acknowledged: false,
    sentAt: Date.now(),
    message,
  };
  world.interactions.set(id, known);
  return { ...known, payload };
}

/**
 * Registers an INTERACTION_CREATE that a test dispatched raw, so its callback is accepted too.
 */
export function registerRawInteraction(world: World, d: unknown): void {
  if (typeof d !== "object" || d === null) return;
  const raw = d as JsonObject;
  if (typeof raw.id !== "string" || typeof raw.token !== "string" || world.interactions.has(raw.id))
    return;
  world.interactions.set(raw.id, {
    id: raw.id,
    token: raw.token,
    type: typeof raw.type === "number" ? raw.type : 2,
    guildId: typeof raw.guild_id === "string" ? raw.guild_id : null,
    channelId: typeof raw.channel_id === "string" ? raw.channel_id : "",
    acknowledged: false,
    sentAt: Date.now(),
    message:
      typeof raw.message === "object" && raw.message !== null
        ? (raw.message as JsonObject)
        : undefined,
  });
}
