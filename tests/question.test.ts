import { describe, expect, it } from "vitest";
import { decideMessage, type IncomingMessage } from "../src/discord/messages.ts";
import { extractBotMention, readsAsQuestion } from "../src/discord/question.ts";

const BOT = "500000000000000005";
const ANSWER_CHANNEL = "700000000000000007";
const OTHER_CHANNEL = "800000000000000008";

describe("readsAsQuestion", () => {
  it.each([
    "how much will stargate invest?",
    "Musk said that?",
    "ماسك قال ذلك؟",
    "Who is Sam Altman",
    "what did musk say about softbank",
    "Is Stargate real",
    "  “Why did Musk sue OpenAI",
    "من هو سام ألتمان",
    "ماذا قال ماسك",
    "كم سيستثمر المشروع",
    "وهل رد ألتمان",
    "هَل بدأ البناء",
  ])("reads %j as a question", (text) => {
    expect(readsAsQuestion(text)).toBe(true);
  });

  it.each([
    "",
    "   ",
    "good morning everyone",
    "Musk clashes with Altman.",
    "lol",
    "whoever wins, we lose",
    "صباح الخير",
    "شكرا على الخبر",
  ])("does not read %j as a question", (text) => {
    expect(readsAsQuestion(text)).toBe(false);
  });
});

describe("extractBotMention", () => {
  it("finds <@id> and <@!id> mentions of the bot and removes them", () => {
    expect(extractBotMention(`<@${BOT}> who is musk?`, BOT)).toEqual({
      mentioned: true,
      text: "who is musk?",
    });
    expect(extractBotMention(`hey <@!${BOT}>  what is   stargate`, BOT)).toEqual({
      mentioned: true,
      text: "hey what is stargate",
    });
  });

  it("drops every other mention from the question, so it reads as asked", () => {
    expect(
      extractBotMention(
        `<@${BOT}> @everyone @here <@&123456789012345678> <#123456789012345679> who is musk?`,
        BOT,
      ),
    ).toEqual({ mentioned: true, text: "who is musk?" });
  });

  it("drops custom emoji, timestamps and command mentions, which are markup, not words", () => {
    expect(
      extractBotMention(
        `<@${BOT}> <:pepe_think:123456789012345678> when was it announced <t:1737504000:R> </ask:42> <a:wave:9>`,
        BOT,
      ),
    ).toEqual({ mentioned: true, text: "when was it announced" });
  });

  it("does not count another user, a role, or @everyone as a mention of the bot", () => {
    expect(extractBotMention("<@123456789012345678> who is musk?", BOT).mentioned).toBe(false);
    expect(extractBotMention(`<@&${BOT}> who?`, BOT).mentioned).toBe(false);
    expect(extractBotMention("@everyone who is musk?", BOT).mentioned).toBe(false);
  });
});

describe("decideMessage", () => {
  const message = (overrides: Partial<IncomingMessage>): IncomingMessage => ({
    content: "who is musk?",
    channelId: ANSWER_CHANNEL,
    authorId: "100000000000000001",
    authorIsBot: false,
    fromWebhookOrSystem: false,
    ...overrides,
  });
  const decide = (overrides: Partial<IncomingMessage>) =>
    decideMessage(message(overrides), BOT, [ANSWER_CHANNEL]);

  it("answers a mention anywhere, without asking for confidence", () => {
    expect(
      decide({ channelId: OTHER_CHANNEL, content: `<@${BOT}> tell me about stargate` }),
    ).toEqual({
      kind: "ask",
      question: "tell me about stargate",
      requireConfidence: false,
    });
  });

  it("gives a hint for a bare mention", () => {
    expect(decide({ content: `<@${BOT}>` })).toEqual({ kind: "hint" });
  });

  it("answers a question in an answer channel only when confident", () => {
    expect(decide({})).toEqual({ kind: "ask", question: "who is musk?", requireConfidence: true });
  });

  it("ignores chatter in an answer channel and questions elsewhere", () => {
    expect(decide({ content: "nice weather today" })).toEqual({ kind: "ignore" });
    expect(decide({ channelId: OTHER_CHANNEL })).toEqual({ kind: "ignore" });
  });

  it("ignores bots, webhooks, system messages and itself, even when they mention it", () => {
    const content = `<@${BOT}> who is musk?`;
    expect(decide({ content, authorIsBot: true })).toEqual({ kind: "ignore" });
    expect(decide({ content, fromWebhookOrSystem: true })).toEqual({ kind: "ignore" });
    expect(decide({ content, authorId: BOT })).toEqual({ kind: "ignore" });
  });
});
