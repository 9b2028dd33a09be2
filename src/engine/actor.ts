import type { FaqEntry, Quote } from "../knowledge/schema.ts";
import { THE, TO, word, wordSet } from "../text/word-lists.ts";
import { WHO_OPENERS } from "./asked-name.ts";
import { type DetectedEntity, namesTokenAt } from "./entity-index.ts";
import type { ReadEntry } from "./store-reading.ts";

/**
 * Who a question asks to have acted. Word by word, "What did Trump say about Musk?" is "what did
 * Musk say about Trump's venture?", and the story reports Musk's post, not anything Trump said
 * about him; "What did Musk ask Altman to do?" is Altman's request to Musk, the other way round;
 * "When did SoftBank announce the Abilene data center?" is Crusoe's announcement with another
 * name in it. A question that asks what someone said, asked, claimed, announced, built, backed or
 * did in any of the ways the story reports is answered only by an entry that has that actor doing
 * something. An entry has them acting when its answer or one of its phrasings does ("Ellison
 * said…", "what did Ellison say…", "Crusoe announced…"), or when it cites one of their quotes.
 */

/** After the actor in English: "Trump said", "Crusoe announced", "xAI built". */
const ENGLISH_DEEDS = wordSet(
  "say says said saying tell tells told write writes wrote written claimed declare declares " +
    "declared posted tweeted commented speak speaks spoke ask asks asked asking invite invites " +
    "invited inviting urge urges urged accuse accuses accused accusing sue sues sued suing " +
    "announces announced built reported criticizes criticises criticized criticised questioned " +
    "backed funded supplied formed founded cofounded created owns owned developed powered spent " +
    "invested escalated unveiled touted visited toured accept accepts accepted think thinks " +
    "believe believes believed doubted go goes went",
);
/**
 * Verbs that are nouns too: "the SoftBank claim" is a claim about SoftBank, and "SoftBank's
 * funding" is no deed of SoftBank's. They name an actor only after an auxiliary: "what did Musk
 * claim", "where is Microsoft building".
 */
const NOUN_OR_DEED = wordSet(
  "claim claims post posts tweet tweets comment comments announce build builds back backs fund " +
    "funds run runs power powers report reports question form found create creates own develop " +
    "develops spend spends invest invests supply supplies criticize criticise announcing building " +
    "reporting criticizing criticising questioning backing funding supplying forming creating " +
    "developing spending investing visit visits visiting tour tours touring thought doubt doubts",
);
const AUXILIARIES = wordSet("did does do will would");
/** Before the actor, "is" and "was" leave only its "-ing" deeds: "where is Microsoft building". */
const BE = wordSet("is are was were");
/** Before the actor in Arabic: "ماذا قال ترامب", "ما الذي كتبه ماسك", "متى أعلنت كروزو". */
const ARABIC_DEEDS = wordSet(
  "قال قالت يقول تقول قاله قالته كتب كتبت يكتب كتبه كتبته غرد غردت صرح صرحت ادعى ادعت زعم زعمت " +
    "علق علقت طلب طلبت دعا دعت اتهم اتهمت يتهم رفع رفعت يرفع أعلن أعلنت يعلن تعلن بنى بنت تبني " +
    "يبني انتقد انتقدت ينتقد شكك شككت يشكك استثمر استثمرت تستثمر يستثمر دعم دعمت تدعم يدعم مول " +
    "مولت يمول تمول زود زودت يزود تزود أسس أسست أنشأ أنشأت ينشئ يدير تدير يملك تملك نشر نشرت " +
    "ينشر كشف كشفت صعد زار زارت يزور لبى لبت يقبل تقبل يعتقد اعتقد يظن ظن يرى",
);
/**
 * "قبل" is "before" as often as "accepted"; it is the verb only where a yes-or-no question opens
 * with it ("هل قبل ماسك دعوة ألتمان؟") or right after a name that opens the question.
 */
export const HAL = word("هل");
const ARABIC_DEEDS_AFTER_HAL = wordSet("قبل قبلت");
/**
 * Between an actor and the verb, one or more: "Musk only wrote", "The Information first reported",
 * "Musk ever actually visited", "did Musk end up visiting".
 */
const ADVERBS = wordSet("also only actually just first ever end ended up");
/** "According to Musk", "حسب ماسك": the words are that actor's, wherever they stand. */
const ACCORDING = word("according");
const ARABIC_ACCORDING = wordSet("حسب بحسب وفق وفقا");
export const ACCORDING_WORDS: ReadonlySet<string> = new Set([ACCORDING, ...ARABIC_ACCORDING]);
const COMPANY = wordSet("شركة");
/**
 * A question's words before its actor: "how did", "ماذا". A name further in belongs to a clause
 * of its own: "who broke the story before Trump announced it?" asks for no deed of Trump's.
 */
const OPENERS = wordSet(
  "what who whom how why when where did does do has have had will would is was the " +
    "ماذا بماذا ما الذي اللي شو ايش ايه وش شنو كيف لماذا ليش هل متى اين وين",
);

