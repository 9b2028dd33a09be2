import Fuse from "fuse.js";

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
  const buckets = new Map<number, Fuse<string>>();
  const bucketFor = (length: number): Fuse<string> => {
    let fuse = buckets.get(length);
    if (fuse) return fuse;
    const near: string[] = [];
    for (const [size, list] of byLength) {
      if (Math.min(size, length) / Math.max(size, length) >= options.minLengthRatio)
        near.push(...list);
    }
    fuse = new Fuse(near, {
      includeScore: true,
      ignoreLocation: true,
      isCaseSensitive: true,
      threshold: 1 - options.minSimilarity,
    });
    buckets.set(length, fuse);
    return fuse;
  };

  const cache = new Map<string, readonly FuzzyHit[]>();
  return {
    lookup(word) {
      if (word.length < options.minLength) return [];
      const cached = cache.get(word);
      if (cached) return cached;
      const hits = bucketFor(word.length)
        .search(word, { limit: 5 })
        .map((r) => ({ term: r.item, similarity: 1 - (r.score ?? 1) }))
        .filter((h) => h.similarity >= options.minSimilarity);
      for (const term of swapsOf(word)) {
        if (!known.has(term) || hits.some((h) => h.term === term)) continue;
        hits.push({ term, similarity: 1 - TRANSPOSITION_COST / word.length });
      }
      hits.sort((a, b) => b.similarity - a.similarity);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, hits);
      return hits;
    },
  };
}
