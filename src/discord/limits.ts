/**
 * Discord's size limits, in one place. Every builder truncates against these rather than
 * letting Discord reject the message with a 400 the user never sees.
 */
export const DISCORD_LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedFooterText: 2048,
  /** Title, description, field names and values, footer and author name, summed over a message. */
  embedTotal: 6000,
  messageContent: 2000,
  autocompleteChoices: 25,
  autocompleteChoiceName: 100,
  autocompleteChoiceValue: 100,
  /** Discord shows "The application did not respond" after this. */
  firstResponseMs: 3000,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  actionRows: 5,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
} as const;

/** Appended to anything cut short, so readers know there is more. */
export const TRUNCATION_MARK = "…";

/** Cuts further back than this share of the budget are not worth a clean word break. */
const MIN_WORD_BREAK_SHARE = 0.6;

export interface Truncated {
  text: string;
  truncated: boolean;
}

/**
 * Fits `text` into `max` characters (UTF-16 units, which never undercounts Discord's limit),
 * cutting at the last word boundary and ending with `TRUNCATION_MARK` when it had to cut.
 */
export function truncateText(text: string, max: number): Truncated {
  if (text.length <= max) return { text, truncated: false };
  if (max <= TRUNCATION_MARK.length)
    return { text: TRUNCATION_MARK.slice(0, max), truncated: true };

  const budget = max - TRUNCATION_MARK.length;
  let cut = text.slice(0, budget);
  const nextIsSpace = /\s/.test(text.charAt(budget));
  if (!nextIsSpace) {
    const lastSpace = lastWhitespaceIndex(cut);
    if (lastSpace >= budget * MIN_WORD_BREAK_SHARE) cut = cut.slice(0, lastSpace);
  }
  cut = cut.trimEnd();
  if (isHighSurrogate(cut.charCodeAt(cut.length - 1))) cut = cut.slice(0, -1);
  // A lone trailing backslash would escape the mark instead of showing it.
  cut = cut.replace(/\\+$/, "");
  return { text: `${cut}${TRUNCATION_MARK}`, truncated: true };
}

/** `truncateText` for callers that only need the string. */
export function truncate(text: string, max: number): string {
  return truncateText(text, max).text;
}

function lastWhitespaceIndex(text: string): number {
  for (let index = text.length - 1; index >= 0; index -= 1) {
    if (/\s/.test(text.charAt(index))) return index;
  }
  return -1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
