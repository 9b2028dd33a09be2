/**
 * Decides whether a channel message reads as a question. Only used in answer channels, where
 * a wrong "yes" costs little (the engine must still be confident) and a wrong "no" costs an
 * answer, so it leans towards yes.
 */

const ENGLISH_QUESTION_WORDS = new Set([
  "who",
  "whom",
  "whose",
  "what",
  "when",
  "where",
  "which",
  "why",
  "how",
  "is",
  "are",
  "was",
  "were",
  "do",
  "does",
  "did",
  "can",
  "could",
  "will",
  "would",
  "should",
  "has",
  "have",
  "had",
]);

/** Interrogatives, also with the conjunctions و and ف attached as Arabic writes them. */
const ARABIC_QUESTION_WORDS = new Set(
  [
    "من",
    "مَن",
    "ما",
    "ماذا",
    "متى",
    "أين",
    "اين",
    "لماذا",
    "لم",
    "كيف",
    "كم",
    "هل",
    "أي",
    "أيّ",
    "اي",
  ].flatMap((word) => [word, `و${word}`, `ف${word}`]),
);

const QUESTION_MARKS = /[?؟]\s*$/u;
const LEADING_NOISE = /^[\s"'“”«»(\-–—…:,،]+/u;
const ARABIC_DIACRITICS = /[\u064B-\u0652\u0640]/g;

export function readsAsQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "") return false;
  if (QUESTION_MARKS.test(trimmed)) return true;
  const firstWord = trimmed.replace(LEADING_NOISE, "").split(/[\s,،.!:]+/u)[0] ?? "";
  if (ENGLISH_QUESTION_WORDS.has(firstWord.toLowerCase())) return true;
  return ARABIC_QUESTION_WORDS.has(firstWord.replace(ARABIC_DIACRITICS, ""));
}

export interface MentionedText {
  /** The message addresses the bot with a real `<@id>` mention, not a reply ping or @everyone. */
  mentioned: boolean;
  /** The question without any mentions, whitespace collapsed. */
  text: string;
}

/**
 * User, role, channel and command mentions, @everyone/@here, custom emoji and timestamps: never
 * part of a question about the story. As typed, "<:pepe_think:1234>" would be read as the words
 * "pepe think 1234", which the store never uses, and cost the question its answer.
 */
const DISCORD_MARKUP =
  /<@[!&]?\d+>|<#\d+>|<\/[\w -]+:\d+>|<a?:\w+:\d+>|<t:-?\d+(?::[tTdDfFR])?>|@(?:everyone|here)\b/g;

/** The text without Discord's markup, whitespace collapsed. */
export function withoutDiscordMarkup(text: string): string {
  return text.replace(DISCORD_MARKUP, " ").replace(/\s+/g, " ").trim();
}

export function extractBotMention(content: string, botUserId: string): MentionedText {
  const mentioned = new RegExp(`<@!?${botUserId}>`).test(content);
  return { mentioned, text: withoutDiscordMarkup(content) };
}
