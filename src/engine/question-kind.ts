import type { EntityKind, FaqEntry } from "../knowledge/schema.ts";
import { foldDigits, tokenize } from "../text/normalize.ts";
import { ARABIC_QUESTION_WORDS, ENGLISH_QUESTION_WORDS } from "../text/question-words.ts";
import { STOPWORDS } from "../text/stopwords.ts";
import { ARABIC_FUTURE_VERB, ARABIC_TOKEN, LATIN_TOKEN } from "../text/token-scripts.ts";
import { word, wordSet } from "../text/word-lists.ts";
import { type DetectedEntity, namesTokenAt } from "./entity-index.ts";
import type { FuzzyHit } from "./fuzzy-terms.ts";
import type { ReadEntry } from "./store-reading.ts";

/**
 * What kind of fact a question asks for, read from its question words. An entry that neither is
 * asked that way nor holds that kind of fact answers another question: "When was OpenAI founded?"
 * meets "who founded OpenAI?", and "How much did Musk give?" meets "did Musk fund the campaign?".
 */
export type QuestionKind =
  | "time"
  | "future"
  | "year"
  | "month"
  | "day"
  | "amount"
  | "count"
  | "place"
  | "reason"
  | "measure"
  | "age"
  | "founding";

/** One or two normalised words each; two-word cues must appear side by side. */
const CUES: readonly (readonly [QuestionKind, string])[] = [
  ["time", "when"],
  ["time", "متى"],
  // A year, a month or a day is a time, and finer than "when": an answer must name one. "In what
  // year was Microsoft founded?" is not answered by what Microsoft said "this week".
  ["year", "what year"],
  ["year", "which year"],
  ["year", "أي عام"],
  ["year", "أي سنة"],
  ["month", "what month"],
  ["month", "which month"],
  ["month", "أي شهر"],
  ["day", "what day"],
  ["day", "which day"],
  ["day", "what date"],
  ["day", "أي يوم"],
  // "اليوم المحدد", "the exact day": asked for by its precision whatever word asks.
  ["day", "يوم محدد"],
  ["day", "تاريخ محدد"],
  ["amount", "how much"],
  ["amount", "how many"],
  ["amount", "كم"],
  // "What cost figure did The Information report?" asks for a figure as surely as "how much".
  ["amount", "what cost"],
  ["amount", "what figure"],
  ["amount", "what price"],
  ["amount", "what sum"],
  ["amount", "what amount"],
  ["amount", "which figure"],
  ["place", "where"],
  ["place", "أين"],
  // "Which state…", "في أي بلد…" ask for a place as surely as "where". Not "which city": an
  // answer naming California does not say which city in it.
  ["place", "what state"],
  ["place", "which state"],
  ["place", "what country"],
  ["place", "which country"],
  ["place", "أي ولاية"],
  ["place", "أي بلد"],
  ["place", "أي دولة"],
  ["reason", "why"],
  ["reason", "لماذا"],
  // The story gives no one's age: only an entry asked "how old" ("how old is xAI", founded last
  // year) answers it, so "how old is Sam Altman, and when did he become CEO" is not answered by
  // whatever shares its other words.
  ["age", "how old"],
  ["age", "كم عمر"],
  ["age", "قديش عمر"],
  // Gulf, Iraqi, Egyptian, Levantine and Maghrebi readers ask with their own words.
  ["time", "امتى"],
  ["amount", "قديش"],
  ["amount", "كام"],
  ["place", "وين"],
  ["place", "فين"],
  ["reason", "ليش"],
  ["reason", "ليه"],
  ["reason", "علاش"],
  ["amount", "شحال"],
  ["amount", "بكام"],
  // "بكم" is "كم" with "ب" written onto it: "for how much", in the standard language too.
  ["amount", "بكم"],
  ["amount", "شكد"],
  ["amount", "بشكد"],
  ["place", "منين"],
  ["time", "ايمتى"],
  ["amount", "قداش"],
  ["time", "وقتاش"],
  ["time", "متين"],
  ["time", "شوكت"],
  ["time", "ايحين"],
  ["reason", "شحقه"],
  ["reason", "علاه"],
  // A time still to come: the answer must speak of one. "When will the Abilene data center be
  // finished?" is not answered by the day it was announced.
  ["future", "when will"],
  ["future", "متى سوف"],
  ["future", "متى رح"],
  ["future", "امتى رح"],
];
/** "What exact date", "which specific day": the cue is "what date", and no less exacting. */
const PRECISION = wordSet(
  "exact exactly precise precisely specific specifically بالضبط بالظبط بالزبط تحديدا بالتحديد",
);
/**
 * "What's the exact date of the hearing?", "SoftBank's exact stake": an exact date asks for a day,
 * and an exact stake for a figure, wherever the words stand, as "تاريخ محدد" does, though "what"
 * asks only of the next word.
 */
