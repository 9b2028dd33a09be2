import type { Entity } from "../knowledge/schema.ts";
import { ARTICLE_PREFIXES, normalize, stripArticle } from "../text/normalize.ts";
import { STOPWORDS } from "../text/stopwords.ts";
import { ARABIC_FUTURE_VERB, ARABIC_TOKEN } from "../text/token-scripts.ts";
import { wordSet } from "../text/word-lists.ts";
import { buildDescriptions, type Described, UNHELD_TITLES } from "./descriptions.ts";
import { buildFuzzyTermIndex, type FuzzyHit, letterPairsShared } from "./fuzzy-terms.ts";

/** An entity found for a query, with how sure we are (1 for an exact alias). */
export interface EntityMatch {
  entity: Entity;
  similarity: number;
  /** Typed with a person's role beside it that the story gives no one: "the CEO of SoftBank". */
  unheldRole?: boolean;
}

export interface EntityIndex {
  /** Best entities for a name typed by a user: exact alias first, then fuzzy, best first. */
  findEntity(query: string): EntityMatch[];
  /**
   * Entities named anywhere in a tokenised question, in the order they appear, by name or by
   * description ("the Tesla guy" is Musk: see `descriptions.ts`).
   */
  detectEntities(tokens: readonly string[], options?: { exact?: boolean }): DetectedEntity[];
  /** Every entity id that answers to exactly this normalised alias. */
  byAlias(normalizedAlias: string): readonly Entity[];
}

/** A name found in a question: `start` and `end` are the token positions its alias covered. */
export interface DetectedEntity extends Described {
  similarity: number;
}

/** Whether one of the names found takes in the token at `index`. */
export function namesTokenAt(names: readonly DetectedEntity[], index: number): boolean {
  return names.some((d) => d.start <= index && index < d.end);
}

/** Tuned on the eval set's names (see bench/RESULTS.md): below this, typo'd names start hitting the wrong entity. */
export const ENTITY_MIN_SIMILARITY = 0.78;
const MAX_ALIAS_WORDS = 4;
/** The most letters a spelling trims before a name: a proclitic and the longest article form. */
const MAX_PREFIX_LETTERS = 1 + Math.max(...ARTICLE_PREFIXES.map((prefix) => prefix.length));

/** Letters a word needs before a misspelling of it is told from another word. */
const MIN_TYPO_LETTERS = 3;
/**
 * Whether the typed words could spell the name `term` word for word, typos included. A typo keeps
 * the script of the word it spoils: "microsoft و" is Microsoft and "and", never "microsoft ceo"
 * one letter-count away. A word of one or two letters that differs is another word, not a typo:
 * "what does OpenAI do" asks about OpenAI, not "OpenAI CEO" two edits away.
 */
const spellsWordForWord = (words: readonly string[], term: string): boolean => {
  const parts = term.split(" ");
  return (
    parts.length === words.length &&
    parts.every((w, k) => {
      const typed = words[k] ?? "";
      return (
        ARABIC_TOKEN.test(w) === ARABIC_TOKEN.test(typed) &&
        (typed === w || (typed.length >= MIN_TYPO_LETTERS && !UNHELD_TITLES.has(typed)))
      );
    })
  );
};

/**
 * A short word with one letter changed ("mosk", "mask" for "musk") is a quarter off, below what a
 * word alone may be; beside the rest of a name spelled right it is still that name, and counts for
 * the letters it kept. 0 for anything further off.
 */
function oneLetterChanged(typed: string, part: string): number {
  if (typed.length !== part.length || typed.length < MIN_TYPO_LETTERS + 1) return 0;
  let changed = 0;
  for (let k = 0; k < typed.length; k++) if (typed[k] !== part[k]) changed++;
  return changed === 1 ? (typed.length - 1) / typed.length : 0;
}

/**
 * "/who musk's wife", "/who trump's lawyer": someone the story never names, known by a tie to a
 * person it does. The person is offered, never answered as though he were his own wife.
 */
const TIES = wordSet(
  `wife husband spouse mom mum mother dad father parents brother sister sibling siblings son
  sons daughter daughters kid kids child children girlfriend boyfriend family cousin uncle aunt
  lawyer lawyers attorney attorneys judge spokesman spokeswoman spokesperson
  secretary deputy assistant vice vp
  زوجة زوجته زوج زوجها والدة والدته والد والده امه أمه ابوه أبوه ابن ابنه بنت بنته اخ اخو اخوه اخت
  اخته أولاد اولاده أولاده عائلة عائلته عيلة عيلته محامي محاميه محامو قاضي نائب نائبه
  متحدث مساعد مساعده`,
);
/** Below every cut-off that answers: the person is only offered. */
const TIED_SIMILARITY = 0.5;

