import type { FaqEntry } from "../knowledge/schema.ts";
import { normalize, tokenize } from "../text/normalize.ts";
import { STOPWORDS } from "../text/stopwords.ts";
import { wordSet } from "../text/word-lists.ts";
import type { DetectedEntity, EntityIndex } from "./entity-index.ts";
import { buildFuzzyTermIndex, type FuzzyHit } from "./fuzzy-terms.ts";
import { QUESTION_WORDS } from "./question-kind.ts";
import { SCENE_OPENERS } from "./question-start.ts";
import {
  accusativeVariant,
  buildStemIndex,
  cliticFree,
  finalAlifVariant,
  inflectionFree,
  type KnownWords,
} from "./word-forms.ts";

/**
 * Ranks curated FAQ entries for a question.
 *
 * Each query word is weighted by how rare it is in the store (idf), so a word the story never uses
 * ("immigration", "recipe") costs the match most of its score: that is what makes an off-topic
 * question fall below the cut-offs instead of landing on the nearest entry. A word may match a
 * phrasing exactly, or through a typo (fuse.js over the store's vocabulary), an entity alias
 * ("ترمب" meets "ترامب"), a synonym, or another form of the word (`word-forms.ts`).
 */
export interface QuestionIndex {
  /** `preamble`: words the reader set before the question (see `readPreamble`), weighing less. */
  rank(tokens: readonly string[], limit: number, preamble?: ReadonlySet<string>): RankedEntry[];
  /** The words the store uses that a synonym group gives for the same idea as `word`. */
  synonymsOf(word: string): readonly FuzzyHit[];
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
   * this entry's best phrasing covers, or failing that its other phrasings, its answer or the
   * words it cites (in full: the entry says them). "How old is Sam Altman?" names Altman, but asks
   * "old", which no entry answers; "who is the CEO of SoftBank?" asks "CEO", and a phrasing "who is
   * SoftBank" that shares only "who" does not cover it. A question word tells the kind of fact
   * asked for, which question-kind.ts checks, not what is asked about.
   * 1 for a question of names alone ("stargate"), which asks about them and nothing else.
   */
  askCoverage: number;
  /** Whether that best phrasing, or the entry's answer, names every entity the question names. */
  namesEveryEntity: boolean;
  /**
   * Whether the entry names every entity the question is about anywhere: in a phrasing, its answer
   * or the words it cites.
   */
  mentionsEveryEntity: boolean;
}

/**
 * Entries scored in full per question, chosen by their upper bound. With 46, every eval query
 * gets the answer and suggestions that scoring every entry gives. 32 did until the store's
 * phrasings grew to 2,870: then "what is stargte" lost a suggestion to the many entries whose
 * phrasings all name Stargate, and 34 was the least that held. 40 did until the story named as a
 * source ("كما ورد في المقال") became filler: "ماذا قالت شركة أوراكل عن تغريدة ماسك؟" lost its
 * sixth entry, and 41 was the least that held. 44 did until "why" and "according to" phrasings
 * gave more entries the words of Microsoft's statement: "ماذا قالت مايكروسوفت في بيانها عن مشروع
 * Stargate وشراكتها مع OpenAI؟" lost its sixth, and 46 was the least that held. A grown store's
 * latency rests on this cap.
 */
const MAX_SCORED_ENTRIES = 46;
/** Slack for a bound summed in another order than the score it bounds. */
const ROUNDING = 1e-9;
/**
 * A word found only in an entry's answer or in the paragraphs it cites counts for this much of a
 * word found in its questions. Both say what the entry is about, not how readers ask it; and
 * readers ask in the story's own words ("laughing", "buildings") as often as in the store's.
 */
const ANSWER_WEIGHT = 0.5;
const SOURCE_WEIGHT = ANSWER_WEIGHT;
const FALLBACK_SHARE = Math.max(ANSWER_WEIGHT, SOURCE_WEIGHT);
/** Where an entry holds a term outside its phrasings, as bits of one mask. */
const FALLBACK_IN_ANSWER = 1;
const FALLBACK_IN_SOURCES = 2;
const FALLBACK_IN_CITED = 4;
/** The stand-in of a typed word read as itself, where only which phrasings hold it counts. */
const TYPED_WORD: FuzzyHit = { term: "", similarity: 1 };
/**
 * A word of what is asked that another phrasing of the entry uses, not the one being scored,
 * counts for this much towards the score, and in full towards what is asked: readers mix the
 * words of several phrasings ("what did Altman ask Musk to do in his new role" holds one
 * phrasing's "ask" and another's "role"). A sibling phrasing says how readers ask about the
 * entry, but not in one question, so it weighs less than the answer. 0.5 answered three
 * off-topic development questions; 0.3 none. Names and question words get nothing from it: a
 * question word in some other phrasing says nothing of what is asked.
 */
const SIBLING_WEIGHT = 0.3;
/** How much of the score rewards covering the phrasing itself, so the most specific phrasing wins ties. */
const PHRASING_SHARE = 0.15;
/** A synonym is nearly, not quite, as good as the word itself, so exact wording still wins ties. */
const SYNONYM_SIMILARITY = 0.9;
/**
 * "مدير شركة Lancium" is McNamara first and Lancium second: a phrasing naming Lancium alone ("who
 * is Lancium") meets the description, but less well than one naming the man it describes.
 */
