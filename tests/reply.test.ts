import { MessageFlags, type RepliableInteraction } from "discord.js";
import { describe, expect, it, vi } from "vitest";
import { sendReply } from "../src/discord/reply.ts";
import { createLogger } from "../src/logger.ts";

function setup(state: { replied?: boolean; deferred?: boolean; fail?: boolean } = {}) {
  const calls: { method: string; options: Record<string, unknown> }[] = [];
  const record = (method: string) =>
    vi.fn(async (options: Record<string, unknown>) => {
      calls.push({ method, options });
      if (state.fail) throw new Error("Unknown interaction");
    });
  const interaction = {
    id: "900000000000000001",
    user: { id: "100000000000000001" },
    replied: state.replied ?? false,
    deferred: state.deferred ?? false,
    reply: record("reply"),
    editReply: record("editReply"),
    followUp: record("followUp"),
    isChatInputCommand: () => true,
    isMessageComponent: () => false,
    commandName: "who",
  } as unknown as RepliableInteraction;
  const logs: string[] = [];
  const logger = createLogger({ level: "debug", write: (line) => logs.push(line) });
  return { interaction, calls, logs, logger };
}

describe("sendReply", () => {
  it("replies to a fresh interaction, ephemeral through the flag, pinging no one", async () => {
    const { interaction, calls, logger } = setup();
    const outcome = await sendReply(
      interaction,
      { content: "hi @everyone", ephemeral: true },
      logger,
    );
    expect(outcome).toBe("replied");
    expect(calls).toEqual([
      {
        method: "reply",
        options: {
          content: "hi @everyone",
          allowedMentions: { parse: [] },
          flags: MessageFlags.Ephemeral,
        },
      },
    ]);
  });

  it("replies publicly without any flags when not ephemeral", async () => {
    const { interaction, calls, logger } = setup();
    await sendReply(interaction, { embeds: [{ title: "Musk" }], components: [] }, logger);
    expect(calls[0]?.options).toEqual({
      embeds: [{ title: "Musk" }],
      components: [],
      allowedMentions: { parse: [] },
    });
  });

  it("edits the deferred reply instead of replying twice", async () => {
    const { interaction, calls, logger } = setup({ deferred: true });
    expect(await sendReply(interaction, { content: "done", ephemeral: true }, logger)).toBe(
      "edited",
    );
    expect(calls).toEqual([
      { method: "editReply", options: { content: "done", allowedMentions: { parse: [] } } },
    ]);
  });

  it("follows up when a reply was already sent", async () => {
    const { interaction, calls, logger } = setup({ replied: true, deferred: true });
    expect(await sendReply(interaction, { content: "more", ephemeral: true }, logger)).toBe(
      "followed_up",
    );
    expect(calls).toEqual([
      {
        method: "followUp",
        options: { content: "more", allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral },
      },
    ]);
  });

  it("clips content to Discord's 2000 characters", async () => {
    const { interaction, calls, logger } = setup();
    await sendReply(interaction, { content: "word ".repeat(1000) }, logger);
    const content = calls[0]?.options.content as string;
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content.endsWith("…")).toBe(true);
  });

  it("logs a failed send with the command and user, and does not throw", async () => {
    const { interaction, logs, logger } = setup({ fail: true });
    expect(await sendReply(interaction, { content: "x" }, logger)).toBe("failed");
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0] ?? "{}")).toMatchObject({
      level: "error",
      command: "who",
      userId: "100000000000000001",
      error: { message: "Unknown interaction" },
    });
  });
});
