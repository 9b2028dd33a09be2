import type { FaqEntry, Quote } from "../knowledge/schema.ts";
import { tokenize } from "../text/normalize.ts";
import type { DetectedEntity, EntityIndex } from "./entity-index.ts";

/**
 * Whose words a question asks for. Word by word, "What did Trump say about Musk?" is "what did
 * Musk say about Trump's venture?", and the story reports Musk's post, not anything Trump said
 * about him; "What did Musk ask Altman to do?" is Altman's request to Musk, the other way round.
 * A question that asks what someone said, wrote, claimed, asked, invited, accused or sued over (a
 * lawsuit is a claim too) is answered only by an entry that reports that speaker's words. An entry reports them when its answer or one of its
 * phrasings has the speaker saying something ("Ellison said…", "what did Ellison say…"), or when
 * it cites one of the speaker's quotes.
 */
const words = (list: string) => new Set(tokenize(list));

/** After the speaker in English: "Trump said", "what did Musk write", "who did Altman invite". */
const ENGLISH_SPEECH = words(
  "say says said saying tell tells told write writes wrote written claimed declare declares " +
    "declared posted tweeted commented speak speaks spoke ask asks asked asking invite invites " +
    "invited inviting urge urges urged accuse accuses accused accusing sue sues sued suing",
);
/**
 * Verbs that are nouns too: "the SoftBank claim" is a claim about SoftBank. They name a speaker
 * only as a verb after an auxiliary: "what did Musk claim".
 */
const NOUN_OR_SPEECH = words("claim claims post posts tweet tweets comment comments");
const AUXILIARIES = words("did does do will would");
/** Before the speaker in Arabic: "ماذا قال ترامب", "ما الذي كتبه ماسك", "ماذا طلب ألتمان". */
const ARABIC_SPEECH = words(
  "قال قالت يقول تقول قاله قالته كتب كتبت يكتب كتبه كتبته غرد غردت صرح صرحت ادعى ادعت زعم زعمت " +
    "علق علقت طلب طلبت دعا دعت اتهم اتهمت يتهم رفع رفعت يرفع",
);
/** Between a speaker and the verb: "Musk only wrote", "Ellison also spoke". */
const ADVERBS = words("also only actually just");
/** "According to Musk", "حسب ماسك": the words are the speaker's, wherever they stand. */
const ACCORDING = tokenize("according")[0] ?? "";
const TO = tokenize("to")[0] ?? "";
const THE = tokenize("the")[0] ?? "";
const ARABIC_ACCORDING = words("حسب بحسب وفق وفقا");
const COMPANY = words("شركة");
/**
 * A question's words before its speaker: "how did", "ماذا". A name further in belongs to a clause
 * of its own: "who broke the story before Trump announced it?" asks for no words of Trump's.
 */
const OPENERS = words(
  "what who whom how why when where did does do has have had will would is was the " +
    "ماذا بماذا ما الذي اللي شو ايش ايه وش شنو كيف لماذا ليش هل متى اين وين",
);

/** "According to (the) Musk…", "حسب ماسك". */
function afterAccording(tokens: readonly string[], start: number): boolean {
  if (ARABIC_ACCORDING.has(tokens[start - 1] ?? "")) return true;
  const to = tokens[start - 1] === THE ? start - 2 : start - 1;
  return tokens[to] === TO && tokens[to - 1] === ACCORDING;
}

/** Where the Arabic speech verb just before a name is ("قال ترامب", "قالت شركة أوراكل"), or −1. */
function arabicVerbBefore(tokens: readonly string[], start: number): number {
  const at = COMPANY.has(tokens[start - 1] ?? "") ? start - 2 : start - 1;
  return ARABIC_SPEECH.has(tokens[at] ?? "") ? at : -1;
}

/**
 * Whether the name at `found` is said to speak: before a speech verb ("Trump said", "ترامب قال"),
 * after an Arabic one that no other name stands before ("قال ترامب", but not "سوفت بنك" in "ماسك
 * قال سوفت بنك…"), or after "according to".
 */
function isSpeaker(
  tokens: readonly string[],
  found: DetectedEntity,
  names: readonly DetectedEntity[],
): boolean {
  const { start, end } = found;
  const verb = tokens[ADVERBS.has(tokens[end] ?? "") ? end + 1 : end] ?? "";
  if (ENGLISH_SPEECH.has(verb) || ARABIC_SPEECH.has(verb)) return true;
  if (NOUN_OR_SPEECH.has(verb) && AUXILIARIES.has(tokens[start - 1] ?? "")) return true;
  const verbAt = arabicVerbBefore(tokens, start);
  if (verbAt >= 0 && !names.some((d) => d.end === verbAt)) return true;
  return afterAccording(tokens, start);
}

