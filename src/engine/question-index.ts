import type { FaqEntry } from "../knowledge/schema.ts";
import { normalize, tokenize } from "../text/normalize.ts";
import { STOPWORDS } from "../text/stopwords.ts";
import type { EntityIndex } from "./entity-index.ts";
import { buildFuzzyTermIndex, type FuzzyHit } from "./fuzzy-terms.ts";
import { QUESTION_WORDS } from "./question-kind.ts";

/**
 * Ranks curated FAQ entries for a question.
 *
 * Each query word is weighted by how rare it is in the store (idf), so a word the story never uses
 * ("immigration", "recipe") costs the match most of its score: that is what makes an off-topic
 * question fall below the cut-offs instead of landing on the nearest entry. A word may match a
 * phrasing exactly, or through a typo (fuse.js over the store's vocabulary), or through an entity
 * alias ("ترمب" meets "ترامب").
 */
export interface QuestionIndex {
  rank(tokens: readonly string[], limit: number): RankedEntry[];
}

export interface RankedEntry {
  entry: FaqEntry;
  /** 0..1, mostly the share of the question (by idf) that this entry's best phrasing covers. */
  score: number;
  /** 0..1: the share of that best phrasing (by idf) that the question matched. */
  phrasingCoverage: number;
  /**
   * Whether the match rests on more than one stray word: two or more of the question's words
   * found in the phrasing, or an entity it names. "tell me a joke" matching one phrasing that
   * happens to say "joke" is not evidence enough to answer.
   */
  substantial: boolean;
  /**
   * 0..1: the share (by weight) of the question's words other than names and question words that
   * this entry's best phrasing covers, or failing that its answer or the words it cites. "How old is Sam Altman?" names Altman, but asks "old", which
   * no entry answers; "who is the CEO of SoftBank?" asks "CEO", and a phrasing "who is SoftBank"
   * that shares only "who" does not cover it. A question word tells the kind of fact asked for,
   * which question-kind.ts checks, not what is asked about.
   * 1 for a question of names alone ("stargate"), which asks about them and nothing else.
   */
  askCoverage: number;
}

/**
 * Entries scored in full per question, chosen by their upper bound. 24 ranks every eval case
 * (development and held-out) exactly as 48 did, and cuts ask p95 by about a quarter.
 */
const MAX_SCORED_ENTRIES = 24;
/**
 * A word found only in an entry's answer or in the paragraphs it cites counts for this much of a
 * word found in its questions. Both say what the entry is about, not how readers ask it; and
 * readers ask in the story's own words ("laughing", "buildings") as often as in the store's.
 */
const ANSWER_WEIGHT = 0.5;
const SOURCE_WEIGHT = ANSWER_WEIGHT;
/** How much of the score rewards covering the phrasing itself, so the most specific phrasing wins ties. */
const PHRASING_SHARE = 0.15;
/** A synonym is nearly, not quite, as good as the word itself, so exact wording still wins ties. */
const SYNONYM_SIMILARITY = 0.9;
/** A named entity is what a question is about: missing it should cost more than missing a verb. */
const ENTITY_WEIGHT = 1.5;
// One typo in a five-letter word (0.8) passes; one in a four-letter word (0.75) is too often another word.
const FUZZY = { minSimilarity: 0.78, minLength: 4, minLengthRatio: 0.75 } as const;

/** A known word found by cutting clitics off an unknown one is nearly as good as the word itself. */
const CLITIC_SIMILARITY = 0.85;
const ARABIC_LETTERS = /^[\u0621-\u064A]+$/;
// Longest first within each list, so "وس" is tried before "و".
const ARABIC_PREFIXES = ["وس", "فس", "وب", "ول", "و", "ف", "ب", "ل", "س", "ك"];
const ARABIC_SUFFIXES = ["هما", "ها", "هم", "كم", "نا", "ه", "ي", "ك"];

/**
 * "رمزاً" loses its tanween to normalisation and keeps its alif: "رمزا" is "رمز" in the accusative,
 * so each spelling stands for the other, known or not.
 */
