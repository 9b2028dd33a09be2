import { buildIdioms } from "./idioms.ts";
import { ARABIC_QUESTION_WORDS } from "./question-words.ts";

/**
 * One normaliser for both the index and the query, so that whatever a reader types
 * (Arabic with or without diacritics, Latin with typos) meets the store on equal terms.
 * The original text is always kept elsewhere for display.
 */

// Tashkeel, superscript alef, Quranic annotation marks and tatweel carry no meaning for search.
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u0640]/g;

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ى: "ي",
  ة: "ه",
  ؤ: "و",
  ئ: "ي",
  // Letters Arabic borrowed from Persian, as the dialects type them: Iraqi and Gulf "گال" and
  // Moroccan "ڭال" are "قال", Iraqi "چان" is "كان"; "ڤ" and "پ" spell v and p; "ک" and "ی" are
  // Persian keyboards' kaf and ya.
  گ: "ق",
  ڭ: "ق",
  چ: "ك",
  ڤ: "ف",
  پ: "ب",
  ک: "ك",
  ی: "ي",
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");
const foldLetter = (ch: string): string => LETTER_FOLDS[ch] ?? ch;

// NFKC already maps the Eastern (Persian) digits' presentation forms; both Arabic-Indic ranges fold to ASCII.
const INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

// "OpenAI's boss" is about OpenAI: a stray "s" would split the alias "openai boss" in two.
const POSSESSIVE = /(\p{L})['’]s\b/gu;

// Anything that is not a letter, a mark or a digit is punctuation for our purposes: this drops ، ؛ ؟ « » “ ” and friends.
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

// Longest first, so "وال" wins over "ال". Only when something of substance remains, so "ال" alone or "الا" survive.
export const ARTICLE_PREFIXES = ["وال", "بال", "فال", "كال", "لل", "ال"] as const;
const MIN_STEM = 3;

/** Arabic-Indic and Eastern Arabic-Indic digits as ASCII ("١٠" → "10"); everything else untouched. */
export function foldDigits(text: string): string {
  return text.replace(INDIC_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/** Strips the definite article (and its common proclitic forms) from one normalised Arabic word. */
export function stripArticle(word: string): string {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_STEM) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

/** Normalises text into space-separated search tokens. */
export function normalize(input: string): string {
  return tokenize(input).join(" ");
}

/** Normalises text and splits it into tokens. */
export function tokenize(input: string): string[] {
  return readIdioms(words(input));
}

/**
 * "U.S." split at its dots is "u" and "s", and "u" is read as "you"; "US" lowercased is the
 * pronoun "us", a stopword. Both are the country, which the store calls "usa" among its names.
 * Capitals tell "US" from "us", unless the whole text is in capitals.
 */
const US_DOTTED = /\bu\.\s?s\b\.?/gi;
const US_CAPITALS = /\bUS\b/g;
const LOWERCASE_LETTER = /\p{Ll}/u;
function spellCountry(input: string): string {
  const dotted = input.replace(US_DOTTED, " usa ");
  return LOWERCASE_LETTER.test(dotted) ? dotted.replace(US_CAPITALS, "usa") : dotted;
}

/**
 * "A.I." split at its dots, and "a i" as speech-to-text writes "AI" spoken letter by letter ("open
 * a i", "x a i"), are two one-letter words that name nothing; the store says "ai".
 */
const AI_SPELLED = /\ba\.?\s?i\b\.?/gi;

/** Normalised words, each read on its own. */
function words(input: string): string[] {
  const folded = foldDigits(
    spellCountry(input.normalize("NFKC"))
      .replace(AI_SPELLED, " ai ")
      .toLowerCase()
      .replace(POSSESSIVE, "$1")
      .replace(ARABIC_MARKS, "")
      .replace(FOLDABLE, foldLetter),
  ).replace(NON_WORD, " ");
  return folded
    .split(" ")
    .filter((word) => word.length > 0)
    .map(withoutCliticOnLatin)
    .flatMap(splitWord)
    .map(spellOut)
    .map(withoutAnd)
    .map(stripArticle);
}

const SHORT_AMOUNT = /^(\d+)(bn|b|mn|m)$/;
const AMOUNT_UNITS: Readonly<Record<string, string>> = {
  b: "billion",
  bn: "billion",
  m: "million",
  mn: "million",
};
/** Readers write "$80B" and "10bn"; the store spells the figure out, "80 billion". */
function spellAmount(word: string): string[] {
  const short = SHORT_AMOUNT.exec(word);
  return short?.[1] && short[2] ? [short[1], AMOUNT_UNITS[short[2]] ?? short[2]] : [word];
}

/**
 * Chat spellings of words the store spells in full. A word nothing in the store holds weighs most
 * (see question-index.ts), so "whats musks role" lost to its own "whats", and "r" and "w" too.
 * Maps, here and below, not objects: a typed "constructor" must not meet an object's own keys.
 */
const CHAT_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    whats: "what",
    wats: "what",
    wat: "what",
    wut: "what",
    whos: "who",
    hows: "how",
    wheres: "where",
    whens: "when",
    wen: "when",
    wich: "which",
    wher: "where",
    wht: "what",
    hw: "how",
    u: "you",
    ur: "your",
    r: "are",
    w: "with",
    n: "and",
    abt: "about",
    smth: "something",
    sth: "something",
    smthn: "something",
    smthng: "something",
    bout: "about",
    bc: "because",
    cuz: "because",
    coz: "because",
    b4: "before",
    thru: "through",
    govt: "government",
    ppl: "people",
    pls: "please",
    plz: "please",
    rn: "now",
    yr: "year",
    yrs: "years",
    mo: "month",
    mos: "months",
    wk: "week",
    bn: "billion",
    mil: "million",
    tho: "though",
    gonna: "going",
    wanna: "want",
    // A contraction typed without its apostrophe, as the tokeniser leaves the one typed with it.
    hes: "he",
    shes: "she",
    thats: "that",
    theres: "there",
    theyre: "they",
    im: "i",
    ive: "i",
    dont: "don",
    doesnt: "doesn",
    didnt: "didn",
    isnt: "isn",
    wasnt: "wasn",
    arent: "aren",
    werent: "weren",
    hasnt: "hasn",
    havent: "haven",
    wont: "won",
    cant: "can",
  }),
);
/**
 * The story's figures as readers may spell them: it writes "10", "80" and "100", and "ten
 * buildings" or "مئة مليار" met nothing. The Arabic keys are written as the normaliser leaves them.
 */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ten: "10",
    twenty: "20",
    fifty: "50",
    eighty: "80",
    hundred: "100",
    عشره: "10",
    عشر: "10",
    عشرين: "20",
    عشرون: "20",
    خمسين: "50",
    خمسون: "50",
    ثمانين: "80",
    ثمانون: "80",
    ميه: "100",
    مايه: "100",
    خمسميه: "500",
    خمسمايه: "500",
  }),
);
const spellOut = (word: string): string =>
  CHAT_SPELLINGS.get(word) ?? NUMBER_WORDS.get(word) ?? word;

