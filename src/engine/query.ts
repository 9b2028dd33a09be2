import { readArabizi } from "../text/arabizi.ts";
import { detectLang, tokenize } from "../text/normalize.ts";
import type { Lang, QueryOptions } from "./types.ts";

/** Longest query we accept; longer text is rarely a question and slows fuzzy matching for everyone. */
export const MAX_QUERY_LENGTH = 300;

export type ParsedQuery =
  /**
   * `raw`: the text every reading starts from, trimmed, without links or a thread's post number,
   * and with Arabizi in Arabic script.
   */
  | { ok: true; raw: string; lang: Lang; tokens: string[] }
  | { ok: false; lang: Lang; error: { en: string; ar: string } };

/**
 * "1/ so what even is Stargate": readers who post in threads number each post, and may greet
 * first. The number is no figure of the question's ("1/2 of the money" is).
 */
const THREAD_NUMBER = /(^|\s)\d{1,2}\/(?=\s+[^\s\d])/g;

/**
 * "who owns the texas site? https://apnews.com/…": a link says where the reader read the story, not
 * what they ask, and its words ("https", "apnews", "article") would weigh against every phrasing.
 */
const LINK = /(?:https?:\/\/|www\.)\S+/gi;

/**
 * Checks the input limits and normalises the query once for every index that needs it.
 * `spellArabizi` gives the store's word for an Arabizi word no list holds (arabizi-spelling.ts).
 */
export function parseQuery(
  input: unknown,
  options: QueryOptions = {},
  spellArabizi?: (word: string) => string | undefined,
): ParsedQuery {
  const raw = typeof input === "string" ? input.trim() : "";
  const lang = options.lang ?? detectLang(raw);
  if (raw.length === 0) {
    return {
      ok: false,
      lang,
      error: {
        en: "The query is empty: type a question or a name.",
        ar: "الاستعلام فارغ: اكتب سؤالًا أو اسمًا.",
      },
    };
  }
  if (raw.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      lang,
      error: {
        en: `The query is too long (${raw.length} characters); keep it under ${MAX_QUERY_LENGTH}.`,
        ar: `الاستعلام طويل جدًا (${raw.length} حرفًا)؛ الحد الأقصى ${MAX_QUERY_LENGTH} حرف.`,
      },
    };
  }
  const unlinked = raw.replace(LINK, " ").trim();
  const text = readArabizi(unlinked.replace(THREAD_NUMBER, "$1"), spellArabizi);
  const tokens = tokenize(text);
  if (tokens.length === 0 && unlinked !== raw) {
    return {
      ok: false,
      lang,
      error: {
        en: "A link alone is no question: type a question or a name.",
        ar: "الرابط وحده ليس سؤالًا: اكتب سؤالًا أو اسمًا.",
      },
    };
  }
  // "Thank you!", "good evening": words, each read as a courtesy that asks nothing.
  if (tokens.length === 0 && /[\p{L}\p{N}]/u.test(text)) {
    return {
      ok: false,
      lang,
      error: {
        en: "That asks nothing about the story: type a question or a name.",
        ar: "هذا لا يسأل عن شيء في الخبر: اكتب سؤالًا أو اسمًا.",
      },
    };
  }
  if (tokens.length === 0) {
    return {
      ok: false,
      lang,
      error: {
        en: "The query has no letters or digits to search for.",
        ar: "لا يحتوي الاستعلام على حروف أو أرقام للبحث عنها.",
      },
    };
  }
  return { ok: true, raw: text, lang, tokens };
}
