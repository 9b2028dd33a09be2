import type { Message, MessageReplyOptions } from "discord.js";
import type { CommandContext } from "./command.ts";
import { extractBotMention, readsAsQuestion } from "./question.ts";
import type { Cooldowns } from "./rate-limit.ts";
import { renderAnswer } from "./render.ts";

export interface MessageContext extends CommandContext {
  cooldowns: Cooldowns;
  botUserId: string;
}

/**
 * In answer channels the bot speaks unasked, so it only does when the engine is this sure;
 * a wrong answer there costs more than silence.
 */
export const CHANNEL_ANSWER_MIN_CONFIDENCE = 0.7;

export const RATE_LIMITED_REACTION = "⏳";

const EMPTY_MENTION_REPLY =
  "Ask me about the story in the same message, e.g. “@Story Desk who is Sam Altman?”, or try /help.";

/** What to do with one channel message; pure, so the rules can be tested without Discord. */
export type MessageDecision =
  | { kind: "ignore" }
  | { kind: "hint" }
  | { kind: "ask"; question: string; requireConfidence: boolean };

export interface IncomingMessage {
  content: string;
  channelId: string;
  authorId: string;
  authorIsBot: boolean;
  /** Webhook and system messages are not people asking. */
  fromWebhookOrSystem: boolean;
}

export function decideMessage(
  message: IncomingMessage,
  botUserId: string,
  answerChannelIds: readonly string[],
): MessageDecision {
  if (message.authorIsBot || message.fromWebhookOrSystem || message.authorId === botUserId) {
    return { kind: "ignore" };
  }
  const { mentioned, text } = extractBotMention(message.content, botUserId);
  if (mentioned)
    return text === ""
      ? { kind: "hint" }
      : { kind: "ask", question: text, requireConfidence: false };
  if (answerChannelIds.includes(message.channelId) && readsAsQuestion(text)) {
    return { kind: "ask", question: text, requireConfidence: true };
  }
  return { kind: "ignore" };
}

/** Answers a channel message when it asks the bot something; never rejects. */
export async function handleMessage(message: Message, context: MessageContext): Promise<void> {
  const decision = decideMessage(
    {
      content: message.content,
      channelId: message.channelId,
      authorId: message.author.id,
      authorIsBot: message.author.bot,
      fromWebhookOrSystem: message.webhookId !== null || message.system,
    },
    context.botUserId,
    context.config.answerChannelIds,
  );
  if (decision.kind === "ignore") return;

  let reply: MessageReplyOptions;
  if (decision.kind === "hint") {
    reply = { content: EMPTY_MENTION_REPLY };
  } else {
    const result = context.engine.ask(decision.question);
    const confident =
      result.status === "answered" && result.confidence >= CHANNEL_ANSWER_MIN_CONFIDENCE;
    if (decision.requireConfidence && !confident) {
      context.logger.debug("staying quiet on an unsure channel question", {
        channelId: message.channelId,
        status: result.status,
        confidence: result.confidence,
      });
      return;
    }
    reply = renderAnswer(result);
  }

  if (!(await passCooldowns(message, context))) return;
  try {
    await message.reply({ ...reply, allowedMentions: { parse: [], repliedUser: false } });
  } catch (error) {
    context.logger.error("could not reply to a message", {
      error,
      messageId: message.id,
      channelId: message.channelId,
      userId: message.author.id,
    });
  }
}

/** A refused message gets one reaction per window, so a spammer cannot make the bot spam. */
async function passCooldowns(message: Message, context: MessageContext): Promise<boolean> {
  const byUser = context.cooldowns.user.take(message.author.id);
  const verdict = byUser.allowed ? context.cooldowns.channel.take(message.channelId) : byUser;
  if (verdict.allowed) return true;
  if (verdict.notify) {
    context.logger.info("message rate limited", {
      channelId: message.channelId,
      userId: message.author.id,
    });
    try {
      await message.react(RATE_LIMITED_REACTION);
    } catch (error) {
      context.logger.warn("could not add the rate-limit reaction", {
        error,
        messageId: message.id,
      });
    }
  }
  return false;
}