/** "ماهي", "ماهو", "منهو": a question word and its pronoun typed as one word. */
const JOINED: ReadonlyMap<string, readonly string[]> = new Map([
  ["ماهي", ["ما", "هي"]],
  ["ماهو", ["ما", "هو"]],
  ["منهو", ["من", "هو"]],
  ["منهي", ["من", "هي"]],
]);
/** One typed word as the words it stands for: "$80B" → "80 billion", "ماهو" → "ما هو". */
const splitWord = (word: string): readonly string[] => JOINED.get(word) ?? spellAmount(word);

/**
 * "وما", "وأين", "وشو": "and" written onto a question word, or onto هل and من, which open questions
 * too. As typed, the pair is a word nothing else uses, and such a word weighs most of a question;
 * the question word alone tells its kind.
 */
const ASKING_WORDS: ReadonlySet<string> = new Set(
  `${ARABIC_QUESTION_WORDS} هل من`.split(" ").map((word) => word.replace(FOLDABLE, foldLetter)),
);
const withoutAnd = (word: string): string =>
  word.startsWith("و") && ASKING_WORDS.has(word.slice(1)) ? word.slice(1) : word;

/**
 * "وSoftBank", "لـOpenAI", "الـ500": an Arabic conjunction, preposition or article written onto a
 * Latin name or a figure, as the article itself writes them. The name alone is what readers type.
 */
const CLITIC_ON_LATIN = /^(?:[وف]?(?:ال|لل|[بلك])|[وف])(?=[a-z0-9])/;
const withoutCliticOnLatin = (word: string): string => word.replace(CLITIC_ON_LATIN, "");

const ARABIC_WORD = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+/g;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * Arabic when at least as many words are in Arabic script as in Latin, English otherwise. Words,
 * not letters: Arabic readers write "OpenAI" and "Stargate" in Latin, as the article does.
 */
export function detectLang(input: string): "en" | "ar" {
  const arabic = input.match(ARABIC_WORD)?.length ?? 0;
  const latin = input.match(LATIN_WORD)?.length ?? 0;
  return arabic > 0 && arabic >= latin ? "ar" : "en";
}

// Last: the idioms are spelled by the word-by-word reading above.
const readIdioms = buildIdioms(words);