const VIA_SIMILARITY = 0.9;
/** A named entity is what a question is about: missing it should cost more than missing a verb. */
const ENTITY_WEIGHT = 1.5;
// One typo in a five-letter word (0.8) passes; one in a four-letter word (0.75) is too often another word.
/** How far a typed word may be from a known one and still be read as it: "altmn", "stargte". */
export const WORD_TYPOS = { minSimilarity: 0.78, minLength: 4, minLengthRatio: 0.75 } as const;

/**
 * A clause that sets the scene tells when the thing asked happened, not what is asked: "did
 * Nadella laugh when they asked him about Musk?" asks about the laugh, and the entry on what he
 * said of Musk must not win on "asked" and "Musk", nor an entry asked "when" on the "when" that
 * opens the clause. Its words, names and opener too, weigh this share. It opens with one of
 * SCENE_OPENERS after the question has said something of its own, so "how long after the
 * announcement did Musk…" keeps its weights.
 */
const SCENE_WEIGHT = 0.5;
/**
 * Clauses a reader sets before the question ("for our seminar, as far as the article says, …")
 * weigh as a scene does: they may name what is asked about, but most of their words are the
 * reader's own, and at full weight they sank the right entry below the cut-offs. Less than this
 * answered off-topic questions once their hedges stopped counting against them ("as far as the
 * article tells us, how old is Sam Altman…").
 */
const PREAMBLE_WEIGHT = 0.5;
const SAID_BEFORE_SCENE = 2;

/** The words typed only in a clause that sets the scene, with its opener (see SCENE_WEIGHT). */
function sceneWords(rawTokens: readonly string[]): Set<string> {
  let said = 0;
  const opener = rawTokens.findIndex((token) => {
    if (SCENE_OPENERS.has(token) && said >= SAID_BEFORE_SCENE) return true;
    if (!STOPWORDS.has(token) && !QUESTION_WORDS.has(token)) said++;
    return false;
  });
  if (opener < 0) return new Set();
  const before = new Set(rawTokens.slice(0, opener));
  return new Set(rawTokens.slice(opener).filter((token) => !before.has(token)));
}

/** Each word of a phrasing that the question did not use costs this much, so "what is stargate" beats "what will stargate do". */
export const EXTRA_WORD_COST = 0.004;
/** A phrasing about another entity than the one asked about ("xAI" for "Tesla") keeps this share of its score. */
const ENTITY_CONFLICT_FACTOR = 0.6;

interface Phrasing {
  terms: ReadonlySet<string>;
  entityIds: ReadonlySet<string>;
  /** Where `entityIds` stands among the store's distinct sets of them: a question caches by it. */
  entitySet: number;
  /** Sum of the idf of its non-stopword terms: what its coverage is measured against. */
  contentWeight: number;
}

interface IndexedEntry {
  entry: FaqEntry;
  phrasings: Phrasing[];
  /**
   * Every term of every phrasing, with the phrasings (by position) that hold it: the posting
   * lists carry these to the ranking.
   */
  phrasingTerms: ReadonlyMap<string, readonly number[]>;
  answerTerms: ReadonlySet<string>;
  sourceTerms: ReadonlySet<string>;
  /** The words the entry cites, verbatim and translated: unlike the rest of their paragraphs, the entry says them. */
  citedTerms: ReadonlySet<string>;
  /** Every term of the three above: most stand-ins are in none, and one look-up tells. */
  fallbackTerms: ReadonlySet<string>;
  /** Every entity its phrasings, its answer or its cited words name. */
  namesAnywhere: ReadonlySet<string>;
}