/** "According to (the) Musk…", "حسب ماسك". */
function afterAccording(tokens: readonly string[], start: number): boolean {
  if (ARABIC_ACCORDING.has(tokens[start - 1] ?? "")) return true;
  const to = tokens[start - 1] === THE ? start - 2 : start - 1;
  return tokens[to] === TO && tokens[to - 1] === ACCORDING;
}

/** Where the Arabic verb of a deed just before a name is ("قال ترامب", "قالت شركة أوراكل"), or −1. */
function arabicVerbBefore(tokens: readonly string[], start: number): number {
  const at = COMPANY.has(tokens[start - 1] ?? "") ? start - 2 : start - 1;
  return ARABIC_DEEDS.has(tokens[at] ?? "") || opensYesNoDeed(tokens, at) ? at : -1;
}

function opensYesNoDeed(tokens: readonly string[], at: number): boolean {
  return at === 1 && tokens[0] === HAL && ARABIC_DEEDS_AFTER_HAL.has(tokens[1] ?? "");
}

/**
 * Whether the name at `found` is said to act: before a verb of the story's deeds ("Trump said",
 * "where is Microsoft building"), but not after "was" ("was Stargate reported" is done to it);
 * before an Arabic one when it opens the text or no name follows the verb ("ماسك قال…", but "إعلان
 * ترامب، شكك ماسك" has Musk doubting); after an Arabic one that no other name stands before ("قال
 * ترامب", but not "سوفت بنك" in "ماسك قال سوفت بنك…"); or after "according to".
 */
function isActor(
  tokens: readonly string[],
  found: DetectedEntity,
  names: readonly DetectedEntity[],
): boolean {
  const { start, end } = found;
  let verbAt = end;
  while (ADVERBS.has(tokens[verbAt] ?? "")) verbAt++;
  const verb = tokens[verbAt] ?? "";
  const before = tokens[start - 1] ?? "";
  if (BE.has(before))
    return verb.endsWith("ing") && (ENGLISH_DEEDS.has(verb) || NOUN_OR_DEED.has(verb));
  if (ENGLISH_DEEDS.has(verb)) return true;
  if (NOUN_OR_DEED.has(verb) && AUXILIARIES.has(before)) return true;
  const opens = start === afterOpeners(tokens);
  if (ARABIC_DEEDS.has(verb) && (opens || !names.some((d) => d.start === verbAt + 1))) return true;
  // "ماسك قبل دعوة ألتمان؟": right after a name that opens the question, "قبل" is its deed.
  if (opens && ARABIC_DEEDS_AFTER_HAL.has(verb)) return true;
  const verbBefore = arabicVerbBefore(tokens, start);
  if (verbBefore >= 0 && !names.some((d) => d.end === verbBefore)) return true;
  return afterAccording(tokens, start);
}

/** Where a question's own words begin, after "what did the", "ماذا". */
function afterOpeners(tokens: readonly string[]): number {
  let at = 0;
  while (OPENERS.has(tokens[at] ?? "")) at++;
  return at;
}

/** Whether a name is where a question's own actor stands: first after its question words. */
function opensQuestion(tokens: readonly string[], { start }: DetectedEntity): boolean {
  const at = afterOpeners(tokens);
  if (at === start) return true;
  if (asksWhatThing(tokens, at, start)) return true;
  // "ماذا قال ترامب".
  if (arabicVerbBefore(tokens, start) === at) return true;
  return afterAccording(tokens, start);
}

/** "What" and "which" may take the thing asked for before the actor. */
const WHAT = wordSet("what which");
/** The longest thing asked for that may stand there: "what court order", "which data center". */
const THING_ASKED_WORDS = 3;

/**
 * "What court order is Altman asking for?", "which data center did xAI build?": the thing asked
 * for stands between "what" and the auxiliary before the actor, whose deed is asked all the same.
 */
function asksWhatThing(tokens: readonly string[], at: number, start: number): boolean {
  // "What" is one of the question's openers; "which" is not.
  const thing = WHAT.has(tokens[at] ?? "") ? at + 1 : at;
  const aux = start - 1;
  if (!WHAT.has(tokens[thing - 1] ?? "") || aux <= thing || aux - thing > THING_ASKED_WORDS)
    return false;
  if (!(AUXILIARIES.has(tokens[aux] ?? "") || BE.has(tokens[aux] ?? ""))) return false;
  return tokens.slice(thing, aux).every((t) => !OPENERS.has(t));
}

const NO_ONE: ReadonlySet<string> = new Set();
/**
 * Words for a person. With no name beside them they name no one the story reports acting: "what
 * did the judge say about Musk's request?" asks for words no entry has, though every other word
 * of it meets the lawsuit; "what did the CEO say?" could be any of three.
 */
const UNNAMED_ACTORS = wordSet(
  "judge judges lawyer lawyers attorney attorneys spokesperson spokesman spokeswoman " +
    "ceo boss head chief president القاضي المحامي المتحدث الرئيس المدير",
);
/** Stands for them among the actors asked about; no entry has it acting. */
const UNNAMED: ReadonlySet<string> = new Set([""]);

