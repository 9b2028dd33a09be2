import { tokenize } from "./normalize.ts";

/** A word list written as plain text, read as the tokens queries are compared in. */
export function wordSet(list: string): ReadonlySet<string> {
  return new Set(tokenize(list));
}

/** One word as the token queries are compared in. */
export function word(text: string): string {
  return tokenize(text)[0] ?? "";
}

/** Skipped before a name: "the Microsoft CEO". */
export const THE = word("the");
/** "According to Musk"; after a verb of holding, "have to" holds nothing. */
export const TO = word("to");
