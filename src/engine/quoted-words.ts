import type { Quote } from "../knowledge/schema.ts";
import { tokenize } from "../text/normalize.ts";
import { STOPWORDS } from "../text/stopwords.ts";
import { wordSet } from "../text/word-lists.ts";
import { WHO_OPENERS } from "./asked-name.ts";
import type { DetectedEntity } from "./entity-index.ts";
import { buildFuzzyTermIndex } from "./fuzzy-terms.ts";
import { WORD_TYPOS } from "./question-index.ts";
import { QUESTION_WORDS } from "./question-kind.ts";
import { stemOrWord } from "./word-forms.ts";

/**
 * A reader who remembers a quote asks whose it is: "who said they don't actually have the money?",
 * "مين قال انو المشروع رح يوفر اقصى قدر من الطاقة الخضراء". The words after "who said" are the
 * quote as the reader recalls it, and no phrasing holds them: the story's quotes do. A quote that
 * holds most of those words, and clearly more than any other quote, is the answer.
 */
const SAYING = wordSet(
  `said say says wrote write writes tweeted tweets posted posts claimed claims called calls described
  قال قالت يقول تقول كتب كتبت وصف وصفت صرح صرحت زعم زعمت غرد غردت`,
);
/** Words that open the recalled words: "who said that…", "مين قال انو…". */
const OPENING = wordSet("that انو انه بان بأن");
/** The recalled words must be this many at least, and the quote must hold this share of them. */
const MIN_WORDS = 2;
const MIN_SHARE = 0.6;
/** The runner-up quote must hold this much less of them, or the reader is asked instead. */
const MIN_LEAD = 0.2;

export interface QuoteMatch {
  quote: Quote;
  /** 0..1: the share of the recalled words the quote holds. */
  share: number;
}

/**
 * `raw` is the question as typed: words the reader put in quotation marks are the quote itself,
 * names and all, however few.
 */
export type QuoteFinder = (
  tokens: readonly string[],
  names: () => readonly DetectedEntity[],
  raw: string,
) => QuoteMatch | undefined;

const QUOTED = /["“”«»]([^"“”«»]+)["“”«»]/;

/** A word of what the reader asks: neither filler nor a question word. */
const content = (t: string) => !STOPWORDS.has(t) && !QUESTION_WORDS.has(t);

/**
 * Each quote's words, from `textsOf`, and whether a typed word is among them. Quotes and
 * questions are compared word by word, Arabic by its light stem ("يوفر" meets "توفر"), and the
 * reader's words are typed as any others: "backd by a multibilion dolar investment".
 */
function quoteWords(quotes: readonly Quote[], textsOf: (q: Quote) => readonly string[]) {
  const wordsOf = new Map(
    quotes.map((q) => [q, new Set(textsOf(q).flatMap(tokenize).map(stemOrWord))] as const),
  );
  const typos = buildFuzzyTermIndex(
    [...wordsOf.values()].flatMap((words) => [...words]),
    WORD_TYPOS,
  );
  return (quote: Quote, word: string): boolean => {
    const words = wordsOf.get(quote);
    return !!words && (words.has(word) || typos.lookup(word).some((hit) => words.has(hit.term)));
  };
}

export function buildQuoteFinder(quotes: readonly Quote[]): QuoteFinder {
  const holds = quoteWords(quotes, (q) => [q.ar, q.en]);
  return (tokens, names, raw) => {
    if (!WHO_OPENERS.has(tokens[0] ?? "") || !SAYING.has(tokens[1] ?? "")) return undefined;
    const marked = QUOTED.exec(raw)?.[1];
    let recalled: string[];
    if (marked) recalled = tokenize(marked).filter(content).map(stemOrWord);
    else {
      // A name in the recalled words is whom the quote was about or to, which a quote seldom names.
      const named = new Set(names().flatMap((d) => tokens.slice(d.start, d.end)));
      recalled = tokens
        .slice(OPENING.has(tokens[2] ?? "") ? 3 : 2)
        .filter((t) => content(t) && !named.has(t))
        .map(stemOrWord);
      if (recalled.length < MIN_WORDS) return undefined;
    }
    if (recalled.length === 0) return undefined;
    const ranked = quotes
      .map((quote) => ({
        quote,
        share: recalled.filter((w) => holds(quote, w)).length / recalled.length,
      }))
      .sort((a, b) => b.share - a.share);
    const [best] = ranked;
    if (!best || best.share < MIN_SHARE) return undefined;
    // Quotes of the same speakers do not compete: any of them says who said it.
    const speakers = best.quote.speakers.join();
    const rival = ranked.find((r) => r.quote.speakers.join() !== speakers)?.share ?? 0;
    return best.share - rival >= MIN_LEAD ? best : undefined;
  };
}

/**
 * Orders a speaker's quotes for the words typed after the name: "/quote altman america first"
 * leads with "…put (America) first", not the reply that came before it, and "/quote altman
 * texas" with the reply, whose context says he invited Musk there. A quote's context counts:
 * readers recall when and to whom it was said as often as its words. Quotes the words do not
 * tell apart keep the store's order, the story's.
 */
export type QuoteOrder = (quotes: readonly Quote[], typed: readonly string[]) => readonly Quote[];

export function buildQuoteOrder(quotes: readonly Quote[]): QuoteOrder {
  const holds = quoteWords(quotes, (q) => [q.ar, q.en, q.context.ar, q.context.en]);
  return (speakerQuotes, typed) => {
    if (speakerQuotes.length < 2) return speakerQuotes;
    const asked = typed.filter(content).map(stemOrWord);
    const counts = new Map(
      speakerQuotes.map((q) => [q, asked.filter((w) => holds(q, w)).length] as const),
    );
    return [...speakerQuotes].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  };
}
