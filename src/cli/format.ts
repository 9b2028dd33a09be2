import type { EngineResult } from "../engine/types.ts";

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
