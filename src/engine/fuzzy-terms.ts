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

/**
 * Where `term` is `word` with one Latin letter inserted, the first place it could have gone: a
 * doubled letter may be either of the two, and the first one counts. −1 when it is not.
 */
function insertionPlace(word: string, term: string): number {
  if (term.length !== word.length + 1) return -1;
  let prefix = 0;
  while (prefix < word.length && word[prefix] === term[prefix]) prefix++;
  let suffix = 0;
  while (suffix < word.length && word[word.length - 1 - suffix] === term[term.length - 1 - suffix])
    suffix++;
  const first = word.length - suffix;
  return first <= prefix && LATIN_LETTERS.includes(term[first] ?? "") ? first : -1;
}

/**
 * How a Latin word sounds, near enough: a reader who only heard a name spells it as it sounds
 * ("memfis", "elisson", "maykrosoft"), two or three edits from its spelling, which bitap would
 * not accept.
 */
export function soundKey(word: string): string {
  return word
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/[cq]/g, "k")
    .replace(/z/g, "s")
    .replace(/ay/g, "i")
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

/** The share of their distinct letter pairs two words have in common (Dice): 1 for the same word. */
export function letterPairsShared(a: string, b: string): number {
  const pairsOfA = new Set(bigramsOf(a));
  const pairsOfB = new Set(bigramsOf(b));
  if (pairsOfA.size + pairsOfB.size === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const pair of pairsOfA) if (pairsOfB.has(pair)) shared++;
  return (2 * shared) / (pairsOfA.size + pairsOfB.size);
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

  // Which known words hold each pair of letters, each word numbered by its place in its bucket,
  // so that a filtered search returns ties in the same order as the whole bucket would.
  const inOrder = [...byLength.values()].flat();
  const withBigram = new Map<string, number[]>();
  inOrder.forEach((term, id) => {
    for (const gram of new Set(bigramsOf(term))) {
      const holders = withBigram.get(gram) ?? [];
      holders.push(id);
      withBigram.set(gram, holders);
    }
  });
  // Counts per known word, allocated once: a look-up is synchronous, and leaves them all at 0.
  const pairsShared = new Int32Array(inOrder.length);
  const touched: number[] = [];

  /**
   * The words bitap could still accept, by the q-gram lemma: k edits spoil at most 2k of the
   * word's letter pairs, so a match keeps at least (length − 1 − 2k) of them. A random string
   * (the common miss) keeps almost none, and skips bitap altogether.
   */
  const searchFor = (word: string): Fuse<string> | undefined => {
    const edits = Math.floor((1 - options.minSimilarity) * word.length + 1e-9);
    const needed = word.length - 1 - 2 * edits;
    if (needed <= 0 || word.length > MAX_BITAP_LENGTH) return bucketFor(word.length);
    for (const gram of bigramsOf(word))
      for (const id of withBigram.get(gram) ?? []) {
        if (pairsShared[id] === 0) touched.push(id);
        pairsShared[id] = (pairsShared[id] ?? 0) + 1;
      }
    const kept: number[] = [];
    for (const id of touched) {
      const term = inOrder[id] ?? "";
      if ((pairsShared[id] ?? 0) >= needed && near(term.length, word.length)) kept.push(id);
      pairsShared[id] = 0;
    }
    touched.length = 0;
    if (kept.length === 0) return undefined;
    kept.sort((a, b) => a - b);
    return new Fuse(
      kept.map((id) => inOrder[id] ?? ""),
      fuseOptions,
    );
  };

  const bySound = new Map<string, string[]>();
  for (const term of known) {
    if (!LATIN_TOKEN.test(term)) continue;
    const key = soundKey(term);
    bySound.set(key, [...(bySound.get(key) ?? []), term]);
  }

  /**
   * Known words that are `word` with one more letter, in the order of where it went and then of
   * the alphabet: the order of trying every such spelling, without spelling each one out.
   */
  const insertionsInto = (word: string): string[] =>
    (byLength.get(word.length + 1) ?? [])
      .map((term) => ({ term, at: insertionPlace(word, term) }))
      .filter(({ at }) => at >= 0)
      .sort(
        (a, b) =>
          a.at - b.at ||
          LATIN_LETTERS.indexOf(a.term[a.at] ?? "") - LATIN_LETTERS.indexOf(b.term[b.at] ?? ""),
      )
      .map(({ term }) => term);

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
        if (insertion >= options.minSimilarity) addKnown(insertionsInto(word), insertion);
      }
      hits.sort((a, b) => b.similarity - a.similarity);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, hits);
      return hits;
    },
  };
}