export function buildQuestionIndex(
  faq: readonly FaqEntry[],
  entities: EntityIndex,
  synonymGroups: readonly (readonly string[])[] = [],
  /** The text of paragraph N (Arabic and its translation) at index N − 1. */
  paragraphTexts: readonly string[] = [],
  {
    exhaustive = false,
    project,
  }: {
    /**
     * Score every phrasing of every entry the question reaches, with none of the shortcuts below:
     * tests check against it that the shortcuts change no ranking.
     */
    exhaustive?: boolean;
    /** The id of the story's one project, which "the project" means when a question names no one. */
    project?: string | undefined;
  } = {},
): QuestionIndex {
  const projectOnly: ReadonlySet<string> = new Set(project ? [project] : []);
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
  const entitySetAt = new Map<string, number>();
  const entitySets: ReadonlySet<string>[] = [];
  const entitySetOf = (ids: readonly string[]): number => {
    const key = [...ids].sort().join(" ");
    const at = entitySetAt.get(key) ?? entitySets.push(new Set(ids)) - 1;
    entitySetAt.set(key, at);
    return at;
  };
  const indexed: IndexedEntry[] = faq.map((entry) => {
    const phrasings = [...entry.questions.en, ...entry.questions.ar].map((q) => {
      const terms = new Set(withNames(q, { replace: true }));
      const entitySet = entitySetOf([...terms].filter(isNameTerm).map(entityIdOf));
      return {
        terms,
        entityIds: entitySets[entitySet] as ReadonlySet<string>,
        entitySet,
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
    const phrasingTerms = new Map<string, number[]>();
    phrasings.forEach(({ terms }, k) => {
      for (const term of terms) phrasingTerms.set(term, [...(phrasingTerms.get(term) ?? []), k]);
    });
    return {
      entry,
      phrasings,
      phrasingTerms,
      answerTerms,
      citedTerms,
      sourceTerms,
      fallbackTerms: new Set([...answerTerms, ...citedTerms, ...sourceTerms]),
      namesAnywhere: new Set(
        [...phrasingTerms.keys(), ...answerTerms, ...citedTerms].filter(isNameTerm).map(entityIdOf),
      ),
    };
  });

  /**
   * Each term's entries, split by where the entry holds it: in a phrasing, a match is worth its
   * full similarity; only in the answer or sources, at most FALLBACK_SHARE of it.
   */
  const postings = new Map<
    string,
    {
      inPhrasings: number[];
      /** For each entry of `inPhrasings`, which of its phrasings hold the term. */
      phrasingsOf: (readonly number[])[];
      elsewhere: number[];
    }
  >();
  // Each term's entries whose answer, cited text or cited paragraphs hold it, and where (a
  // FALLBACK_IN_* mask): the ranking reads it from here, not by a look-up in each entry.
  const fallbackPostings = new Map<string, { entries: number[]; where: number[] }>();
  indexed.forEach((item, i) => {
    const terms = new Set([...item.phrasingTerms.keys(), ...item.answerTerms, ...item.sourceTerms]);
    for (const term of terms) {
      const lists = postings.get(term) ?? { inPhrasings: [], phrasingsOf: [], elsewhere: [] };
      const holders = item.phrasingTerms.get(term);
      if (holders) {
        lists.inPhrasings.push(i);
        lists.phrasingsOf.push(holders);
      } else lists.elsewhere.push(i);
      postings.set(term, lists);
    }
    for (const term of item.fallbackTerms) {
      const lists = fallbackPostings.get(term) ?? { entries: [], where: [] };
      lists.entries.push(i);
      lists.where.push(
        (item.answerTerms.has(term) ? FALLBACK_IN_ANSWER : 0) |
          (item.sourceTerms.has(term) ? FALLBACK_IN_SOURCES : 0) |
          (item.citedTerms.has(term) ? FALLBACK_IN_CITED : 0),
      );
      fallbackPostings.set(term, lists);
    }
  });
  const n = indexed.length;
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  // Rarity is judged on what the store itself says: the paragraphs cited by many entries would
  // otherwise make their every word look common, and "ceo" in "who is the ceo of softbank" cheap to miss.
  const curatedDf = new Map<string, number>();
  for (const item of indexed) {
    const own = new Set([...item.phrasingTerms.keys(), ...item.answerTerms]);
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
    WORD_TYPOS,
  );
  const known: KnownWords = { has: (term) => postings.has(term), lookup: vocabulary.lookup };
  const sameArabicStem = buildStemIndex(postings.keys());
  // A word's other forms in the store, never the word itself.
  const otherFormsOf = (token: string): FuzzyHit[] =>
    [...inflectionFree(token, known), ...sameArabicStem(token)].filter((h) => h.term !== token);
  // A word's synonyms are read through its groups, each holding one shared stand-in per word the
  // store uses: a group of sixty costs sixty, not the other fifty-nine for each of them, and a
  // question allocates none.
  const groupsOf = new Map<string, number[]>();
  const storeHitsOf = synonymGroups.map((group, g) => {
    const words = [...new Set(group.map(normalize))];
    for (const word of words) groupsOf.set(word, [...(groupsOf.get(word) ?? []), g]);
    return words
      .filter((word) => postings.has(word))
      .map((term): FuzzyHit => ({ term, similarity: SYNONYM_SIMILARITY }));
  });
  const synonymsOf = (word: string): FuzzyHit[] => {
    const groups = groupsOf.get(word) ?? [];
    const out: FuzzyHit[] = [];
    // A group lists each word once; only a word in two groups can meet a word twice.
    for (const g of groups)
      for (const hit of storeHitsOf[g] ?? [])
        if (hit.term !== word && (groups.length === 1 || !out.some((h) => h.term === hit.term)))
          out.push(hit);
    return out;
  };
  // A clitic may hide a word only the synonym list has ("هالمصاري"): it stands for that word's
  // synonyms in the store, as sure as the cut. So may a question word the store has: "بشكد" is
  // "شكد", and so "كم" and "قديش", as "شكد" typed bare is; one phrasing using "شكد" must not make
  // the question a rare word only that phrasing holds.
  const knownOrListed: KnownWords = { ...known, has: (t) => postings.has(t) || groupsOf.has(t) };
  const cliticFreeOrSynonyms = (token: string): FuzzyHit[] =>
    cliticFree(token, knownOrListed).flatMap((hit) => {
      const inStore = postings.has(hit.term);
      const synonyms =
        inStore && !QUESTION_WORDS.has(hit.term)
          ? []
          : synonymsOf(hit.term).map((s) => ({
              term: s.term,
              similarity: s.similarity * hit.similarity,
            }));
      return inStore ? [hit, ...synonyms] : synonyms;
    });

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
    /**
     * Content-word positions of each name found, so a name weighs once however many words it
     * takes; and for a description, the entity it names, which sets its weight.
     */
    spans: { positions: number[]; described?: string }[];
    entityIds: Set<string>;
    /** The entities the question is about: "the Tesla guy" is about Musk, not Tesla. */
    about: Set<string>;
  } => {
    const out = new Map<number, FuzzyHit[]>();
    const named = new Set<number>();
    const spans: { positions: number[]; described?: string }[] = [];
    const entityIds = new Set<string>();
    const about = new Set<string>();
    tokens.forEach((token, i) => {
      // A word the synonym list holds is a real word, spelled right: read as a typo it becomes
      // another word ("grant" → "giant"), and "did the judge grant it?" met the software giant.
      // A known word also meets its other forms in the store ("funded" meets "fund", "عرفت" meets
      // "يعرف"): an entry may phrase it either way. Typos and clitics are read on unknown words only.
      const hits: FuzzyHit[] = postings.has(token)
        ? [{ term: token, similarity: 1 }, ...otherFormsOf(token)]
        : [
            ...(groupsOf.has(token) ? [] : vocabulary.lookup(token)),
            ...cliticFreeOrSynonyms(token),
            ...otherFormsOf(token),
          ];
      const accusative = accusativeVariant(token, known);
      if (accusative) hits.push(accusative);
      const finalAlif = postings.has(token) ? undefined : finalAlifVariant(token, known);
      if (finalAlif) hits.push(finalAlif);
      for (const hit of synonymsOf(token)) hits.push(hit);
      out.set(i, hits);
    });
    // Names are looked for in the question as typed: "the information" and "أغنى رجل في العالم"
    // hold stopwords that the content words no longer have.
    const position = new Map(tokens.map((token, i) => [token, i]));
    for (const found of entities.detectEntities(rawTokens)) {
      const ids = namedBy(found);
      for (const id of ids) entityIds.add(id);
      about.add(found.entity.id);
      const span = rawTokens
        .slice(found.start, found.end)
        .map((token) => position.get(token))
        .filter((i) => i !== undefined);
      if (span.length > 0)
        spans.push(
          found.via ? { positions: span, described: found.entity.id } : { positions: span },
        );
      for (const i of span) {
        named.add(i);
        for (const id of ids) {
          const similarity = found.similarity * (id === found.via?.id ? VIA_SIMILARITY : 1);
          out.get(i)?.push({ term: nameTerm(id), similarity });
        }
      }
    }
    return { stands: out, named, spans, entityIds, about };
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

  // Per-entry scratch for the bounds, allocated once: ranking is synchronous, and a store grown
  // ×100 would otherwise allocate two arrays of every entry per question. Each question leaves
  // them as it found them, all zero.
  const bound = new Float64Array(indexed.length);
  const reach = new Float64Array(indexed.length);
  const reached: number[] = [];
  // Per-phrasing scratch for the entry being scored, sized for the entry with most phrasings.
  const mostPhrasings = indexed.reduce((most, item) => Math.max(most, item.phrasings.length), 0);
  const typedIn = new Int32Array(mostPhrasings);
  const stopwordsIn = new Int32Array(mostPhrasings);
  const pairGain = new Float64Array(mostPhrasings);
  /** The stand-ins each phrasing of the entry being scored holds, grouped by phrasing. */
  const inEachPhrasing = pairsBySlot<undefined>();
  /** With the phrasings of the candidate that hold the stand-in. */
  const inPhrasing = pairsBySlot<readonly number[]>();
  /** With where the candidate holds the stand-in, as a FALLBACK_IN_* mask. */
  const inFallback = pairsBySlot<number>();
  /** The typed words each candidate's phrasings hold, with the phrasings that hold each. */
  const typedHeld = pairsBySlot<readonly number[]>();
  /** Whether phrasings naming each distinct set of entities conflict with the question: −1 unknown. */
  const conflictOfSet = new Int8Array(entitySets.length);
  /** Each entry's place among the question's candidates, −1 for the rest. */
  const slot = new Int32Array(indexed.length).fill(-1);
  const touch = (d: number, sim: number) => {
    if (reach[d] === 0) reached.push(d);
    if (sim > (reach[d] ?? 0)) reach[d] = sim;
  };
  // Higher bound first; the lower index breaks a tie, so the order never depends on arrival.
  const boundsBefore = (x: number, y: number) =>
    (bound[x] ?? 0) > (bound[y] ?? 0) || (bound[x] === bound[y] && x < y);
  const scoreAbove = (x: number, y: number) => x > y;
  /** The entries with a bound so far, and the most promising of them, both reused per question. */
  const bounded: number[] = [];
  const candidates: number[] = [];
  /** Each candidate's bound, by its place among them: `bound` is cleared before they are scored. */
  const upper = new Float64Array(indexed.length);

  const rank = (
    typedTokens: readonly string[],
    limit: number,
    preamble: ReadonlySet<string> = new Set(),
  ): RankedEntry[] => {
    const rawTokens = rejoin(typedTokens);
    const tokens = [...new Set(rawTokens.filter((t) => !STOPWORDS.has(t)))];
    if (tokens.length === 0) return [];
    const { stands, named, spans, entityIds, about: asksAbout } = expand(tokens, rawTokens);
    // "Who's bankrolling the AI venture?" names no one, and means the story's project: a phrasing
    // about the Abilene project's backers, which names Abilene, answers another question, and so
    // does one about Microsoft's part in the project, though it names the project too.
    const projectAlone =
      entityIds.size === 0 && projectOnly.size > 0 && tokens.some((t) => PROJECT_WORDS.has(t));
    const meant = projectAlone ? projectOnly : entityIds;
    const namesProject = (about: ReadonlySet<string>) =>
      project !== undefined && about.has(project);
    const typed = new Set(rawTokens);
    const typedWords = [...typed];
    const typedIsStopword = Uint8Array.from(typedWords, (t) => (STOPWORDS.has(t) ? 1 : 0));
    const typedStopwordCount = typedIsStopword.reduce((a, b) => a + b, 0);
    // A typed array, not a list: the scoring loops read a weight for every word of every phrasing,
    // and a list of numbers there cost a boxed number per read.
    const weights = new Float64Array(tokens.length);
    tokens.forEach((token, i) => {
      const best = stands.get(i)?.[0];
      weights[i] = idf.get(token) ?? (best ? (idf.get(best.term) ?? unknownIdf) : unknownIdf);
    });
    // A name is one thing however many words it takes: "سوفت بنك" must not weigh twice "ماسك".
    // A description weighs what the name it stands for does: "guy" in "the Tesla guy" is no rare word.
    for (const { positions, described } of spans) {
      const weight =
        (described && idf.get(nameTerm(described))) ||
        Math.max(...positions.map((i) => weights[i] ?? 0));
      const share = (weight * ENTITY_WEIGHT) / positions.length;
      for (const i of positions) weights[i] = share;
    }
    const weighDown = (words: Iterable<string>, share: number) => {
      for (const token of words) {
        const i = tokens.indexOf(token);
        if (i >= 0) weights[i] = (weights[i] ?? 0) * share;
      }
    };
    weighDown(sceneWords(rawTokens), SCENE_WEIGHT);
    weighDown(preamble, PREAMBLE_WEIGHT);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    const tokenSim = new Float64Array(tokens.length);
    const tokenAsk = new Float64Array(tokens.length);
    const fallback = new Float64Array(tokens.length);
    const askFallback = new Float64Array(tokens.length);
    const asks = tokens.map((t, i) => !named.has(i) && !QUESTION_WORDS.has(t));
    const askWeight = weights.reduce((a, w, i) => (asks[i] ? a + w : a), 0);

    // Upper bound of each entry's coverage from the posting lists alone; only the most promising
    // entries get the full per-phrasing scoring, which keeps a grown store's latency flat. A word
    // no phrasing of the entry holds earns at most its answer's or sources' share. Flat arrays
    // and a running top list, not maps and a sort: in a store grown ×100 this is most of the work.
    bounded.length = 0;
    for (let i = 0; i < tokens.length; i++) {
      const weight = weights[i] ?? 0;
      for (const h of stands.get(i) ?? []) {
        const lists = postings.get(h.term);
        if (!lists) continue;
        for (const d of lists.inPhrasings) touch(d, h.similarity);
        const elsewhere = h.similarity * FALLBACK_SHARE;
        for (const d of lists.elsewhere) touch(d, elsewhere);
      }
      for (const d of reached) {
        if (bound[d] === 0) bounded.push(d);
        bound[d] = (bound[d] ?? 0) + (reach[d] ?? 0) * weight;
        reach[d] = 0;
      }
      reached.length = 0;
    }
    candidates.length = 0;
    for (const d of bounded) {
      if (!exhaustive && candidates.length === MAX_SCORED_ENTRIES) {
        if (!boundsBefore(d, candidates[MAX_SCORED_ENTRIES - 1] ?? 0)) continue;
        candidates.pop();
      }
      insertSorted(candidates, d, boundsBefore);
    }
    for (let s = 0; s < candidates.length; s++) upper[s] = bound[candidates[s] ?? 0] ?? 0;
    for (const d of bounded) bound[d] = 0;
    // Which stand-ins each candidate holds, read from the posting lists once: looking every
    // stand-in up in every candidate costs more, since a word's synonyms are many.
    inPhrasing.clear();
    inFallback.clear();
    typedHeld.clear();
    for (let s = 0; s < candidates.length; s++) slot[candidates[s] ?? 0] = s;
    for (let i = 0; i < tokens.length; i++) {
      for (const h of stands.get(i) ?? []) {
        const lists = postings.get(h.term);
        if (lists)
          for (let j = 0; j < lists.inPhrasings.length; j++) {
            const s = slot[lists.inPhrasings[j] ?? 0] ?? -1;
            if (s >= 0) inPhrasing.add(s, i, h, lists.phrasingsOf[j] ?? []);
          }
        const fallbackLists = fallbackPostings.get(h.term);
        if (fallbackLists)
          for (let j = 0; j < fallbackLists.entries.length; j++) {
            const s = slot[fallbackLists.entries[j] ?? 0] ?? -1;
            if (s >= 0) inFallback.add(s, i, h, fallbackLists.where[j] ?? 0);
          }
      }
    }
    typedWords.forEach((t, w) => {
      const lists = postings.get(t);
      if (lists)
        for (let j = 0; j < lists.inPhrasings.length; j++) {
          const s = slot[lists.inPhrasings[j] ?? 0] ?? -1;
          if (s >= 0) typedHeld.add(s, w, TYPED_WORD, lists.phrasingsOf[j] ?? []);
        }
    });
    for (const d of candidates) slot[d] = -1;
    inPhrasing.group(candidates.length);
    inFallback.group(candidates.length);
    typedHeld.group(candidates.length);

    const ranked: RankedEntry[] = [];
    const kept: number[] = [];
    // Phrasings that name the same entities share one set (see `entitySetOf`): each is checked
    // against the question once, whichever entries hold it.
    conflictOfSet.fill(-1);
    const matched: string[] = [];
    for (let s = 0; s < candidates.length; s++) {
      const d = candidates[s] ?? 0;
      // Sorted by bound: once even a perfect phrasing could not enter the top `limit`, stop.
      const ceiling = ((1 - PHRASING_SHARE) * (upper[s] ?? 0)) / totalWeight + PHRASING_SHARE;
      if (!exhaustive && kept.length >= limit && ceiling < (kept[limit - 1] ?? 0)) break;
      const item = indexed[d];
      if (!item) continue;
      // The stand-ins it holds, listed per phrasing in question order, so that a phrasing reads
      // its own matches only: a word's synonyms are many, and most phrasings hold none of them.
      // What each can add bounds a phrasing's coverage before any per-word work.
      const count = item.phrasings.length;
      // What each word earns from the entry's other phrasings, its answer or the cited paragraphs
      // is the same for every phrasing.
      inEachPhrasing.clear();
      pairGain.fill(0, 0, count);
      fallback.fill(0);
      askFallback.fill(0);
      for (let at = inPhrasing.first(s); at < inPhrasing.first(s + 1); at++) {
        const token = inPhrasing.token(at);
        const hit = inPhrasing.hit(at);
        for (const k of inPhrasing.extra(at)) {
          inEachPhrasing.add(k, token, hit, undefined);
          pairGain[k] = (pairGain[k] ?? 0) + hit.similarity * (weights[token] ?? 0);
        }
        if (asks[token]) {
          fallback[token] = Math.max(fallback[token] ?? 0, hit.similarity * SIBLING_WEIGHT);
          askFallback[token] = Math.max(askFallback[token] ?? 0, hit.similarity);
        }
      }
      inEachPhrasing.group(count);
      // The rest of a cited paragraph says things the entry does not: it counts towards the score,
      // not towards what is asked ("who is the CEO of Crusoe?" meets ¶17's Lancium CEO).
      for (let at = inFallback.first(s); at < inFallback.first(s + 1); at++) {
        const i = inFallback.token(at);
        const h = inFallback.hit(at);
        const where = inFallback.extra(at);
        const inAnswer = (where & FALLBACK_IN_ANSWER) !== 0;
        if (inAnswer) fallback[i] = Math.max(fallback[i] ?? 0, h.similarity * ANSWER_WEIGHT);
        else if (where & FALLBACK_IN_SOURCES)
          fallback[i] = Math.max(fallback[i] ?? 0, h.similarity * SOURCE_WEIGHT);
        // What the entry says answers what is asked as fully as a phrasing does: "What did The
        // Information reveal in March 2024?" is answered by an entry whose answer says "March 2024".
        if (inAnswer || where & FALLBACK_IN_CITED)
          askFallback[i] = Math.max(askFallback[i] ?? 0, h.similarity);
      }
      // Typed words that no phrasing of the entry holds are missed by every one of them; the rest
      // are counted where they are, through the phrasings that hold each.
      let stopwordsHere = 0;
      typedIn.fill(0, 0, count);
      stopwordsIn.fill(0, 0, count);
      for (let at = typedHeld.first(s); at < typedHeld.first(s + 1); at++) {
        const stopword = typedIsStopword[typedHeld.token(at)] === 1;
        if (stopword) stopwordsHere++;
        for (const k of typedHeld.extra(at)) {
          typedIn[k] = (typedIn[k] ?? 0) + 1;
          if (stopword) stopwordsIn[k] = (stopwordsIn[k] ?? 0) + 1;
        }
      }
      const missedEverywhere = typedStopwordCount - stopwordsHere;
      // About half the phrasings hold none of the question's words: they earn only what the
      // entry itself gives every phrasing, worked out once, and no phrasing coverage at all.
      let fallbackCovered = 0;
      let fallbackAsk = 0;
      for (let i = 0; i < tokens.length; i++) {
        fallbackCovered += (fallback[i] ?? 0) * (weights[i] ?? 0);
        if (asks[i]) fallbackAsk += (askFallback[i] ?? 0) * (weights[i] ?? 0);
      }
      let mentionsEveryEntity = true;
      for (const id of asksAbout) if (!item.namesAnywhere.has(id)) mentionsEveryEntity = false;
      let best = 0;
      let bestCoverage = 0;
      let bestSubstantial = false;
      let bestAsk = 0;
      let bestNames = false;
      // Below the `limit`-th best entry so far, a phrasing cannot change the ranking returned.
      const floor = kept.length >= limit ? (kept[limit - 1] ?? 0) : 0;
      for (let k = 0; k < count; k++) {
        const { terms, entityIds: about, entitySet, contentWeight } = item.phrasings[k] as Phrasing;
        const from = inEachPhrasing.first(k);
        const to = inEachPhrasing.first(k + 1);
        const hasHit = exhaustive || to > from;
        const missedWords = missedEverywhere + stopwordsHere - (stopwordsIn[k] ?? 0);
        // The spare words a phrasing must have, beyond those its matches and typed words explain.
        const fewestExtra = terms.size - (to - from) - (typedIn[k] ?? 0);
        const penalty = EXTRA_WORD_COST * (fewestExtra + missedWords);
        // A first bound before any per-word work: each stand-in it holds adds at most its word's
        // weight to what the entry gives every phrasing.
        const coveredAtMost = Math.min(totalWeight, fallbackCovered + (pairGain[k] ?? 0));
        const atMost =
          ((1 - PHRASING_SHARE) * coveredAtMost) / totalWeight +
          (hasHit ? PHRASING_SHARE : 0) -
          penalty +
          ROUNDING;
        if (!exhaustive && (atMost <= best || atMost < floor)) continue;
        let covered = hasHit ? 0 : fallbackCovered;
        let askCovered = hasHit ? 0 : fallbackAsk;
        let wordsFound = 0;
        let entityFound = false;
        // Plain loops and small arrays: this runs for every phrasing of every candidate. `matched`
        // keeps its room from one phrasing to the next: emptying it would free that room, and a
        // question would then allocate it again for each phrasing.
        let matchedCount = 0;
        if (hasHit) {
          for (let i = 0; i < tokens.length; i++) {
            tokenSim[i] = fallback[i] ?? 0;
            tokenAsk[i] = askFallback[i] ?? 0;
          }
          // A word counts as found when it brings a stand-in no earlier word matched.
          let current = -1;
          let foundNew = false;
          for (let at = from; at < to; at++) {
            const i = inEachPhrasing.token(at);
            if (i !== current) {
              if (foundNew) {
                wordsFound++;
                if (named.has(current)) entityFound = true;
              }
              current = i;
              foundNew = false;
            }
            const { term, similarity: sim } = inEachPhrasing.hit(at);
            let seen = false;
            for (let m = 0; m < matchedCount && !seen; m++) seen = matched[m] === term;
            if (!seen) {
              matched[matchedCount++] = term;
              foundNew = true;
            }
            if (sim > (tokenSim[i] ?? 0)) tokenSim[i] = sim;
            if (sim > (tokenAsk[i] ?? 0)) tokenAsk[i] = sim;
          }
          if (foundNew) {
            wordsFound++;
            if (named.has(current)) entityFound = true;
          }
          for (let i = 0; i < tokens.length; i++) {
            covered += (tokenSim[i] ?? 0) * (weights[i] ?? 0);
            if (asks[i]) askCovered += (tokenAsk[i] ?? 0) * (weights[i] ?? 0);
          }
        }
        const queryCoverage = covered / totalWeight;
        // Even covering all of itself, with no spare word beyond those no match can explain, this
        // phrasing would not beat the entry's best so far, or enter the top `limit` at all.
        const most = (1 - PHRASING_SHARE) * queryCoverage + (hasHit ? PHRASING_SHARE : 0) - penalty;
        if (!exhaustive && (most <= best || most < floor)) continue;
        let hit = 0;
        let used = matchedCount;
        for (let m = 0; m < matchedCount; m++) {
          const term = matched[m] as string;
          if (!STOPWORDS.has(term)) hit += idf.get(term) ?? 0;
          if (typed.has(term)) used--;
        }
        // The other way round, the small words of the question that the phrasing lacks:
        // "what did altman say to musk" is his reply to Musk, not what he said about him.
        used += typedIn[k] ?? 0;
        const phrasingCoverage = contentWeight > 0 ? hit / contentWeight : 0;
        const extraWords = terms.size - used;
        let score =
          (1 - PHRASING_SHARE) * queryCoverage +
          PHRASING_SHARE * phrasingCoverage -
          EXTRA_WORD_COST * (extraWords + missedWords);
        if (conflictOfSet[entitySet] === -1)
          conflictOfSet[entitySet] = (
            projectAlone
              ? namesBeyond(about, projectOnly)
              : conflicts(meant, about)
          )
            ? 1
            : 0;
        if (conflictOfSet[entitySet] === 1 || (about.size === 0 && !mentionsEveryEntity))
          score *= ENTITY_CONFLICT_FACTOR;
        if (score > best) {
          best = score;
          bestCoverage = phrasingCoverage;
          // "من يمول المشروع": the project word found the project a phrasing names as "ستارغيت".
          bestSubstantial = wordsFound >= 2 || entityFound || (projectAlone && namesProject(about));
          bestAsk = askWeight > 0 ? askCovered / askWeight : 1;
          bestNames = namesAll(asksAbout, about, item.answerTerms);
        }
      }
      // Below the `limit`-th best score, an entry is never returned: only the top ones are kept.
      if (!exhaustive && kept.length >= limit && best < (kept[limit - 1] ?? 0)) continue;
      ranked.push({
        entry: item.entry,
        score: best,
        phrasingCoverage: bestCoverage,
        substantial: bestSubstantial,
        askCoverage: bestAsk,
        namesEveryEntity: bestNames,
        mentionsEveryEntity,
      });
      insertSorted(kept, best, scoreAbove);
    }
    return ranked
      .sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id))
      .slice(0, limit);
  };

  return { rank, synonymsOf };
}

/**
 * (slot, question word, stand-in, what the slot says of it) in flat arrays reused from question
 * to question, then grouped by slot (a candidate, or a phrasing of one), each group in the order
 * added: a question allocates nothing here.
 */
function pairsBySlot<Extra>() {
  let slots = new Int32Array(256);
  let tokens = new Int32Array(256);
  const hits: FuzzyHit[] = [];
  const extras: Extra[] = [];
  let order = new Int32Array(256);
  let starts = new Int32Array(64);
  let cursor = new Int32Array(64);
  let length = 0;
  return {
    clear() {
      length = 0;
    },
    add(slot: number, token: number, hit: FuzzyHit, extra: Extra) {
      if (length === slots.length) {
        const grown = (from: Int32Array) => {
          const to = new Int32Array(2 * from.length);
          to.set(from);
          return to;
        };
        slots = grown(slots);
        tokens = grown(tokens);
      }
      slots[length] = slot;
      tokens[length] = token;
      hits[length] = hit;
      extras[length] = extra;
      length++;
    },
    group(slotCount: number) {
      if (starts.length < slotCount + 1) {
        starts = new Int32Array(slotCount + 1);
        cursor = new Int32Array(slotCount + 1);
      }
      if (order.length < length) order = new Int32Array(slots.length);
      starts.fill(0, 0, slotCount + 1);
      for (let j = 0; j < length; j++) {
        const s = (slots[j] ?? 0) + 1;
        starts[s] = (starts[s] ?? 0) + 1;
      }
      for (let s = 0; s < slotCount; s++) starts[s + 1] = (starts[s + 1] ?? 0) + (starts[s] ?? 0);
      // Copied by hand: a `subarray` view would be allocated per call, for each candidate.
      for (let s = 0; s < slotCount; s++) cursor[s] = starts[s] ?? 0;
      for (let j = 0; j < length; j++) {
        const s = slots[j] ?? 0;
        const at = cursor[s] ?? 0;
        cursor[s] = at + 1;
        order[at] = j;
      }
    },
    /** Where the group of a slot begins; the next slot's is where it ends. */
    first: (slot: number) => starts[slot] ?? 0,
    token: (at: number) => tokens[order[at] ?? 0] ?? 0,
    hit: (at: number) => hits[order[at] ?? 0] as FuzzyHit,
    extra: (at: number) => extras[order[at] ?? 0] as Extra,
  };
}

/** Puts `item` into the sorted `list` after every element that does not come after it. */
function insertSorted<T>(list: T[], item: T, precedes: (a: T, b: T) => boolean): void {
  // Shifted by hand: `splice` would allocate the (empty) list of what it removed, per call.
  let at = list.length;
  list.push(item);
  while (at > 0 && precedes(item, list[at - 1] as T)) {
    list[at] = list[at - 1] as T;
    at--;
  }
  list[at] = item;
}

/** Every entity the question names is named by the phrasing or by the entry's answer. */
function namesAll(
  asked: ReadonlySet<string>,
  about: ReadonlySet<string>,
  answerTerms: ReadonlySet<string>,
): boolean {
  for (const id of asked) if (!about.has(id) && !answerTerms.has(nameTerm(id))) return false;
  return true;
}

/** The phrasing names an entity beyond `meant`. */
function namesBeyond(about: ReadonlySet<string>, meant: ReadonlySet<string>): boolean {
  for (const id of about) if (!meant.has(id)) return true;
  return false;
}

/** The question names an entity the phrasing lacks, and the phrasing names one the question lacks. */
function conflicts(asked: ReadonlySet<string>, about: ReadonlySet<string>): boolean {
  for (const id of asked) if (!about.has(id)) return namesBeyond(about, asked);
  return false;
}

/**
 * "The Tesla guy" names Musk, and Tesla too: a phrasing that says "Tesla's boss" in words the
 * descriptions do not read ("مدير تنفيذي لشركة تسلا") still meets it.
 */
const namedBy = (found: DetectedEntity): string[] =>
  found.via ? [found.entity.id, found.via.id] : [found.entity.id];

/** Words for a project, as a question says "the project" or "المشروع" without naming it. */
const PROJECT_WORDS = wordSet("project venture scheme undertaking megaproject مشروع");

/** Store text's stand-in for a name; tokens never hold "#", so no typed word can be one. */
const NAME_PREFIX = "#";
const nameTerm = (entityId: string) => `${NAME_PREFIX}${entityId}`;
const isNameTerm = (term: string) => term.startsWith(NAME_PREFIX);
const entityIdOf = (term: string) => term.slice(NAME_PREFIX.length);
const range = (start: number, end: number) =>
  Array.from({ length: end - start }, (_, k) => start + k);
