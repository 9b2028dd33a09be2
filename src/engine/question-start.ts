import { tokenize } from "../text/normalize.ts";
import { STOPWORDS, STORY_WORDS } from "../text/stopwords.ts";
import { wordSet } from "../text/word-lists.ts";
import { ACCORDING_WORDS, HAL } from "./actor.ts";
import { WHO_OPENERS } from "./asked-name.ts";
import { QUESTION_WORDS, YES_NO_OPENERS } from "./question-kind.ts";

/**
 * A question without the filler a reader puts before or after it: "so which judge…", "hey who
 * told Musk…", "يعني مين…", "…called, please". What a question asks for, who it has acting and
 * whom it names are read from its first and last words, so "so which judge is hearing Musk's
 * case" must still ask for a person; and filler weighs a little in ranking, enough to move a
 * question across a cut-off. The words those readings start from stay, filler or not: "did",
 * "هل", "من", "according to".
 */
export function trimFiller(tokens: readonly string[]): readonly string[] {
  let at = 0;
  for (;;) {
    while (at < tokens.length - 1 && opensAsFiller(tokens[at] ?? "")) at++;
    // "According to the article, who…" names no one: the phrase is filler too.
    if (!ACCORDING_WORDS.has(tokens[at] ?? "")) break;
    let next = at + 1;
    let story = false;
    for (; next < tokens.length - 1 && isFiller(tokens[next] ?? ""); next++)
      if (STORY_WORDS.has(tokens[next] ?? "")) story = true;
    if (!story && !startsReading(tokens[next] ?? "")) break;
    at = next;
  }
  let end = tokens.length;
  while (end > at + 1 && isFiller(tokens[end - 1] ?? "")) end--;
  return at === 0 && end === tokens.length ? tokens : tokens.slice(at, end);
}

/**
 * "صحيح ماسك رفع دعوى…?": opening a question, "true" puts a claim to check, as "هل صحيح أن…" does
 * (see idioms.ts). Elsewhere it asks whether something is true: "هل كلام ماسك صحيح؟".
 */
const CLAIM_CHECK = wordSet("صحيح");

/**
 * A homework sheet's instruction, opening a question, asks nothing the question's own words do
 * not: "Identify the three companies…", "Explain why Musk…". Elsewhere "describe" is said of
 * someone: "how did Trump describe it?".
 */
const INSTRUCTIONS = wordSet("explain describe identify outline");

/** Filler where a question opens: filler anywhere, a claim's "صحيح" and an instruction. */
function opensAsFiller(token: string): boolean {
  return isFiller(token) || CLAIM_CHECK.has(token) || INSTRUCTIONS.has(token);
}

/** A word that a reading of the question starts from. */
function startsReading(token: string): boolean {
  return (
    QUESTION_WORDS.has(token) ||
    WHO_OPENERS.has(token) ||
    YES_NO_OPENERS.has(token) ||
    token === HAL ||
    ACCORDING_WORDS.has(token)
  );
}

function isFiller(token: string): boolean {
  return STOPWORDS.has(token) && !startsReading(token);
}

/**
 * Where a reader's clauses end: commas, semicolons, colons and dashes, in both scripts, and the
 * end of a sentence ("I read the piece on Stargate. What did Musk say?").
 */
const CLAUSE_BREAK = /[,;:،؛?؟!]|[.](?=\s)|\s[-–—]\s/;
const JOINED = /^[وف]/;
/** Words that open a clause setting the scene: "…when they asked him about Musk". */
export const SCENE_OPENERS = wordSet("when while after");
/** A first clause may set the scene in Arabic too: "عندما سُئل…، هل أجاب…". */
const FIRST_CLAUSE_SCENE_OPENERS: ReadonlySet<string> = new Set([
  ...SCENE_OPENERS,
  ...wordSet("عندما حين حينما"),
]);
const SUBJECTS = wordSet("i we you he she it they this that there");
/** What the question's own clause must say, besides its question words, for the rest to be preamble. */
const SAID_IN_QUESTION = 2;