const TANWEEN_SIMILARITY = 0.95;
const tanweenVariant = (token: string): string | undefined => {
  if (!ARABIC_LETTERS.test(token)) return undefined;
  const stem = token.endsWith("ا") ? token.slice(0, -1) : token;
  // Below three letters the alif is the word's own ("ما", "لا").
  if (stem.length < 3) return undefined;
  return stem === token ? `${token}ا` : stem;
};

/** Another form of an unknown Arabic word: the same word, but not as sure as a clitic cut off. */
const STEM_SIMILARITY = 0.8;
const VERB_PREFIXES = ["سي", "ست", "سن", "ي", "ت", "ن", "ا"];
const INFLECTION_SUFFIXES = ["ون", "ين", "ان", "وا", "ات", "ت", "ة", "ه", "ا"];
/**
 * A light Arabic stem: one tense prefix and one inflection ending off, keeping three letters at
 * least, so the forms of one verb or noun meet. Undefined for anything else.
 */
function arabicStem(word: string): string | undefined {
  if (!ARABIC_LETTERS.test(word)) return undefined;
  let stem = word;
  const prefix = VERB_PREFIXES.find((p) => stem.startsWith(p) && stem.length - p.length >= 3);
  if (prefix) stem = stem.slice(prefix.length);
  const suffix = INFLECTION_SUFFIXES.find((x) => stem.endsWith(x) && stem.length - x.length >= 3);
  if (suffix) stem = stem.slice(0, stem.length - suffix.length);
  return stem.length >= 3 ? stem : undefined;
}

/** A known word found by cutting an English ending off an unknown one, like a synonym. */
const INFLECTION_SIMILARITY = 0.9;
const ENGLISH_LETTERS = /^[a-z]+$/;
/** Endings and what the bare word may end with instead: "-ies" was "-y", "-ing" may have lost an "e". */
const ENGLISH_ENDINGS: readonly (readonly [string, readonly string[]])[] = [
  ["ing", ["", "e"]],
  ["ies", ["y"]],
  ["ied", ["y"]],
  ["es", ["", "e"]],
  ["ed", ["", "e"]],
  ["s", [""]],
];

/** Each word of a phrasing that the question did not use costs this much, so "what is stargate" beats "what will stargate do". */
export const EXTRA_WORD_COST = 0.004;
/** A phrasing about another entity than the one asked about ("xAI" for "Tesla") keeps this share of its score. */
const ENTITY_CONFLICT_FACTOR = 0.6;

interface Phrasing {
  terms: ReadonlySet<string>;
  entityIds: ReadonlySet<string>;
  /** Sum of the idf of its non-stopword terms: what its coverage is measured against. */
  contentWeight: number;
}

interface IndexedEntry {
  entry: FaqEntry;
  phrasings: Phrasing[];
  /** Every term of every phrasing; also drops at once the stand-ins no phrasing of the entry has. */
  phrasingTerms: ReadonlySet<string>;
  answerTerms: ReadonlySet<string>;
  sourceTerms: ReadonlySet<string>;
  /** The words the entry cites, verbatim and translated: unlike the rest of their paragraphs, the entry says them. */
  citedTerms: ReadonlySet<string>;
  /** Every term of the three above: most stand-ins are in none, and one look-up tells. */
  fallbackTerms: ReadonlySet<string>;
}