const EXACT_NOUNS: ReadonlyMap<string, readonly QuestionKind[]> = new Map(
  (
    [
      ["date day", ["time", "day"]],
      ["month", ["time", "month"]],
      ["year", ["time", "year"]],
      ["amount figure sum number stake share percentage cost price", ["amount"]],
      ["location place address", ["place"]],
    ] as const
  ).flatMap(([nouns, kinds]) => [...wordSet(nouns)].map((noun) => [noun, kinds] as const)),
);
/**
 * "What's xAI's budget for the Memphis data center?" asks for a sum, wherever the word stands: an
 * entry that says only where xAI builds does not give one.
 */
const BUDGET_WORDS = wordSet("budget budgets ميزانيه ميزانيتها ميزانيته ميزانيات");
/** Kinds that ask for a time too: a question asking for one is also asking "when". */
const FINER_TIMES: ReadonlySet<QuestionKind> = new Set(["year", "month", "day"]);
/** The kinds asked, without the year, month or day: what a question asks when it asks "when". */
export function withoutFinerTimes(kinds: ReadonlySet<QuestionKind>): Set<QuestionKind> {
  return new Set([...kinds].filter((kind) => !FINER_TIMES.has(kind)));
}
const NORMALISED = CUES.map(([kind, cue]) => [kind, tokenize(cue).join(" ")] as const);
const CUE_PAIRS: ReadonlySet<string> = new Set(
  NORMALISED.map(([, cue]) => cue).filter((cue) => cue.includes(" ")),
);

/**
 * Words that ask, normalised like the store: they tell the kind of fact wanted, not what it is
 * about, so they are left out of what a question asks (`RankedEntry.askCoverage`).
 */
export const QUESTION_WORDS = wordSet(`${ENGLISH_QUESTION_WORDS} ${ARABIC_QUESTION_WORDS}`);

/**
 * The noun of a two-word cue ("month" in "which month"): the kind check asks the answer for a
 * month, so the word says nothing more, and as a word no phrasing holds it cost the right entry
 * ("في اي شهر نشروا اول تقرير عن ستارغيت").
 */
const KIND_NOUNS: ReadonlySet<string> = new Set(
  NORMALISED.flatMap(([, cue]) => (cue.includes(" ") ? cue.split(" ").slice(1) : [])).filter(
    (word) => !QUESTION_WORDS.has(word),
  ),
);

/** The question's tokens without the nouns of its two-word cues, for ranking. */
export function withoutKindNouns(tokens: readonly string[]): string[] {
  return tokens.filter(
    (token, i) => !(KIND_NOUNS.has(token) && i > 0 && CUE_PAIRS.has(`${tokens[i - 1]} ${token}`)),
  );
}

/** English words that open a yes/no question: "Did Nadella laugh when…" asks no "when". */
export const YES_NO_OPENERS: ReadonlySet<string> = new Set(
  "did does do is was were are has have had can could will would should".split(" "),
);

/**
 * Only the first question word of an English question asks: a later "when" or "where" joins two
 * clauses ("was Nadella laughing when he mentioned the 80 billion?", "what did Musk say when Trump
 * announced it?"), and a question opened by "did" or "was" asks yes or no. Arabic readers put the
 * question word anywhere ("الجلسة امتى؟"), so Arabic words count wherever they are.
 */
function askingWords(tokens: readonly string[]): string[] {
  const opener = tokens.findIndex(
    (t, i) => QUESTION_WORDS.has(t) || (i === 0 && YES_NO_OPENERS.has(t)),
  );
  if (opener < 0) return [...tokens];
  return tokens.filter((t, i) => i <= opener + 1 || !LATIN_TOKEN.test(t));
}