export interface Preamble {
  /** The words typed only before the question. */
  words: ReadonlySet<string>;
  /**
   * The question's own clauses, from where it opens: what it asks, and of whom, is read from them.
   * Its words without the preamble's would keep a "was" the preamble shares ("I was reading the
   * story, what year was OpenAI founded?"), and a question opening on "was" asks only yes or no.
   */
  question: readonly string[];
}

const NO_PREAMBLE: Preamble = { words: new Set(), question: [] };

/**
 * What a reader adds about themselves once the question has ended: "…over the years? My
 * brother-in-law swears by Windows and wanted to know.", "…؟ سمعت بالراديو شي عن تأثير ماسك". It
 * opens on the reader ("I", "my", or in Arabic a verb of theirs: "شفت", "أظن"), and no question
 * mark follows it. "I mean…" or "I want to know…" still asks.
 */
const ASIDE =
  /^\s*(?:i|i'm|i'd|i've|my|we|our|أنا|انا|سمعت|كنت|شفت|شفتهم|قريت|قرأت|أظن|اظن|حاسس|حسيت|فكرت|أعتقد|اعتقد)\s(?!(?:mean|meant|want|wanna|need|am asking|asking)\b)[^?؟]*$/iu;

/** Whether a sentence typed after a question is such an aside, which asks nothing. */
export function isAside(sentence: string): boolean {
  return ASIDE.test(sentence);
}

/**
 * What a reader sets before the question, in clauses of their own: "In our seminar we were
 * discussing the announcement; as far as the article says, how much will the venture invest?",
 * "في سياق بحثي عن الموضوع، ماذا قال ألتمان لماسك؟". The question opens the first clause that
 * starts with a word a reading starts from ("how", "ماذا", "did"), when that is not the first
 * clause and says something of its own.
 */
export function readPreamble(raw: string): Preamble {
  const parts = raw.split(CLAUSE_BREAK);
  // Most questions are one clause: nothing to read twice.
  if (parts.length < 2) return NO_PREAMBLE;
  const clauses = parts.map(tokenize);
  // "بحسب ما فهمت من المقال،" starts a reading of whose words these are, but asks nothing. "فما",
  // "ومتى": a question word with "so" or "and" written onto it.
  const asks = (token: string) => startsReading(token) && !ACCORDING_WORDS.has(token);
  const opensQuestion = (clause: readonly string[], i: number) => {
    const at = clause.findIndex((token) => !isFiller(token));
    const first = clause[at];
    if (first === undefined) return false;
    // "When the president rolled it out, how did he…": "when" sets a scene unless a verb follows.
    if (
      i === 0 &&
      FIRST_CLAUSE_SCENE_OPENERS.has(first) &&
      !YES_NO_OPENERS.has(clause[at + 1] ?? "")
    )
      return false;
    // "I was reading the story, what year…": a verb after its subject tells, it does not ask.
    if (YES_NO_OPENERS.has(first) && SUBJECTS.has(clause[at - 1] ?? "")) return false;
    return asks(first) || (JOINED.test(first) && asks(first.slice(1)));
  };
  // "Is it new, or does it go way back?" asks from its first clause on.
  const opens = clauses.findIndex(opensQuestion);
  if (opens <= 0) return NO_PREAMBLE;
  const asked = clauses.slice(opens).flat();
  const said = asked.filter((token) => !STOPWORDS.has(token) && !QUESTION_WORDS.has(token));
  if (said.length < SAID_IN_QUESTION) return NO_PREAMBLE;
  const kept = new Set(asked);
  const words = new Set(
    clauses
      .slice(0, opens)
      .flat()
      .filter((token) => !kept.has(token)),
  );
  return words.size > 0 ? { words, question: trimFiller(asked) } : NO_PREAMBLE;
}