export function buildQuestionIndex(
  faq: readonly FaqEntry[],
  entities: EntityIndex,
  synonymGroups: readonly (readonly string[])[] = [],
  /** The text of paragraph N (Arabic and its translation) at index N − 1. */
  paragraphTexts: readonly string[] = [],
): QuestionIndex {
  // A name in store text becomes one term for its entity, so "ذا إنفورميشن" in a phrasing meets
  // "The Information" in a question, as "ماسك" meets "musk", however many words either spelling takes.
  const withNames = (text: string, { replace }: { replace: boolean }): string[] => {
    const tokens = tokenize(text);
    // Exact: the store spells its names with its own aliases; typos are the reader's.
    const found = entities.detectEntities(tokens, { exact: true });
    const inName = new Set(found.flatMap((d) => range(d.start, d.end)));
    const words = replace ? tokens.filter((_, i) => !inName.has(i)) : tokens;
    return [...words, ...found.map((d) => nameTerm(d.entity.id))];
  };
  // Several entries cite the same paragraph; each paragraph's terms are worked out once.
  const paragraphTerms = paragraphTexts.map((text) => withNames(text, { replace: false }));
  const indexed: IndexedEntry[] = faq.map((entry) => {
    const phrasings = [...entry.questions.en, ...entry.questions.ar].map((q) => {
      const terms = new Set(withNames(q, { replace: true }));
      return {
        terms,
        entityIds: new Set([...terms].filter(isNameTerm).map(entityIdOf)),
        contentWeight: 0,
      };
    });
    const answerTerms = new Set(
      withNames(`${entry.answer.en} ${entry.answer.ar}`, { replace: false }),
    );
    const cited = entry.citations.map((c) => `${c.text} ${c.translation ?? ""}`).join(" ");
    const citedTerms = new Set(withNames(cited, { replace: false }));
    const sourceTerms = new Set(
      entry.citations.flatMap((c) => paragraphTerms[c.paragraph - 1] ?? []),
    );
    return {
      entry,
      phrasings,
      phrasingTerms: new Set(phrasings.flatMap((p) => [...p.terms])),
      answerTerms,
      citedTerms,
      sourceTerms,
      fallbackTerms: new Set([...answerTerms, ...citedTerms, ...sourceTerms]),
    };
  });

  const postings = new Map<string, Set<number>>();
  indexed.forEach((item, i) => {
    const terms = [...item.phrasingTerms, ...item.answerTerms, ...item.sourceTerms];
    for (const term of terms) {
      const list = postings.get(term) ?? new Set<number>();
      list.add(i);
      postings.set(term, list);
    }
  });
  const n = indexed.length;
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  // Rarity is judged on what the store itself says: the paragraphs cited by many entries would
  // otherwise make their every word look common, and "ceo" in "who is the ceo of softbank" cheap to miss.
  const curatedDf = new Map<string, number>();
  for (const item of indexed) {
    const own = new Set([...item.phrasingTerms, ...item.answerTerms]);
    for (const term of own) curatedDf.set(term, (curatedDf.get(term) ?? 0) + 1);
  }
  const idf = new Map([...postings.keys()].map((term) => [term, idfOf(curatedDf.get(term) ?? 0)]));
  const unknownIdf = idfOf(0);
  const contentWeightOf = (terms: ReadonlySet<string>) => {
    let total = 0;
    for (const term of terms) if (!STOPWORDS.has(term)) total += idf.get(term) ?? 0;
    return total;
  };
  for (const item of indexed)
    for (const phrasing of item.phrasings) phrasing.contentWeight = contentWeightOf(phrasing.terms);
  const vocabulary = buildFuzzyTermIndex(
    [...postings.keys()].filter((term) => !isNameTerm(term)),
    FUZZY,
  );
  const byArabicStem = new Map<string, string[]>();
  for (const term of postings.keys()) {
    const key = arabicStem(term);
    if (!key) continue;
    const forms = byArabicStem.get(key);
    if (forms) forms.push(term);
    else byArabicStem.set(key, [term]);
  }
  /**
   * An Arabic word the store does not know, as the store has another form of it: "صرفت" and
   * "يصرف", "يضخ" and "ضخ". Only unknown words are tried, and only against the store's own words.
   */
  const sameArabicStem = (token: string): FuzzyHit[] => {
    const key = arabicStem(token);
    return key
      ? (byArabicStem.get(key) ?? []).map((term) => ({ term, similarity: STEM_SIMILARITY }))
      : [];
  };
  const synonyms = new Map<string, Set<string>>();
  for (const group of synonymGroups) {
    const words = group.map(normalize);
    for (const word of words) {
      const others = synonyms.get(word) ?? new Set<string>();
      for (const other of words) if (other !== word && postings.has(other)) others.add(other);
      synonyms.set(word, others);
    }
  }

  /**
   * What a query word can stand for in the store, with the similarity of each stand-in, and which
   * words name an entity (those weigh more, and a phrasing about another entity is penalised).
   */
  const expand = (
    tokens: readonly string[],
    rawTokens: readonly string[],
  ): {
    stands: Map<number, FuzzyHit[]>;
    named: Set<number>;
    /** Content-word positions of each name found, so a name weighs once however many words it takes. */
    spans: number[][];
    entityIds: Set<string>;
  } => {
    const out = new Map<number, FuzzyHit[]>();
    const named = new Set<number>();
    const spans: number[][] = [];
    const entityIds = new Set<string>();
    tokens.forEach((token, i) => {
      const hits: FuzzyHit[] = postings.has(token)
        ? [{ term: token, similarity: 1 }]
        : [
            ...vocabulary.lookup(token),
            ...cliticFree(token),
            ...inflectionFree(token),
            ...sameArabicStem(token),
          ];
      const accusative = tanweenVariant(token);
      if (accusative && postings.has(accusative))
        hits.push({ term: accusative, similarity: TANWEEN_SIMILARITY });
      for (const term of synonyms.get(token) ?? [])
        hits.push({ term, similarity: SYNONYM_SIMILARITY });
      out.set(i, hits);
    });
    // Names are looked for in the question as typed: "the information" and "أغنى رجل في العالم"
    // hold stopwords that the content words no longer have.
    const position = new Map(tokens.map((token, i) => [token, i]));
    for (const found of entities.detectEntities(rawTokens)) {
      entityIds.add(found.entity.id);
      const span = rawTokens
        .slice(found.start, found.end)
        .map((token) => position.get(token))
        .filter((i) => i !== undefined);
      if (span.length > 0) spans.push(span);
      for (const i of span) {
        named.add(i);
        out.get(i)?.push({ term: nameTerm(found.entity.id), similarity: found.similarity });
      }
    }
    return { stands: out, named, spans, entityIds };
  };

  /**
   * An Arabic word the store does not know, without the conjunction, preposition or future prefix
   * before it or the pronoun after it ("ستستثمره" → "ستستثمر", one letter from "سيستثمر"), matched
   * exactly or as a typo. Only unknown words are cut, so no known word is ever read as another.
   */
  const cliticFree = (token: string): FuzzyHit[] => {
    if (!ARABIC_LETTERS.test(token)) return [];
    const best = new Map<string, number>();
    const keep = (term: string, similarity: number) =>
      best.set(term, Math.max(best.get(term) ?? 0, similarity));
    for (const prefix of ["", ...ARABIC_PREFIXES]) {
      if (!token.startsWith(prefix)) continue;
      for (const suffix of ["", ...ARABIC_SUFFIXES]) {
        if (prefix + suffix === "" || !token.endsWith(suffix)) continue;
        const stem = token.slice(prefix.length, token.length - suffix.length);
        if (stem.length < 3) continue;
        if (postings.has(stem)) keep(stem, CLITIC_SIMILARITY);
        else
          for (const h of vocabulary.lookup(stem)) keep(h.term, h.similarity * CLITIC_SIMILARITY);
      }
    }
    return [...best].map(([term, similarity]) => ({ term, similarity }));
  };

  /**
   * An English word the store does not know, as the store may have it without its ending
   * ("owning" → "own", "funded" → "fund", "ties" → "tie"). Only unknown words are tried.
   */
  const inflectionFree = (token: string): FuzzyHit[] => {
    if (!ENGLISH_LETTERS.test(token)) return [];
    const found = new Set<string>();
    for (const [ending, replacements] of ENGLISH_ENDINGS) {
      if (!token.endsWith(ending)) continue;
      const stem = token.slice(0, token.length - ending.length);
      if (stem.length < 3) continue;
      // "putting" → "put": a doubled last letter is the ending's spelling, not the word's.
      const undoubled = stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : [];
      for (const base of [...undoubled, stem])
        for (const r of replacements) if (postings.has(base + r)) found.add(base + r);
    }
    return [...found].map((term) => ({ term, similarity: INFLECTION_SIMILARITY }));
  };

  /** "مرا كز" read as "مراكز": two unknown neighbours that make a known word were one word. */
  const rejoin = (rawTokens: readonly string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < rawTokens.length; i++) {
      const word = rawTokens[i] ?? "";
      const next = rawTokens[i + 1];
      if (
        next !== undefined &&
        !postings.has(word) &&
        !postings.has(next) &&
        postings.has(word + next)
      ) {
        out.push(word + next);
        i++;
      } else out.push(word);
    }
    return out;
  };

  const rank = (typedTokens: readonly string[], limit: number): RankedEntry[] => {
    const rawTokens = rejoin(typedTokens);
    const tokens = [...new Set(rawTokens.filter((t) => !STOPWORDS.has(t)))];
    if (tokens.length === 0) return [];
    const { stands, named, spans, entityIds } = expand(tokens, rawTokens);
    const typed = new Set(rawTokens);
    const typedWords = [...typed];
    const typedStopwords = new Set(typedWords.filter((t) => STOPWORDS.has(t)));
    const weights = tokens.map((token, i) => {
      const best = stands.get(i)?.[0];
      return idf.get(token) ?? (best ? (idf.get(best.term) ?? unknownIdf) : unknownIdf);
    });
    // A name is one thing however many words it takes: "سوفت بنك" must not weigh twice "ماسك".
    for (const span of spans) {
      const share = (Math.max(...span.map((i) => weights[i] ?? 0)) * ENTITY_WEIGHT) / span.length;
      for (const i of span) weights[i] = share;
    }
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const asks = tokens.map((t, i) => !named.has(i) && !QUESTION_WORDS.has(t));
    const askWeight = weights.reduce((a, w, i) => (asks[i] ? a + w : a), 0);

    const bound = new Map<number, number>();
    // Upper bound of each entry's coverage from the posting lists alone; only the most promising
    // entries get the full per-phrasing scoring, which keeps a grown store's latency flat.
    tokens.forEach((_, i) => {
      const reach = new Map<number, number>();
      for (const h of stands.get(i) ?? []) {
        for (const d of postings.get(h.term) ?? [])
          reach.set(d, Math.max(reach.get(d) ?? 0, h.similarity));
      }
      for (const [d, sim] of reach) bound.set(d, (bound.get(d) ?? 0) + sim * (weights[i] ?? 0));
    });
    const candidates = [...bound]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, MAX_SCORED_ENTRIES);

    const ranked: RankedEntry[] = [];
    const kept: number[] = [];
    for (const [d, reach] of candidates) {
      // Sorted by bound: once even a perfect phrasing could not enter the top `limit`, stop.
      const ceiling = ((1 - PHRASING_SHARE) * reach) / totalWeight + PHRASING_SHARE;
      if (kept.length >= limit && ceiling < (kept[limit - 1] ?? 0)) break;
      const item = indexed[d];
      if (!item) continue;
      // What each word earns from the answer or the cited paragraphs is the same for every phrasing.
      // The rest of a cited paragraph says things the entry does not: it counts towards the score,
      // not towards what is asked ("who is the CEO of Crusoe?" meets ¶17's Lancium CEO).
      const fallback: number[] = [];
      const askFallback: number[] = [];
      for (let i = 0; i < tokens.length; i++) {
        let sim = 0;
        let askSim = 0;
        for (const h of stands.get(i) ?? []) {
          if (!item.fallbackTerms.has(h.term)) continue;
          const inAnswer = item.answerTerms.has(h.term);
          if (inAnswer) sim = Math.max(sim, h.similarity * ANSWER_WEIGHT);
          else if (item.sourceTerms.has(h.term)) sim = Math.max(sim, h.similarity * SOURCE_WEIGHT);
          if (inAnswer || item.citedTerms.has(h.term))
            askSim = Math.max(askSim, h.similarity * ANSWER_WEIGHT);
        }
        fallback.push(sim);
        askFallback.push(askSim);
      }
      const inPhrasings = tokens.map((_, i) =>
        (stands.get(i) ?? []).filter((h) => item.phrasingTerms.has(h.term)),
      );
      // Typed words that no phrasing of the entry holds are missed by every one of them.
      const typedHere = typedWords.filter((t) => item.phrasingTerms.has(t));
      let missedEverywhere = 0;
      for (const t of typedWords)
        if (typedStopwords.has(t) && !item.phrasingTerms.has(t)) missedEverywhere++;
      let best = 0;
      let bestCoverage = 0;
      let bestSubstantial = false;
      let bestAsk = 0;
      for (const { terms, entityIds: about, contentWeight } of item.phrasings) {
        let covered = 0;
        let askCovered = 0;
        let wordsFound = 0;
        let entityFound = false;
        // Plain loops and a small array: this runs for every phrasing of every candidate.
        const matched: string[] = [];
        for (let i = 0; i < tokens.length; i++) {
          let sim = fallback[i] ?? 0;
          let askSim = askFallback[i] ?? 0;
          let foundNew = false;
          for (const h of inPhrasings[i] ?? []) {
            if (!terms.has(h.term)) continue;
            if (!matched.includes(h.term)) {
              matched.push(h.term);
              foundNew = true;
            }
            if (h.similarity > sim) sim = h.similarity;
            if (h.similarity > askSim) askSim = h.similarity;
          }
          if (foundNew) {
            wordsFound++;
            if (named.has(i)) entityFound = true;
          }
          const weighted = sim * (weights[i] ?? 0);
          covered += weighted;
          if (asks[i]) askCovered += askSim * (weights[i] ?? 0);
        }
        const queryCoverage = covered / totalWeight;
        let hit = 0;
        let used = matched.length;
        for (const term of matched) {
          if (!STOPWORDS.has(term)) hit += idf.get(term) ?? 0;
          if (typed.has(term)) used--;
        }
        // The other way round, the small words of the question that the phrasing lacks:
        // "what did altman say to musk" is his reply to Musk, not what he said about him.
        let missedWords = missedEverywhere;
        for (const t of typedHere) {
          if (terms.has(t)) used++;
          else if (typedStopwords.has(t)) missedWords++;
        }
        const phrasingCoverage = contentWeight > 0 ? hit / contentWeight : 0;
        const extraWords = terms.size - used;
        let score =
          (1 - PHRASING_SHARE) * queryCoverage +
          PHRASING_SHARE * phrasingCoverage -
          EXTRA_WORD_COST * (extraWords + missedWords);
        if (conflicts(entityIds, about)) score *= ENTITY_CONFLICT_FACTOR;
        if (score > best) {
          best = score;
          bestCoverage = phrasingCoverage;
          bestSubstantial = wordsFound >= 2 || entityFound;
          bestAsk = askWeight > 0 ? askCovered / askWeight : 1;
        }
      }
      ranked.push({
        entry: item.entry,
        score: best,
        phrasingCoverage: bestCoverage,
        substantial: bestSubstantial,
        askCoverage: bestAsk,
      });
      kept.push(best);
      kept.sort((x, y) => y - x);
    }
    return ranked
      .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id))
      .slice(0, limit);
  };

  return { rank };
}

/** The question names an entity the phrasing lacks, and the phrasing names one the question lacks. */
function conflicts(asked: ReadonlySet<string>, about: ReadonlySet<string>): boolean {
  let askedMissing = false;
  for (const id of asked) if (!about.has(id)) askedMissing = true;
  if (!askedMissing) return false;
  for (const id of about) if (!asked.has(id)) return true;
  return false;
}

/** Store text's stand-in for a name; tokens never hold "#", so no typed word can be one. */
const NAME_PREFIX = "#";
const nameTerm = (entityId: string) => `${NAME_PREFIX}${entityId}`;
const isNameTerm = (term: string) => term.startsWith(NAME_PREFIX);
const entityIdOf = (term: string) => term.slice(NAME_PREFIX.length);
const range = (start: number, end: number) =>
  Array.from({ length: end - start }, (_, k) => start + k);
