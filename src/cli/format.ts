import type { EngineResult } from "../engine/types.ts";

/** Terminal rendering of an engine result: the same content the Discord embed shows, as plain text. */
export function formatResultText(result: EngineResult): string {
  const lines = [result.title, "", result.text];
  if (result.citations.length > 0) {
    lines.push("");
    for (const c of result.citations) {
      lines.push(`¶${c.paragraph}  ${c.text}`);
      if (c.translation) lines.push(`     ${c.translation}`);
    }
  }
  if (result.suggestions.length > 0) {
    lines.push("");
    result.suggestions.forEach((s, i) => {
      lines.push(`  ${i + 1}. ${s.label}`);
    });
  }
  return lines.join("\n");
}

/** The JSON contract other tools rely on: fixed key order, nothing Discord-specific. */
export function formatResultJson(result: EngineResult): string {
  const { status, lang, title, text, citations, suggestions, confidence, ref, error } = result;
  return JSON.stringify({
    status,
    lang,
    title,
    text,
    citations,
    suggestions,
    confidence,
    ref,
    error,
  });
}
