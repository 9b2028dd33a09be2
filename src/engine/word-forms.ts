import { ARABIC_TOKEN, LATIN_TOKEN } from "../text/token-scripts.ts";
import type { FuzzyHit } from "./fuzzy-terms.ts";

/**
 * Other forms of a word, each as sure as the change it takes: a clitic cut off (0.85), the
 * accusative alif (0.95), a tense prefix or an inflection ending (0.8), an English ending (0.9).
 * The ranker cuts clitics off unknown words only, so no known word is read as another; a known
 * word keeps its own match and also meets its other forms.
 */

/** The store's words: whether it has one, and which of them a typed word may be a typo of. */
export interface KnownWords {
  has(term: string): boolean;
  lookup(word: string): readonly FuzzyHit[];
}

/** A known word found by cutting clitics off an unknown one is nearly as good as the word itself. */
const CLITIC_SIMILARITY = 0.85;
// Longest first within each list, so "وس" is tried before "و". Dialects add "عال" ("على ال":
// "عالطاقة") and "هال" ("this": "هالمصاري").
const ARABIC_PREFIXES = ["عال", "هال", "وس", "فس", "وب", "ول", "و", "ف", "ب", "ل", "س", "ك"];
/**
 * The dialect future, "ه" or "ح", comes only before a present-tense verb, and may follow "and":
 * "هيملك", "حيبني", "وهيطور".
 */
const DIALECT_FUTURE = /^[وف]?[هح](?=[يتن])/;
/** What may stand before the stem: nothing, or one of the prefixes. */
const BEFORE_STEM = ["", ...ARABIC_PREFIXES];
/** The last, "و", is "his" in Levantine and Maghrebi ("كلامو", "ديالو"), as "ه" is elsewhere. */
const ARABIC_SUFFIXES = ["هما", "ها", "هم", "كم", "نا", "ه", "ي", "ك", "و"];

/**
 * An Arabic word without the conjunction, preposition or future prefix before it or the pronoun
 * after it ("ستستثمره" → "ستستثمر", one letter from "سيستثمر"), matched exactly or as a typo.
 */
export function cliticFree(token: string, known: KnownWords): FuzzyHit[] {
  if (!ARABIC_TOKEN.test(token)) return [];
  const best = new Map<string, number>();
  const keep = (term: string, similarity: number) =>
    best.set(term, Math.max(best.get(term) ?? 0, similarity));
  const future = DIALECT_FUTURE.exec(token)?.[0];
  for (const prefix of future ? [...BEFORE_STEM, future] : BEFORE_STEM) {
    if (!token.startsWith(prefix)) continue;
    for (const suffix of ["", ...ARABIC_SUFFIXES]) {
      if (prefix + suffix === "" || !token.endsWith(suffix)) continue;
      const stem = token.slice(prefix.length, token.length - suffix.length);
      if (stem.length < 3) continue;
      // A final hamza takes a seat before a pronoun, which the normaliser reads as ي or و:
      // "بنائه" is "بناء" and "شركاؤها" "شركاء".
      const seated = suffix && /ا[يو]$/.test(stem) ? [stem, `${stem.slice(0, -1)}ء`] : [stem];
      for (const bare of seated) {
        if (known.has(bare)) keep(bare, CLITIC_SIMILARITY);
        else for (const h of known.lookup(bare)) keep(h.term, h.similarity * CLITIC_SIMILARITY);
      }
    }
  }
  return [...best].map(([term, similarity]) => ({ term, similarity }));
}

const TANWEEN_SIMILARITY = 0.95;

/**
 * "رمزاً" loses its tanween to normalisation and keeps its alif: "رمزا" is "رمز" in the accusative,
 * so each spelling stands for the other, known or not. Tried on every word of every question, so
 * it allocates nothing when there is nothing to find.
 */
export function accusativeVariant(token: string, known: KnownWords): FuzzyHit | undefined {
  if (!ARABIC_TOKEN.test(token)) return undefined;
  const stem = token.endsWith("ا") ? token.slice(0, -1) : token;
  // Below three letters the alif is the word's own ("ما", "لا").
  if (stem.length < 3) return undefined;
  const other = stem === token ? `${token}ا` : stem;
  return known.has(other) ? { term: other, similarity: TANWEEN_SIMILARITY } : undefined;
}

const FINAL_ALIF_SIMILARITY = 0.9;

/**
 * "دعى" is a common misspelling of "دعا": the final alif written as alif maqsura, which the
 * normaliser reads as "ي". An unknown word ending so meets the known word ending in alif.
 */
