import type { APIEmbed } from "discord.js";
import { renderAnswerEmbed } from "../discord/render.ts";
import type { EngineResult } from "../engine/types.ts";

/**
 * The Discord reply as terminal text: the chat prints the very embed the bot would send, so what
 * a curator sees offline is what members will see, truncation included.
 */
export function formatEmbedText(embed: APIEmbed): string {
  const lines = [embed.title ?? "", "", embed.description ?? ""];
  for (const field of embed.fields ?? []) lines.push("", field.name, field.value);
  if (embed.footer?.text) lines.push("", `— ${embed.footer.text}`);
  return lines.join("\n");
}

export function formatReplyText(result: EngineResult): string {
  const text = formatEmbedText(renderAnswerEmbed(result));
  if (result.suggestions.length === 0) return text;
  const menu = result.suggestions.map((s, i) => `  ${i + 1}. ${s.label}`);
  return `${text}\n\n${menu.join("\n")}`;
}
