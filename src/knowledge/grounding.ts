import { foldDigits } from "../text/normalize.ts";

/** Checks that keep every claim tied to the article's own words and figures. */

const WHITESPACE_RUN = /\s+/g;

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, " ").trim();
}

/** True when `snippet` is verbatim in `line`, allowing only whitespace runs to differ. */
export function isVerbatimIn(snippet: string, line: string): boolean {
  const needle = collapseWhitespace(snippet);
  return needle.length > 0 && collapseWhitespace(line).includes(needle);
}

const DIGIT_RUN = /\d+/g;

/** The figures in a text, Arabic-Indic digits read as ASCII ("١٠" → "10"); thousands separators are not joined. */
export function numbersIn(text: string): string[] {
  return (foldDigits(text).match(DIGIT_RUN) ?? []).map((n) => n.replace(/^0+(?=\d)/, ""));
}

/** The figures in `text` that appear in none of `lines`. */
export function ungroundedNumbers(text: string, lines: readonly string[]): string[] {
  const known = new Set(lines.flatMap(numbersIn));
  return [...new Set(numbersIn(text))].filter((n) => !known.has(n));
}