export function finalAlifVariant(token: string, known: KnownWords): FuzzyHit | undefined {
  if (!ARABIC_TOKEN.test(token) || token.length < 3 || !token.endsWith("ي")) return undefined;
  const other = `${token.slice(0, -1)}ا`;
  return known.has(other) ? { term: other, similarity: FINAL_ALIF_SIMILARITY } : undefined;
}

/** Another form of an Arabic word: the same word, but not as sure as a clitic cut off. */
const STEM_SIMILARITY = 0.8;
/**
 * Standard tense prefixes, and the dialects' present ("بيلعب", "بتدفع") and future, Egyptian
 * ("هيبني") and Sudanese or Levantine ("حيستثمروا").
 */
const VERB_PREFIXES = "سي ست سن بي بت بن هي هت هن حي حت حن ي ت ن ا".split(" ");
/** Pronouns after the ending: "شريكتها" is "شريكة" and "her". The lone "ه" is read as an ending. */
const PRONOUNS = ["هما", "ها", "هم", "كم", "نا"];
/** The last, "و" alone, is how dialects write the plural "وا" ("قالو", "اشتغلو"). */
const INFLECTION_SUFFIXES = ["ون", "ين", "ان", "وا", "ات", "ت", "ة", "ه", "ا", "و"];

/**
 * A light Arabic stem: one tense prefix, one pronoun and one inflection ending off, keeping three
 * letters at least, so the forms of one verb or noun meet. Undefined for anything else.
 */
export function arabicStem(word: string): string | undefined {
  if (!ARABIC_TOKEN.test(word)) return undefined;
  let stem = word;
  const prefix = VERB_PREFIXES.find((p) => stem.startsWith(p) && stem.length - p.length >= 3);
  if (prefix) stem = stem.slice(prefix.length);
  const pronoun = PRONOUNS.find((x) => stem.endsWith(x) && stem.length - x.length >= 3);
  if (pronoun) stem = stem.slice(0, stem.length - pronoun.length);
  const suffix = INFLECTION_SUFFIXES.find((x) => stem.endsWith(x) && stem.length - x.length >= 3);
  if (suffix) stem = stem.slice(0, stem.length - suffix.length);
  return stem.length >= 3 ? stem : undefined;
}

/** A word as it compares with its other forms: an Arabic word by its light stem, any other whole. */
export function stemOrWord(word: string): string {
  return arabicStem(word) ?? word;
}

/**
 * The store's Arabic words grouped by light stem, so an unknown word meets the forms of it that the
 * store has: "صرفت" and "يصرف", "يضخ" and "ضخ".
 */
export function buildStemIndex(terms: Iterable<string>): (token: string) => FuzzyHit[] {
  const byStem = new Map<string, string[]>();
  for (const term of terms) {
    const key = arabicStem(term);
    if (!key) continue;
    const forms = byStem.get(key);
    if (forms) forms.push(term);
    else byStem.set(key, [term]);
  }
  return (token) => {
    const key = arabicStem(token);
    return key
      ? (byStem.get(key) ?? []).map((term) => ({ term, similarity: STEM_SIMILARITY }))
      : [];
  };
}

/** A known word found by cutting an English ending off an unknown one, like a synonym. */
const INFLECTION_SIMILARITY = 0.9;
/** Endings and what the bare word may end with instead: "-ies" was "-y", "-ing" may have lost an "e". */
const ENGLISH_ENDINGS: readonly (readonly [string, readonly string[]])[] = [
  ["ing", ["", "e"]],
  ["ies", ["y"]],
  ["ied", ["y"]],
  ["es", ["", "e"]],
  ["ed", ["", "e"]],
  ["s", [""]],
];

/** An English word without its ending ("owning" → "own", "funded" → "fund", "ties" → "tie"). */
export function inflectionFree(token: string, known: KnownWords): FuzzyHit[] {
  if (!LATIN_TOKEN.test(token)) return [];
  const found = new Set<string>();
  for (const [ending, replacements] of ENGLISH_ENDINGS) {
    if (!token.endsWith(ending)) continue;
    const stem = token.slice(0, token.length - ending.length);
    if (stem.length < 3) continue;
    // "putting" → "put": a doubled last letter is the ending's spelling, not the word's.
    const undoubled = stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : [];
    for (const base of [...undoubled, stem])
      for (const r of replacements) if (known.has(base + r)) found.add(base + r);
  }
  return [...found].map((term) => ({ term, similarity: INFLECTION_SIMILARITY }));
}
