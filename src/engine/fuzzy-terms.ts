import Fuse from "fuse.js";
import { LATIN_TOKEN } from "../text/token-scripts.ts";

/**
 * Fuzzy look-up of one typed word among a fixed set of known words (aliases, vocabulary).
 *
 * Fuse's bitap matches a pattern anywhere inside a longer string, which is how "كروسو" used to find
 * "مايكروسوفت" and "bank" found "softbank". Words are therefore bucketed by length and a match
 * must be of comparable length, so only whole-word typos ("altmn", "stargte") get through.
 */
export interface FuzzyTermIndex {
  /** Known words close to `word`, best first, each with a similarity in 0..1 (1 is identical). */
  lookup(word: string): readonly FuzzyHit[];
}

export interface FuzzyHit {
  term: string;
  similarity: number;
}

export interface FuzzyTermOptions {
  /** Lowest similarity (1 − Fuse score) still accepted. */
  minSimilarity: number;
  /** Shortest word that is matched fuzzily at all; shorter words must match exactly. */
  minLength: number;
  /** Smallest ratio between the shorter and the longer of the two words. */
  minLengthRatio: number;
}

/**
 * Two swapped neighbours ("waht", "partnres") are the commonest typo of all, yet bitap counts them
 * as two edits. A swap costs half an edit here, so it passes wherever one wrong letter would.
 */
const TRANSPOSITION_COST = 0.5;

/** Every spelling of `word` with two neighbouring letters swapped. */
function swapsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] === word[i + 1]) continue;
    out.push(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2));
  }
  return out;
}

/**
 * A dropped letter ("abut", "clam") is one edit in the word it was dropped from, and is judged
 * against that word's length. Bitap judges it against the typed word, so a five-letter word typed
 * with four letters (0.75) failed where any other typo of it (0.8) passes. Only Latin words: an
 * Arabic word one letter short is as often another word with a clitic ("مارك" → "مشارك").
 */
const LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Every spelling of `word` with one more letter, anywhere. */
function insertionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= word.length; i++)
    for (const letter of LATIN_LETTERS) out.push(word.slice(0, i) + letter + word.slice(i));
  return out;
}

/**
 * How a Latin word sounds, near enough: a reader who only heard a name spells it as it sounds
 * ("memfis", "elisson"), two or three edits from its spelling, which bitap would not accept.
 */
export function soundKey(word: string): string {
  return word
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/[cq]/g, "k")
    .replace(/z/g, "s")
    .replace(/y/g, "i")
    .replace(/(.)\1+/g, "$1")
    .replace(/(?<=.)e$/, "");
}
/** A word spelled as another sounds is as likely that word as one with a single typo. */
const SOUND_SIMILARITY = 0.82;

/** Bitap works on words up to 32 letters; Fuse splits longer ones, where the letter-pair bound no longer holds. */
const MAX_BITAP_LENGTH = 32;

function bigramsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

// Bounded so a stream of random strings cannot grow memory without limit.
const CACHE_LIMIT = 10_000;

export function buildFuzzyTermIndex(
  terms: Iterable<string>,
  options: FuzzyTermOptions,
): FuzzyTermIndex {
  const known = new Set(terms);
  const byLength = new Map<number, string[]>();
  for (const term of known) {
    const list = byLength.get(term.length) ?? [];
    list.push(term);
    byLength.set(term.length, list);
  }
  const fuseOptions = {
    includeScore: true,
    ignoreLocation: true,
    isCaseSensitive: true,
    threshold: 1 - options.minSimilarity,
  };
  const near = (a: number, b: number) => Math.min(a, b) / Math.max(a, b) >= options.minLengthRatio;
  const buckets = new Map<number, Fuse<string>>();
  const bucketFor = (length: number): Fuse<string> => {
    let fuse = buckets.get(length);
    if (fuse) return fuse;
    const terms: string[] = [];
    for (const [size, list] of byLength) if (near(size, length)) terms.push(...list);
    fuse = new Fuse(terms, fuseOptions);
    buckets.set(length, fuse);
    return fuse;
  };

  // Which known words hold each pair of letters, and each word's place in its bucket, so a
  // filtered search returns ties in the same order as the whole bucket would.
  const withBigram = new Map<string, string[]>();
  const order = new Map<string, number>();
  for (const list of byLength.values()) {
    for (const term of list) {
      order.set(term, order.size);
      for (const gram of new Set(bigramsOf(term))) {
        const holders = withBigram.get(gram) ?? [];
        holders.push(term);
        withBigram.set(gram, holders);
      }
    }
  }

  /**
   * The words bitap could still accept, by the q-gram lemma: k edits spoil at most 2k of the
   * word's letter pairs, so a match keeps at least (length − 1 − 2k) of them. A random string
   * (the common miss) keeps almost none, and skips bitap altogether.
   */
  const searchFor = (word: string): Fuse<string> | undefined => {
    const edits = Math.floor((1 - options.minSimilarity) * word.length + 1e-9);
    const needed = word.length - 1 - 2 * edits;
    if (needed <= 0 || word.length > MAX_BITAP_LENGTH) return bucketFor(word.length);
    const kept = new Map<string, number>();
    for (const gram of bigramsOf(word))
      for (const term of withBigram.get(gram) ?? []) kept.set(term, (kept.get(term) ?? 0) + 1);
    const candidates: string[] = [];
    for (const [term, count] of kept)
      if (count >= needed && near(term.length, word.length)) candidates.push(term);
    if (candidates.length === 0) return undefined;
    candidates.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return new Fuse(candidates, fuseOptions);
  };

  const bySound = new Map<string, string[]>();
  for (const term of known) {
    if (!LATIN_TOKEN.test(term)) continue;
    const key = soundKey(term);
    bySound.set(key, [...(bySound.get(key) ?? []), term]);
  }

  const cache = new Map<string, readonly FuzzyHit[]>();
  return {
    lookup(word) {
      if (word.length < options.minLength) return [];
      const cached = cache.get(word);
      if (cached) return cached;
      const hits = (searchFor(word)?.search(word, { limit: 5 }) ?? [])
        .map((r) => ({ term: r.item, similarity: 1 - (r.score ?? 1) }))
        .filter((h) => h.similarity >= options.minSimilarity);
      /** Known spellings among `terms` that Bitap did not find, each at `similarity`. */
      const addKnown = (terms: readonly string[], similarity: number) => {
        for (const term of terms)
          if (known.has(term) && !hits.some((h) => h.term === term))
            hits.push({ term, similarity });
      };
      addKnown(swapsOf(word), 1 - TRANSPOSITION_COST / word.length);
      if (LATIN_TOKEN.test(word)) {
        addKnown(bySound.get(soundKey(word)) ?? [], SOUND_SIMILARITY);
        const insertion = 1 - 1 / (word.length + 1);
        if (insertion >= options.minSimilarity) addKnown(insertionsOf(word), insertion);
      }
      hits.sort((a, b) => b.similarity - a.similarity);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, hits);
      return hits;
    },
  };
}