/** Where a question's own words begin, after "what did the", "ماذا". */
function afterOpeners(tokens: readonly string[]): number {
  let at = 0;
  while (OPENERS.has(tokens[at] ?? "")) at++;
  return at;
}

/** Whether a name is where a question's own speaker stands: first after its question words. */
function opensQuestion(tokens: readonly string[], { start }: DetectedEntity): boolean {
  const at = afterOpeners(tokens);
  if (at === start) return true;
  // "ماذا قال ترامب".
  if (arabicVerbBefore(tokens, start) === at) return true;
  return afterAccording(tokens, start);
}

const NO_ONE: ReadonlySet<string> = new Set();
/**
 * People the story never names, and so never reports speaking: "what did the judge say about
 * Musk's request?" asks for words no entry has, though every other word of it meets the lawsuit.
 */
const UNNAMED_SPEAKERS = words(
  "judge judges lawyer lawyers attorney attorneys spokesperson spokesman spokeswoman " +
    "القاضي المحامي المتحدث",
);
/** Stands for them among the speakers asked for; no entry reports its words. */
const UNNAMED: ReadonlySet<string> = new Set([""]);

/** "What did the judge say", "شو قال القاضي". */
function asksUnnamed(tokens: readonly string[]): boolean {
  const at = afterOpeners(tokens);
  const [first = "", second = ""] = tokens.slice(at, at + 2);
  return (
    (UNNAMED_SPEAKERS.has(first) && ENGLISH_SPEECH.has(second)) ||
    (ARABIC_SPEECH.has(first) && UNNAMED_SPEAKERS.has(second))
  );
}

/**
 * The speakers whose words the question asks for: named first after its question words, or after
 * "according to".
 */
export function speakersIn(
  tokens: readonly string[],
  namesIn: () => readonly DetectedEntity[],
): ReadonlySet<string> {
  const asks = tokens.some(
    (t) =>
      ENGLISH_SPEECH.has(t) ||
      NOUN_OR_SPEECH.has(t) ||
      ARABIC_SPEECH.has(t) ||
      ARABIC_ACCORDING.has(t) ||
      t === ACCORDING,
  );
  // Names are looked for only in the few questions with a word that may ask for someone's words.
  if (!asks) return NO_ONE;
  if (asksUnnamed(tokens)) return UNNAMED;
  const names = namesIn();
  const speakers = names.filter((d) => opensQuestion(tokens, d) && isSpeaker(tokens, d, names));
  return speakers.length === 0 ? NO_ONE : new Set(speakers.map((d) => d.entity.id));
}

export interface SpeakerIndex {
  /** The entry reports the words of every one of `speakers`. */
  answers(entry: FaqEntry, speakers: ReadonlySet<string>): boolean;
}

/** Each entry's speakers, from its phrasings, its answer and the quotes it cites, worked out once. */
export function buildSpeakerIndex(
  faq: readonly FaqEntry[],
  quotes: readonly Quote[],
  entities: EntityIndex,
): SpeakerIndex {
  const byEntry = new Map<FaqEntry, ReadonlySet<string>>();
  for (const entry of faq) {
    const own = new Set<string>();
    // Exact: the store spells its names with its own aliases.
    const namesIn = (tokens: readonly string[]) => entities.detectEntities(tokens, { exact: true });
    // A phrasing is a question: its speaker is read as a reader's is. "How did Altman respond
    // when Musk said…" asks for Altman's words, not Musk's.
    for (const question of [...entry.questions.en, ...entry.questions.ar]) {
      const tokens = tokenize(question);
      for (const id of speakersIn(tokens, () => namesIn(tokens))) own.add(id);
    }
    // An answer tells: anyone it has speaking, anywhere in it ("…, and Altman said he was wrong").
    for (const answer of [entry.answer.en, entry.answer.ar]) {
      const tokens = tokenize(answer);
      const names = namesIn(tokens);
      for (const d of names) if (isSpeaker(tokens, d, names)) own.add(d.entity.id);
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
    answers: (entry, speakers) => {
      const own = byEntry.get(entry);
      for (const id of speakers) if (!own?.has(id)) return false;
      return true;
    },
  };
}