export function questionKinds(allTokens: readonly string[]): Set<QuestionKind> {
  const tokens = askingWords(allTokens.filter((t) => !PRECISION.has(t)));
  const kinds = new Set<QuestionKind>();
  const pairs = new Set(tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`));
  const words = new Set(tokens);
  for (const [kind, cue] of NORMALISED) {
    if (!(cue.includes(" ") ? pairs.has(cue) : words.has(cue))) continue;
    if (FINER_TIMES.has(kind)) kinds.add("time");
    kinds.add(kind);
  }
  // "متى سيكتمل", "امتى هيخلص", "متى راح يخلص": the future right after the question word.
  const arabicFuture = tokens.some(
    (t, i) =>
      ARABIC_WHEN.has(tokens[i - 1] ?? "") &&
      (ARABIC_FUTURE_VERB.test(t) || ARABIC_FUTURE_WORDS.has(t)),
  );
  // "When is the site going to be done?", "gonna open": a time to come, as "when will" asks.
  // Not "when did it get going", which asks when it started.
  const englishFuture =
    words.has(WHEN) &&
    allTokens.some(
      (t, i) => t === GOING && i + 1 < allTokens.length && !GETTING.has(allTokens[i - 1] ?? ""),
    );
  if (arabicFuture || englishFuture) kinds.add("future");
  // "How many data centers…", "كم مركز بيانات…" count things; "how many billions…" and "كم
  // قيمة…" ask a sum of money.
  if (kinds.has("amount") && countCue(allTokens) >= 0) kinds.add("count");
  // Search words ask with no question word: "abilene buildings count", "number of data centers".
  const asksNothing = kinds.size === 0 && !allTokens.some((t) => QUESTION_WORDS.has(t));
  if (asksNothing && allTokens.some((t) => COUNT_WORDS.has(t))) {
    kinds.add("amount");
    kinds.add("count");
  }
  allTokens.forEach((t, i) => {
    if (PRECISION.has(allTokens[i - 1] ?? ""))
      for (const kind of EXACT_NOUNS.get(t) ?? []) kinds.add(kind);
  });
  if (allTokens.some((t) => UNIT_WORDS.has(t))) kinds.add("measure");
  if (allTokens.some((t) => BUDGET_WORDS.has(t))) kinds.add("amount");
  if (kinds.has("time") && allTokens.some((t) => FOUNDING_WORDS.has(t))) kinds.add("founding");
  return kinds;
}

/**
 * "When was Oracle founded?" asks a founding date, which the story gives for xAI alone, as it
 * gives no one's age: only an entry asked that way answers it. Its time is no founding date
 * otherwise: Oracle's co-founder spoke "on Tuesday".
 */
const FOUNDING_WORDS = wordSet("found founded establish established تأسست تأسس أسس أسست تأسيس");

/** The one-word Arabic cues of a kind. */
function arabicCues(of: QuestionKind): ReadonlySet<string> {
  return new Set(
    NORMALISED.filter(([kind, cue]) => kind === of && ARABIC_TOKEN.test(cue)).map(([, cue]) => cue),
  );
}

const HOW = word("how");
const MANY = word("many");
/** "billions", and "billons" or "milions" as readers type them. */
const MONEY_WORD = /^(?:bil|mil|doll|buck)/;
/** The Arabic words among the cues that ask "how much" or "how many", as "كم". */
const ARABIC_HOW_MANY = arabicCues("amount");
/**
 * A number of things, asked for in search words: "stargate buildings count". Not "عدد", which is
 * also "عدّد", "list", without its shadda: "عدّد لي شركات ماسك" asks for no number.
 */
const COUNT_WORDS = wordSet("count number");
/** Arabic counts with a noun after "كم"; a verb or "قيمة" there asks an amount of money. */
const COUNTED_THINGS = wordSet("مركز مبنى مبنا موقع شخص موظف وظيفه مستخدم مره يوم شهر سنه");

/**
 * Units of measure. A question that names one ("the MW capacity of the Abilene campus", "كم
 * ميجاواط") asks a figure in it, wherever the unit stands, and only an answer that gives one in
 * it answers: the story speaks of the power and the land, never in megawatts or acres.
 */
const UNITS =
  "megawatts? mw mwh gigawatts? gw gwh kilowatts? kw kwh terawatts? acres? hectares? " +
  "ميجاواط ميغاواط ميجاوات ميغاوات جيجاواط جيجاوات غيغاواط جيغاواط كيلوواط فدان هكتار";
const UNIT_WORDS = wordSet(UNITS.replace(/(\w+)s\?/g, "$1 $1s"));
const UNIT_TEXT = new RegExp(`(?:^|[^\\p{L}])(?:${UNITS.split(" ").join("|")})(?![\\p{L}])`, "iu");

/** The Arabic words among the cues that ask "when". */
const ARABIC_WHEN = arabicCues("time");
/** The dialects' future as a word of its own: Levantine "رح", Iraqi and Gulf "راح". */
const ARABIC_FUTURE_WORDS = wordSet("رح راح");
const WHEN = word("when");
const GOING = word("going");
const GETTING = wordSet("get gets got getting");

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|" +
  "يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر";
const DAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|" +
  "الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد";
const YEAR = /\b(?:19|20)\d{2}\b/g;
const YEAR_TEXT = new RegExp(
  `${YEAR.source}|(?:last|this|next) year|العام (?:الماضي|المقبل)|هذا العام|السنة الماضية`,
  "i",
);
const MONTH = new RegExp(`${MONTHS}|last month|الشهر الماضي`, "i");
const DAY = new RegExp(`${DAYS}|yesterday|today|أمس|اليوم`, "i");
const TIME = new RegExp(
  `${YEAR.source}|last (?:year|month|week)|${MONTHS}|${DAYS}|العام الماضي|الشهر الماضي`,
  "i",
);
const AMOUNT = /[0-9]|billion|million|مليار|مليون/i;
/** A number of things: "about 10 data center buildings", not "$80 billion" nor "50%". */
const COUNT =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+(?!billion|million|dollars)[a-z]/i;
/**
 * An answer that sets something at a time to come: "A hearing is scheduled for early February".
 * "Will" alone does not: "Crusoe will own the facility" gives no time, and beside a past date
 * ("announced last July") it answered "when will the building be finished?".
 */
const FUTURE = /\b(?:scheduled|set for|expected|plans? to)\b|سوف|المقرر|مقرر/i;

/** The entities whose name in an answer tells where: a place, or an event held in one. */
export const PLACE_KINDS: ReadonlySet<EntityKind> = new Set(["place", "event"]);

/** The kinds of fact an answer holds: a date or day, a time to come, a figure, a place it names. */
export function answerKinds(answer: string, namesAPlace: boolean): Set<QuestionKind> {
  const kinds = new Set<QuestionKind>();
  const text = foldDigits(answer);
  if (TIME.test(text)) kinds.add("time");
  if (YEAR_TEXT.test(text)) kinds.add("year");
  if (MONTH.test(text)) kinds.add("month");
  if (DAY.test(text)) kinds.add("day");
  // A year is a date, not a figure.
  const withoutYears = text.replace(YEAR, "");
  if (AMOUNT.test(withoutYears)) kinds.add("amount");
  if (COUNT.test(withoutYears)) kinds.add("count");
  if (namesAPlace) kinds.add("place");
  if (FUTURE.test(text)) kinds.add("future");
  if (UNIT_TEXT.test(text)) kinds.add("measure");
  return kinds;
}

const DATED_KINDS = ["founding", "age"] as const;
/** Facts of a thing's beginning, which a question asks of the thing it names. */
export type DatedKind = (typeof DATED_KINDS)[number];

export interface KindIndex {
  /** The entry is asked, or holds the answer to, every kind of fact in `asked`. */
  answers(entry: FaqEntry, asked: ReadonlySet<QuestionKind>): boolean;
  /**
   * One of the entry's phrasings asks when something was founded (or how old it is) and names
   * every entity in `named`: "When was Tesla founded?" is not answered by xAI's founding, though a
   * phrasing of it calls Musk "the Tesla tycoon"; nor "how old is the Tesla guy?", though another
   * asks when Musk founded xAI: an age is asked only by a phrasing that asks one.
   */
  asksOf(entry: FaqEntry, kind: DatedKind, named: readonly DetectedEntity[]): boolean;
  /**
   * The entry's answer speaks of one of the things a count asks the number of (`countedWords`),
   * or of a word the store gives as the same idea: "how many jobs will Stargate create" is not
   * answered by Oracle's "about 10 data center buildings", though "jobs" met Oracle's role.
   */
  counts(entry: FaqEntry, counted: readonly string[]): boolean;
}

/** What each entry can answer, from its phrasings and its answer, worked out once. */
export function buildKindIndex(
  store: readonly ReadEntry[],
  synonymsOf: (word: string) => readonly FuzzyHit[] = () => [],
): KindIndex {
  const byEntry = new Map<FaqEntry, Set<QuestionKind>>();
  const answerWords = new Map<FaqEntry, ReadonlySet<string>>();
  // The names of each entry's phrasings that ask when something was founded, or how old it is.
  const datedNames = new Map<FaqEntry, Record<DatedKind, ReadonlySet<string>[]>>();
  for (const { entry, phrasings, answers } of store) {
    const kinds = new Set<QuestionKind>();
    const dated: Record<DatedKind, ReadonlySet<string>[]> = { founding: [], age: [] };
    for (const p of phrasings) {
      const asked = questionKinds(p.tokens);
      for (const kind of asked) kinds.add(kind);
      for (const kind of DATED_KINDS)
        if (asked.has(kind)) dated[kind].push(new Set(p.names().map((d) => d.entity.id)));
    }
    const namesAPlace = answers.some((a) => a.names().some((d) => PLACE_KINDS.has(d.entity.kind)));
    for (const kind of answerKinds(`${entry.answer.en} ${entry.answer.ar}`, namesAPlace))
      kinds.add(kind);
    byEntry.set(entry, kinds);
    datedNames.set(entry, dated);
    answerWords.set(entry, new Set(answers.flatMap((a) => a.tokens)));
  }
  // "data centers" counts what "data center buildings" does: a plural meets its singular.
  const formsOf = (word: string) => [
    word,
    word.replace(/s$/, ""),
    ...synonymsOf(word).map((h) => h.term),
  ];
  return {
    answers: (entry, asked) => [...asked].every((kind) => byEntry.get(entry)?.has(kind)),
    asksOf: (entry, kind, named) =>
      (datedNames.get(entry)?.[kind] ?? []).some((ids) => named.every((d) => ids.has(d.entity.id))),
    counts: (entry, counted) => {
      const words = answerWords.get(entry);
      return (
        counted.length === 0 ||
        counted.some((word) =>
          formsOf(word).some((form) => words?.has(form) || words?.has(`${form}s`)),
        )
      );
    },
  };
}

/**
 * Where a question asks a number of things, not of billions: the index of "many" in "how many",
 * or of "كم" before a noun counted; -1 when it asks none.
 */
function countCue(allTokens: readonly string[]): number {
  return allTokens.findIndex(
    (t, i) =>
      (t === MANY && allTokens[i - 1] === HOW && !MONEY_WORD.test(allTokens[i + 1] ?? "")) ||
      (ARABIC_HOW_MANY.has(t) && COUNTED_THINGS.has(allTokens[i + 1] ?? "")),
  );
}

/** How many words after "how many" or "كم" say what is counted. */
const COUNTED_REACH = 3;

/**
 * The words a count asks the number of: up to three after "how many", or after "كم" and a noun,
 * past small words and the names the question gives (`names`, found in `allTokens`): "how many
 * Stargate data centers" counts "data" and "centers".
 */
export function countedWords(
  allTokens: readonly string[],
  names: readonly DetectedEntity[],
): string[] {
  const at = countCue(allTokens);
  if (at < 0) return [];
  const counted: string[] = [];
  for (let i = at + 1; i < allTokens.length && counted.length < COUNTED_REACH; i++) {
    const word = allTokens[i] ?? "";
    if (!STOPWORDS.has(word) && !namesTokenAt(names, i)) counted.push(word);
  }
  return counted;
}