/**
 * Whether a person found in the question stands right beside a tie word ("musk's lawyer", "محامي
 * ماسك"): the question is about someone the story never names.
 */
export function asksAboutTiedPerson(
  tokens: readonly string[],
  names: readonly DetectedEntity[],
): boolean {
  return names.some(
    (d) =>
      d.entity.kind === "person" &&
      (TIES.has(tokens[d.end] ?? "") || TIES.has(tokens[d.start - 1] ?? "")),
  );
}

// Shared by every word that names nothing, which is most words of a question.
const NO_HITS: readonly EntityMatch[] = [];
const NO_NEAR_NAMES: readonly FuzzyHit[] = [];
const NO_WORDS: ReadonlySet<string> = new Set();

/**
 * A name as the tokeniser may have left it. Arabic writes "and", "to", "with", "like" and "so"
 * as one letter joined to the next word ("لمايكروسوفت", "وسام"); and "ل" before a name that
 * itself starts with "ل" reads as "لل", the article's form, so "للانشيوم" loses one "ل" too many.
 */
const PROCLITIC = /^[وبلكف](?=[\u0621-\u064A]{3})/;
/**
 * What the first of a phrase's spellings that is an alias names, or undefined. Each spelling is
 * built only when the one before it is no alias: every word of every question passes here.
 */
const spelledOwners = (
  phrase: string,
  owners: ReadonlyMap<string, readonly Entity[]>,
): readonly Entity[] | undefined => {
  const direct = owners.get(phrase);
  if (direct) return direct;
  const withoutProclitic = phrase.replace(PROCLITIC, "");
  // A name that starts as the article does ("ألتمان", "إليسون") is stored without it, as the
  // tokeniser leaves it; after "ل" ("لألتمان") the tokeniser took it for no article at all.
  return (
    owners.get(withoutProclitic) ??
    owners.get(stripArticle(withoutProclitic)) ??
    owners.get(`ل${phrase}`)
  );
};

/**
 * `realWords` are never read as a misspelt name: words the store writes itself (see `realWordsOf`
 * in index.ts), each as close to some name as a typo is. Nor is a word that opens as a verb in the
 * future does, as no one-word name does: "ستأتي" (will come) is not "ساتيا", nor "السنادي" (this
 * year, in Egypt) "ناديلا".
 */
