import { escapeMarkdown } from "discord.js";

/** Zero-width space: keeps "@everyone" readable while Discord no longer parses it as a mention. */
const MENTION_BREAK = "\u200b";

/**
 * Breaks every mention form (`@everyone`, `@here`, `<@id>`, `<@&role>`) by separating the `@`
 * from what follows. `allowedMentions` already stops pings; this also stops the blue pill
 * that makes an echoed mention look like the bot meant it.
 */
export function neutraliseMentions(text: string): string {
  return text.replaceAll("@", `@${MENTION_BREAK}`);
}

/**
 * Makes text safe to show inside our own formatting: markdown (including masked links,
 * headings and lists) is shown literally and mentions are broken.
 */
export function escapeUserText(text: string): string {
  return neutraliseMentions(
    escapeMarkdown(text, {
      maskedLink: true,
      heading: true,
      bulletedList: true,
      numberedList: true,
    }),
  );
}
