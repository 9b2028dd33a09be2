import {
  type APIEmbed,
  type BaseMessageOptions,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import type { Logger } from "../logger.ts";
import { DISCORD_LIMITS, truncate } from "./limits.ts";
import type { MessageRow } from "./render.ts";

/** A reply as the bot means it; `sendReply` decides how Discord has to receive it. */
export interface ReplyPayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: MessageRow[];
  /** Only the person who asked sees it. */
  ephemeral?: boolean;
}

export type ReplyOutcome = "replied" | "edited" | "followed_up" | "failed";

/** No reply may ever ping anyone, whatever text it carries. */
export const NO_MENTIONS = { parse: [] } as const;

/**
 * The one way an interaction gets answered. Picks reply, editReply (after a deferReply) or
 * followUp (after a reply), never pings, and never throws: a failed send is logged and
 * reported as "failed". Component interactions are never `deferUpdate`d by this bot, so a
 * deferred interaction always has a pending reply to edit.
 */
export async function sendReply(
  interaction: RepliableInteraction,
  payload: ReplyPayload,
  logger: Logger,
): Promise<ReplyOutcome> {
  const message: BaseMessageOptions = { allowedMentions: NO_MENTIONS };
  if (payload.content !== undefined) {
    message.content = truncate(payload.content, DISCORD_LIMITS.messageContent);
  }
  if (payload.embeds !== undefined) message.embeds = payload.embeds;
  if (payload.components !== undefined) message.components = payload.components;
  const flags = payload.ephemeral ? MessageFlags.Ephemeral : undefined;
  try {
    if (interaction.deferred && !interaction.replied) {
      // Visibility was fixed by the deferral; an edit cannot change it.
      await interaction.editReply(message as InteractionEditReplyOptions);
      return "edited";
    }
    if (interaction.replied) {
      await interaction.followUp(withFlags(message, flags));
      return "followed_up";
    }
    await interaction.reply(withFlags(message, flags));
    return "replied";
  } catch (error) {
    logger.error("could not send a reply", {
      error,
      interactionId: interaction.id,
      userId: interaction.user.id,
      ...describeInteraction(interaction),
    });
    return "failed";
  }
}

function withFlags(
  message: BaseMessageOptions,
  flags: MessageFlags.Ephemeral | undefined,
): InteractionReplyOptions {
  return flags === undefined ? { ...message } : { ...message, flags };
}

/** The command name or component id, for logs. */
export function describeInteraction(
  interaction: RepliableInteraction,
): { command: string } | { customId: string } | Record<string, never> {
  if (interaction.isChatInputCommand()) return { command: interaction.commandName };
  if (interaction.isMessageComponent()) return { customId: interaction.customId };
  return {};
}