export function buildEntityIndex(
  entities: readonly Entity[],
  { realWords = NO_WORDS }: { realWords?: ReadonlySet<string> } = {},
): EntityIndex {
  const aliasMap = new Map<string, Entity[]>();
  for (const entity of entities) {
    for (const alias of [entity.name.en, entity.name.ar, ...entity.aliases]) {
      const key = normalize(alias);
      if (!key) continue;
      const owners = aliasMap.get(key) ?? [];
      if (!owners.includes(entity)) owners.push(entity);
      aliasMap.set(key, owners);
    }
  }
  const fuzzyNames = (names: Iterable<string>) =>
    buildFuzzyTermIndex(names, {
      minSimilarity: ENTITY_MIN_SIMILARITY,
      minLength: 5,
      minLengthRatio: 0.75,
    });
  const fuzzy = fuzzyNames(aliasMap.keys());
  // The names of several words, word by word.
  const severalWords = [...aliasMap.keys()]
    .map((key) => key.split(" "))
    .filter((words) => words.length > 1);

  // A run of several words is matched against the names of as many words only, each set its own
  // index: a look-up then weighs a handful of names, not all of them.
  const fuzzyOfLength = new Map(
    Array.from({ length: MAX_ALIAS_WORDS - 1 }, (_, k) => {
      const count = k + 2;
      const names = severalWords.filter((words) => words.length === count);
      return [count, fuzzyNames(names.map((words) => words.join(" ")))] as const;
    }),
  );

  // The words of the names of several words, each looked up alone.
  const nameWords = buildFuzzyTermIndex(new Set(severalWords.flat()), {
    minSimilarity: ENTITY_MIN_SIMILARITY,
    minLength: 4,
    minLengthRatio: 0.75,
  });
  /**
   * A name of several words is as close as its words are, each weighed by its letters. Bitap
   * judges "sam altmn" against all ten letters of "sam altman" and finds it further (0.79) than
   * "altmn" alone is from "altman" (0.8), so the full name with a typo was only suggested.
   */
  const closenessWordByWord = (words: readonly string[], name: string): number => {
    let letters = 0;
    let close = 0;
    name.split(" ").forEach((part, k) => {
      const typed = words[k] ?? "";
      const similarity =
        typed === part
          ? 1
          : (nameWords.lookup(typed).find((h) => h.term === part)?.similarity ??
            oneLetterChanged(typed, part));
      letters += part.length;
      close += part.length * similarity;
    });
    return letters > 0 ? close / letters : 0;
  };

  const byAlias = (key: string): readonly Entity[] => aliasMap.get(key) ?? [];
  const describe = buildDescriptions(entities);
  // "the" of "the information" or "في" of "أغنى رجل في العالم" is in nearly every run of words.
  const namePartWords = new Set(severalWords.flat().filter((word) => !STOPWORDS.has(word)));

  // A spelling of a phrase only trims or adds letters before its first word, so a run of words
  // can spell a name of several words only if its first word ends in that name's first word, or
  // is it without its "ل". Most runs of a question fail this, and skip building their spellings.
  const firstWords = new Set(severalWords.map(([first]) => first ?? ""));
  // Only an ending as long as some first word is cut and looked up.
  const firstWordLengths = new Set([...firstWords].map((word) => word.length));
  const mayStartName = (word: string): boolean => {
    if (firstWordLengths.has(word.length + 1) && firstWords.has(`ل${word}`)) return true;
    for (let k = 0; k <= MAX_PREFIX_LETTERS && k < word.length; k++)
      if (firstWordLengths.has(word.length - k) && firstWords.has(word.slice(k))) return true;
    return false;
  };

  // Read in place: most runs of a question are ruled out here, and a slice of each would be
  // allocated only to be thrown away.
  const holdsNamePart = (tokens: readonly string[], from: number, to: number): boolean => {
    for (let k = from; k < to; k++) if (namePartWords.has(tokens[k] ?? "")) return true;
    return false;
  };

  const detectEntities = (
    tokens: readonly string[],
    { exact = false }: { exact?: boolean } = {},
  ): DetectedEntity[] => {
    const found: DetectedEntity[] = [];
    let i = 0;
    while (i < tokens.length) {
      // Dictation splits a name it does not know into two words it does: "alt man" is "altman".
      const nextWord = tokens[i + 1];
      const split =
        exact || nextWord === undefined ? undefined : aliasMap.get(tokens[i] + nextWord);
      if (split) {
        for (const entity of split) found.push({ entity, similarity: 1, start: i, end: i + 2 });
        i += 2;
        continue;
      }
      let matched = false;
      const startsName = mayStartName(tokens[i] ?? "");
      for (let n = Math.min(MAX_ALIAS_WORDS, tokens.length - i); n >= 1 && !matched; n--) {
        const namePart = n > 1 && holdsNamePart(tokens, i, i + n);
        if (n > 1 && !startsName && (exact || !namePart)) continue;
        const words = n === 1 ? undefined : tokens.slice(i, i + n);
        const phrase = words ? words.join(" ") : (tokens[i] ?? "");
        let hits: readonly EntityMatch[] =
          spelledOwners(phrase, aliasMap)?.map((entity) => ({ entity, similarity: 1 })) ?? NO_HITS;
        const near =
          hits.length === 0 &&
          !exact &&
          (n > 1 ? namePart : !realWords.has(phrase) && !ARABIC_FUTURE_VERB.test(phrase))
            ? (fuzzyOfLength.get(n) ?? fuzzy).lookup(phrase)
            : NO_NEAR_NAMES;
        if (near.length > 0) {
          // Several words are matched only against names of as many words, and only when one of
          // them is spelled right: "elon mask" is "elon musk", but it must not fuzzily become
          // the one-word "elon", and a run of random words is not worth a search.
          hits = near
            .filter((h) => spellsWordForWord(words ?? [phrase], h.term))
            .flatMap((h) => {
              const similarity = words
                ? Math.max(h.similarity, closenessWordByWord(words, h.term))
                : h.similarity;
              return byAlias(h.term).map((entity) => ({ entity, similarity }));
            });
          const best = Math.max(0, ...hits.map((h) => h.similarity));
          hits = hits.filter((h) => h.similarity === best);
        }
        for (const hit of hits) found.push({ ...hit, start: i, end: i + n });
        if (hits.length > 0) {
          matched = true;
          i += n;
        }
      }
      if (!matched) i += 1;
    }
    // The store's text is taken as written; readers' descriptions are read.
    if (exact) return found;
    // A role word another name already took is not free to describe this one.
    return found.map((d) => {
      const free = tokens.map((t, k) =>
        found.some((o) => o !== d && k >= o.start && k < o.end) ? "" : t,
      );
      return describe(d, free);
    });
  };

  // A person's first name, with the names of two words it begins: "larry" → "larry ellison".
  const fullNamesAfter = new Map<string, string[]>();
  for (const [first, last, ...rest] of severalWords) {
    if (!first || !last || rest.length > 0 || !aliasMap.has(first)) continue;
    const person = byAlias(first).find((e) => e.kind === "person");
    if (!person || !byAlias(`${first} ${last}`).includes(person)) continue;
    fullNamesAfter.set(first, [...(fullNamesAfter.get(first) ?? []), `${first} ${last}`]);
  }
  /**
   * "/who larry page" is another Larry: a first name followed by a surname that is not this
   * person's is as close as the two words are to his full name ("larry ellison", 0.42), where the
   * first name alone would answer. Only a word that is no stopword, names no one and is not the
   * store's own is read as a surname: "sam on stargate" and "elon tweet" still mean them.
   */
  const asOtherSurname = (
    tokens: readonly string[],
    d: DetectedEntity,
    found: readonly DetectedEntity[],
  ) => {
    const first = tokens[d.start] ?? "";
    const next = tokens[d.end];
    const fullNames = fullNamesAfter.get(first);
    if (d.end - d.start !== 1 || !next || !fullNames) return undefined;
    if (STOPWORDS.has(next) || realWords.has(next) || namesTokenAt(found, d.end)) return undefined;
    // His surname misspelt past what a typo look-up takes ("لاري إيليسون") keeps most of its
    // letter pairs; another person's keeps next to none ("page", "بيج"), or half of a short one
    // ("بانكمان" has "ما" and "ان" of Altman's "تمان", as the tokeniser leaves "ألتمان").
    if (fullNames.some((name) => letterPairsShared(next, name.slice(first.length + 1)) > 0.5))
      return undefined;
    return Math.max(...fullNames.map((name) => closenessWordByWord([first, next], name)));
  };

  const findEntity = (query: string): EntityMatch[] => {
    const key = normalize(query);
    if (!key) return [];
    const exact = byAlias(key);
    if (exact.length > 0) return exact.map((entity) => ({ entity, similarity: 1 }));

    const scores = new Map<Entity, number>();
    const unheld = new Set<Entity>();
    const keep = (entity: Entity, similarity: number) => {
      scores.set(entity, Math.max(scores.get(entity) ?? 0, similarity));
    };
    for (const hit of fuzzy.lookup(key))
      for (const entity of byAlias(hit.term)) keep(entity, hit.similarity);
    // A name inside a longer query ("who is elon musk") still counts, a little less than the whole query.
    const tokens = key.split(" ");
    if (tokens.length > 1) {
      const found = detectEntities(tokens);
      // A name as typed is the whole query, so a tie word anywhere in it asks for someone else
      // ("the judge in musk's case"); a question is read more narrowly (`asksAboutTiedPerson`).
      const tieAsked = tokens.some((t) => TIES.has(t));
      for (const d of found) {
        const coverage = (d.end - d.start) / tokens.length;
        const similarity = Math.min(
          asOtherSurname(tokens, d, found) ?? d.similarity,
          d.entity.kind === "person" && tieAsked ? TIED_SIMILARITY : 1,
        );
        // "The founder of OpenAI" is one of the people who founded it, each as likely.
        for (const entity of d.heldBy ?? [d.entity])
          keep(entity, similarity * (0.85 + 0.15 * coverage));
        if (d.unheldRole) unheld.add(d.entity);
      }
    }
    return [...scores]
      .map(([entity, similarity]) =>
        unheld.has(entity) ? { entity, similarity, unheldRole: true } : { entity, similarity },
      )
      .sort((a, b) => b.similarity - a.similarity || a.entity.id.localeCompare(b.entity.id));
  };

  return { findEntity, detectEntities, byAlias };
}