/**
 * "What did the judge say", "شو قال القاضي", "ماذا قال الرئيس": the actor's place holds a word for
 * a person that no name takes in ("رئيس مايكروسوفت" is Nadella).
 */
function asksUnnamed(tokens: readonly string[], names: readonly DetectedEntity[]): boolean {
  const at = afterOpeners(tokens);
  const [first = "", second = ""] = tokens.slice(at, at + 2);
  const unnamed = (i: number) => UNNAMED_ACTORS.has(tokens[i] ?? "") && !namesTokenAt(names, i);
  return (unnamed(at) && ENGLISH_DEEDS.has(second)) || (ARABIC_DEEDS.has(first) && unnamed(at + 1));
}

/** Whether the text has a word that may tell of someone's deed; names are looked up only then. */
function tellsOfDeeds(tokens: readonly string[]): boolean {
  return tokens.some(
    (t) =>
      ENGLISH_DEEDS.has(t) ||
      NOUN_OR_DEED.has(t) ||
      ARABIC_DEEDS.has(t) ||
      ARABIC_DEEDS_AFTER_HAL.has(t) ||
      ACCORDING_WORDS.has(t),
  );
}

/** The names acting where a question's own actor stands. */
function namedActors(tokens: readonly string[], names: readonly DetectedEntity[]): string[] {
  return names
    .filter((d) => opensQuestion(tokens, d) && isActor(tokens, d, names))
    .map((d) => d.entity.id);
}

/**
 * The actors the question asks about: named first after its question words and doing one of the
 * story's deeds, or after "according to".
 */
export function actorsIn(
  tokens: readonly string[],
  namesIn: () => readonly DetectedEntity[],
): ReadonlySet<string> {
  if (!tellsOfDeeds(tokens)) return NO_ONE;
  const names = namesIn();
  if (asksUnnamed(tokens, names)) return UNNAMED;
  const actors = namedActors(tokens, names);
  return actors.length === 0 ? NO_ONE : new Set(actors);
}

/** "Who told Musk…", "مين قال لماسك": the asked-for actor spoke to the name after the verb. */
const ADDRESSING = wordSet(
  "told tell tells asked invited urged accused sued criticized criticised قال قالت دعا دعت طلب طلبت اتهم اتهمت",
);

/** Whom a "who told X" question names as spoken to; the one who spoke is someone else. */
export function addresseeIn(
  tokens: readonly string[],
  namesIn: () => readonly DetectedEntity[],
): string | undefined {
  if (!WHO_OPENERS.has(tokens[0] ?? "") || !ADDRESSING.has(tokens[1] ?? "")) return undefined;
  return namesIn().find((d) => d.start === 2)?.entity.id;
}

export interface ActorIndex {
  /** The entry has every one of `actors` acting. */
  answers(entry: FaqEntry, actors: ReadonlySet<string>): boolean;
  /**
   * The entry can say who spoke to `id`: someone else acts in it, or it is asked that way ("who
   * told Musk that SoftBank lacks the money" is answered by "he did not name a source").
   */
  answersWhoAddressed(entry: FaqEntry, id: string): boolean;
}

/** Each entry's actors, from its phrasings, its answer and the quotes it cites, worked out once. */
export function buildActorIndex(store: readonly ReadEntry[], quotes: readonly Quote[]): ActorIndex {
  const byEntry = new Map<FaqEntry, ReadonlySet<string>>();
  const addressedIn = new Map<FaqEntry, ReadonlySet<string>>();
  for (const { entry, phrasings, answers } of store) {
    const own = new Set<string>();
    const addressed = new Set<string>();
    // A phrasing is a question: its actor is read as a reader's is. "How did Altman respond when
    // Musk said…" asks about Altman's reply, not Musk's words.
    for (const { tokens, names } of phrasings) {
      if (tellsOfDeeds(tokens)) for (const id of namedActors(tokens, names())) own.add(id);
      const addressee = addresseeIn(tokens, names);
      if (addressee) addressed.add(addressee);
    }
    addressedIn.set(entry, addressed);
    // An answer tells: anyone it has acting, anywhere in it ("…, and Altman said he was wrong").
    for (const answer of answers) {
      const names = answer.names();
      for (const d of names) if (isActor(answer.tokens, d, names)) own.add(d.entity.id);
    }
    for (const quote of quotes) {
      const cited = entry.citations.some(
        (c) =>
          c.paragraph === quote.paragraph &&
          (c.text.includes(quote.ar) || quote.ar.includes(c.text)),
      );
      if (cited) for (const id of quote.speakers) own.add(id);
    }
    byEntry.set(entry, own);
  }
  return {
    answers: (entry, actors) => {
      const own = byEntry.get(entry);
      for (const id of actors) if (!own?.has(id)) return false;
      return true;
    },
    answersWhoAddressed: (entry, id) => {
      const own = byEntry.get(entry);
      // Someone other than `id` acts when the actors outnumber `id` itself.
      const others = (own?.size ?? 0) - (own?.has(id) ? 1 : 0);
      return others > 0 || addressedIn.get(entry)?.has(id) === true;
    },
  };
}
