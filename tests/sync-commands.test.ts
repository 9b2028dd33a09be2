import type { REST } from "discord.js";
import { describe, expect, it } from "vitest";
import { commandPayloads } from "../commands/index.ts";
import { normaliseCommand, sameCommands, syncCommands } from "../src/discord/sync-commands.ts";

/** What Discord sends back for a command we PUT: ids, version, and every default spelled out. */
function asDiscordReturnsIt(command: object, index: number): object {
  const withDefaults = (option: Record<string, unknown>): Record<string, unknown> => ({
    ...option,
    description_localizations: null,
    name_localizations: null,
    ...(Array.isArray(option.options)
      ? { options: (option.options as Record<string, unknown>[]).map(withDefaults) }
      : {}),
  });
  const raw = command as Record<string, unknown>;
  return {
    id: `10000000000000000${index}`,
    application_id: "500000000000000005",
    guild_id: "600000000000000006",
    version: "1300000000000000000",
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    type: 1,
    ...raw,
    name_localizations: null,
    description_localizations: {},
    options: ((raw.options as Record<string, unknown>[] | undefined) ?? []).map(withDefaults),
  };
}

function fakeRest(registered: unknown[]) {
  const calls: { method: string; route: string; body?: unknown }[] = [];
  const rest = {
    get: async (route: string) => {
      calls.push({ method: "GET", route });
      return registered;
    },
    put: async (route: string, options: { body: unknown }) => {
      calls.push({ method: "PUT", route, body: options.body });
      return options.body;
    },
  } as unknown as REST;
  return { rest, calls };
}

describe("sameCommands", () => {
  const local = commandPayloads();
  const remote = local.map(asDiscordReturnsIt);

  it("sees no difference in what Discord returns for our own commands, in any order", () => {
    expect(sameCommands([...remote].reverse(), local)).toBe(true);
  });

  it("sees a changed description, a missing command, or reordered options", () => {
    const changed = remote.map((command, index) =>
      index === 0 ? { ...command, description: "Something else" } : command,
    );
    expect(sameCommands(changed, local)).toBe(false);
    expect(sameCommands(remote.slice(1), local)).toBe(false);
    const reordered = remote.map((command, index) => {
      const options = (command as { options: unknown[] }).options;
      return index === 0 ? { ...command, options: [...options].reverse() } : command;
    });
    expect(sameCommands(reordered, local)).toBe(false);
  });

  it("fills in Discord's defaults when normalising", () => {
    expect(normaliseCommand({ name: "x", description: "y" })).toMatchObject({
      type: 1,
      options: [],
      nsfw: false,
      default_member_permissions: null,
      name_localizations: null,
    });
  });
});

describe("syncCommands", () => {
  it("PUTs to the guild when the registered commands differ", async () => {
    const { rest, calls } = fakeRest([]);
    const result = await syncCommands({
      rest,
      applicationId: "500000000000000005",
      guildId: "600000000000000006",
      commands: commandPayloads(),
    });
    expect(result).toEqual({ action: "updated", scope: "guild", count: 6 });
    expect(calls.map((call) => `${call.method} ${call.route}`)).toEqual([
      "GET /applications/500000000000000005/guilds/600000000000000006/commands",
      "PUT /applications/500000000000000005/guilds/600000000000000006/commands",
    ]);
    expect(calls[1]?.body).toEqual(commandPayloads());
  });

  it("only reads, globally, when nothing changed", async () => {
    const { rest, calls } = fakeRest(commandPayloads().map(asDiscordReturnsIt));
    const result = await syncCommands({
      rest,
      applicationId: "500000000000000005",
      commands: commandPayloads(),
    });
    expect(result).toEqual({ action: "unchanged", scope: "global", count: 6 });
    expect(calls.map((call) => `${call.method} ${call.route}`)).toEqual([
      "GET /applications/500000000000000005/commands",
    ]);
  });
});
