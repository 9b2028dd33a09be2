import type { FaqEntry } from "../knowledge/schema.ts";
import { tokenize } from "../text/normalize.ts";
import { STOPWORDS } from "../text/stopwords.ts";
import { word, wordSet } from "../text/word-lists.ts";
import { isPersonRole } from "./descriptions.ts";
import { type DetectedEntity, type EntityIndex, namesTokenAt } from "./entity-index.ts";
import { PLACE_KINDS, QUESTION_WORDS } from "./question-kind.ts";

/**
 * A question asking for a name is answered only by an entry whose answer names someone or
 * something the question does not. "What is the name of the initiative Musk leads?" ("ما اسم…")
 * asks for any name, and the store says Musk leads a cost-cutting initiative, never what it is
 * called. "Who…" asks for a person or an organisation: "a federal court in California" names a
 * place, not who will hear the case. "Which judge…" and "the name of the judge" ask for a person:
 * "OpenAI" is not the judge in Musk's case against it. "Which city…" asks for a place, and
 * "which California city" is not answered by "California".
 */
export type AskedName = "any" | "who" | "person" | "place";

const NAME_WORDS = wordSet("name اسم اسمه اسمها");
/** "What is Musk's initiative called?": the name is asked for at the end. */
const CALLED = word("called");
/** How far before "name" its question word may stand: "what is the official name", "whats the name". */
const QUESTION_WORD_REACH = 4;
/** Words that open a question asking who: "من هو…" is "who is…" only at the start. */
export const WHO_OPENERS = wordSet("who whom من مين منو شكون");
/** "Which judge…": "which" before a word for a person asks for one. */
const PERSON_WORDS = wordSet(
  "judge person man woman guy executive exec boss official lawyer reporter journalist " +
    "القاضي قاض شخص رجل المسؤول المحامي الصحفي",
);
/** How far after "name" the word for whom it names may stand: "name of the federal judge". */
const NAMED_REACH = 4;
const WHICH = word("which");
/** "Which city…", "في أي مدينة…": the words before a word for a town. */
const WHICH_WORDS = wordSet("which what أي");
const TOWN_WORDS = wordSet("city town مدينة بلدة");

/** `namesIn`: the question's names, looked up only for a question opened by "who". */
export function askedName(
  tokens: readonly string[],
  namesIn: () => readonly DetectedEntity[] = () => [],
): AskedName | undefined {
  const [first, second] = tokens;
  if (first === WHICH && second !== undefined && PERSON_WORDS.has(second)) return "person";
  if (first !== undefined && WHO_OPENERS.has(first))
    return asksWhoNameIs(tokens, namesIn()) ? undefined : "who";
  if (tokens.some((token, i) => WHICH_WORDS.has(token) && TOWN_WORDS.has(tokens[i + 1] ?? "")))
    return "place";
  const name = tokens.findIndex(
    (token, i) =>
      NAME_WORDS.has(token) &&
      tokens.slice(Math.max(0, i - QUESTION_WORD_REACH), i).some((t) => QUESTION_WORDS.has(t)),
  );
  // "What is the name of the federal judge…", "ما اسم القاضي": a person's name.
  if (name >= 0 && tokens.slice(name + 1, name + 1 + NAMED_REACH).some((t) => PERSON_WORDS.has(t)))
    return "person";
  const calledWhat = QUESTION_WORDS.has(first ?? "") && tokens.at(-1) === CALLED;
  return name >= 0 || calledWhat ? "any" : undefined;
}

/**
 * Whether the question asks who holds a role the story gives no one: "who is the CEO of
 * SoftBank?", "softbank ceo name", or the role alone, "softbank ceo". Whoever that is, the story
 * never says. "Why is the Tesla chief suing?" asks about the suit, not who the chief is.
 */
export function asksUnheldHolder(
  tokens: readonly string[],
  names: readonly DetectedEntity[],
  asked: AskedName | undefined,
): boolean {
  if (!names.some((d) => d.unheldRole)) return false;
  if (asked !== undefined) return true;
  return tokens.every(
    (t, i) => namesTokenAt(names, i) || STOPWORDS.has(t) || NAME_WORDS.has(t) || isPersonRole(t),
  );
}

/** "Crusoe or Lancium", "كروزو ولا لانشيوم", "كروزو أم لانشيوم". */
const OR_WORDS = wordSet("or او ام ولا");

/**
 * "Who will own the Abilene facility, Crusoe or Lancium?": names joined by "or" are the choices
 * the reader asks among, not names the question gives, so the answer may name one of them.
 */
export function offeredChoices(
  tokens: readonly string[],
  names: readonly DetectedEntity[],
): Set<string> {
  const choices = new Set<string>();
  for (const a of names) {
    const joined = names.find((b) => b.start === a.end + 1 && OR_WORDS.has(tokens[a.end] ?? ""));
    if (joined) {
      choices.add(a.entity.id);
      choices.add(joined.entity.id);
    }
  }
  return choices;
}

/** Between "who" and the name in "who is Crusoe", "مين هو كروزو", "who's the Information". */
const IS_WORDS = wordSet("is was are were s the هو هي هم يكون تكون");

/**
 * "Who is Crusoe?" asks who the name it gives is, not for another name: answered by an entry on
 * Crusoe, whatever else its answer names. True when a name ends the question, with nothing but
 * "is" or "the" between it and the "who" that opens it.
 */
function asksWhoNameIs(tokens: readonly string[], names: readonly DetectedEntity[]): boolean {
  let start = 1;
  while (IS_WORDS.has(tokens[start] ?? "")) start++;
  return names.some((d) => d.start === start && d.end === tokens.length);
}

export interface AnswerNameIndex {
  /** The entry's answer names an entity outside `named` that answers what is `asked`. */
  namesBeyond(entry: FaqEntry, named: ReadonlySet<string>, asked: AskedName): boolean;
}

const BARE_REPLY = /^(?:yes|no|نعم|لا)[.!؟]?$/iu;
/**
 * An answer's first sentence: the store's answers say what is asked first, then add context. A
 * bare "Yes." or "نعم." names no one; the sentence after it says what is asked.
 */
const firstSentence = (text: string): string => {
  const [first = text, second = ""] = text.split(/(?<=[.!?؟])\s/u);
  return BARE_REPLY.test(first) ? `${first} ${second}` : first;
};

/** The entities each entry's answer names in its first sentence, in either language, worked out once. */
export function buildAnswerNameIndex(
  faq: readonly FaqEntry[],
  entities: EntityIndex,
): AnswerNameIndex {
  const byEntry = new Map(
    faq.map((entry) => [
      entry,
      entities.detectEntities(
        tokenize(`${firstSentence(entry.answer.en)} ${firstSentence(entry.answer.ar)}`),
        { exact: true },
      ),
    ]),
  );
  return {
    namesBeyond: (entry, named, asked) =>
      (byEntry.get(entry) ?? []).some(
        (d) =>
          !named.has(d.entity.id) &&
          (asked === "any" ||
            (asked === "person"
              ? d.entity.kind === "person"
              : PLACE_KINDS.has(d.entity.kind) === (asked === "place"))),
      ),
  };
}
