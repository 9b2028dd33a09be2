import { type REST, Routes } from "discord.js";

export interface SyncRequest {
  rest: REST;
  applicationId: string;
  /** Register to this guild (instant) instead of globally. */
  guildId?: string;
  commands: readonly object[];
}

export interface SyncResult {
  action: "unchanged" | "updated";
  scope: "guild" | "global";
  count: number;
}

/**
 * Makes Discord's registered commands match ours: fetches them, compares, and PUTs only on a
 * difference, so restarts do not burn Discord's daily command-creation limit.
 */
export async function syncCommands(request: SyncRequest): Promise<SyncResult> {
  const route = request.guildId
    ? Routes.applicationGuildCommands(request.applicationId, request.guildId)
    : Routes.applicationCommands(request.applicationId);
  const scope = request.guildId ? "guild" : "global";
  const registered = (await request.rest.get(route)) as unknown;
  if (Array.isArray(registered) && sameCommands(registered, request.commands)) {
    return { action: "unchanged", scope, count: request.commands.length };
  }
  await request.rest.put(route, { body: request.commands });
  return { action: "updated", scope, count: request.commands.length };
}

/** Whether two command lists mean the same to Discord, ignoring order and server-side fields. */
export function sameCommands(registered: readonly unknown[], local: readonly unknown[]): boolean {
  if (registered.length !== local.length) return false;
  const canonical = (list: readonly unknown[]) =>
    list
      .map((command) => JSON.stringify(normaliseCommand(command)))
      .sort()
      .join("\n");
  return canonical(registered) === canonical(local);
}

type Json = Record<string, unknown>;

const asRecord = (value: unknown): Json =>
  typeof value === "object" && value !== null ? (value as Json) : {};

/**
 * Keeps the fields we set, with Discord's defaults filled in, in a fixed key order. Fields
 * Discord adds (id, version, application_id, guild_id, dm_permission) are dropped.
 */
export function normaliseCommand(value: unknown): Json {
  const command = asRecord(value);
  return {
    type: command.type ?? 1,
    name: command.name,
    description: command.description ?? "",
    name_localizations: normaliseLocalizations(command.name_localizations),
    description_localizations: normaliseLocalizations(command.description_localizations),
    options: normaliseOptions(command.options),
    default_member_permissions: command.default_member_permissions ?? null,
    nsfw: command.nsfw ?? false,
    contexts: sortedOrNull(command.contexts),
    integration_types: sortedOrNull(command.integration_types),
  };
}

function normaliseOptions(value: unknown): Json[] {
  if (!Array.isArray(value)) return [];
  // Option order is what users see in the client, so it is compared as is.
  return value.map((raw) => {
    const option = asRecord(raw);
    return {
      type: option.type,
      name: option.name,
      description: option.description ?? "",
      name_localizations: normaliseLocalizations(option.name_localizations),
      description_localizations: normaliseLocalizations(option.description_localizations),
      required: option.required ?? false,
      autocomplete: option.autocomplete ?? false,
      choices: Array.isArray(option.choices)
        ? option.choices.map((choice) => {
            const entry = asRecord(choice);
            return {
              name: entry.name,
              value: entry.value,
              name_localizations: normaliseLocalizations(entry.name_localizations),
            };
          })
        : [],
      options: normaliseOptions(option.options),
      channel_types: sortedOrNull(option.channel_types) ?? [],
      min_value: option.min_value ?? null,
      max_value: option.max_value ?? null,
      min_length: option.min_length ?? null,
      max_length: option.max_length ?? null,
    };
  });
}

function normaliseLocalizations(value: unknown): Json | null {
  const entries = Object.entries(asRecord(value)).filter(
    ([, text]) => text !== null && text !== undefined,
  );
  if (entries.length === 0) return null;
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

function sortedOrNull(value: unknown): unknown[] | null {
  if (!Array.isArray(value)) return null;
  return [...value].sort();
}
