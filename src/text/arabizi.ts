/**
 * Arabizi: Arabic typed in Latin letters, with digits for the letters Latin lacks ("3" for ع, "7"
 * for ح, "2" for a glottal stop): "altman shu radd 3a musk?", "emta el jalse?". Readers from the
 * Levant and the Gulf to the Maghreb write so on their phones. Word by word nothing in the store
 * meets it; read as the Arabic words it spells, its question words ask and its other words find
 * their entries.
 *
 * The words fall in two lists. A word of the first no English reader types ("shu", "emta",
 * "ya3ni"); one of them, or a word spelt with such a digit, makes a question Arabizi. A word of
 * the second ("w", "fi", "el") is English, a name or a typo as often as Arabic, and is read as
 * Arabic only in an Arabizi question. The reader's other words are spelt by their consonants
 * (`latinSkeleton`, and the engine's arabizi-spelling.ts), or kept as typed.
 */
const SURE: ReadonlyMap<string, string> = new Map([
  ...spellings("شو", "shu sho shou shoo chou"),
  ...spellings("ليش", "lesh leish leysh lech laish"),
  ...spellings("ليه", "leh leih"),
  ...spellings("امتى", "emta imta amta emtah imte emte"),
  ...spellings("وين", "wein wain wayn"),
  ...spellings("منين", "mnein mnen"),
  ...spellings("مين", "meen miin"),
  ...spellings("قديش", "addesh adesh 2addesh 2adesh addeh"),
  ...spellings("كيف", "kif keef kaif"),
  ...spellings("يعني", "ya3ni yaani ya3ne"),
  ...spellings("هي", "hiye heye"),
  ...spellings("هو", "huwe howe huwwe"),
  ...spellings("قال", "2al 2aal"),
  ...spellings("رد", "radd"),
  ...spellings("جلسة", "jalse jalseh jalsa jalsi"),
  ...spellings("مشروع", "mashroo3 mashrou3 mashru3"),
  ...spellings("مصاري", "masari msari"),
  ...spellings("فلوس", "flous fulus fulous"),
  ...spellings("شركة", "sharike sharika sherke shirke"),
  ...spellings("محكمة", "ma7kame mahkame ma7kama mahkama"),
  ...spellings("دعوى", "da3wa da3we"),
  ...spellings("بين", "bein bayn"),
  ...spellings("عن", "3an"),
  ...spellings("على", "3a 3ala 3la 3al"),
  ...spellings("مع", "ma3"),
  ...spellings("كمان", "kaman kamen"),
  ...spellings("عشان", "3ashan 3ashen"),
  ...spellings("هلق", "halla2 hala2"),
  ...spellings("زبط", "zabt"),
  // Egyptian, Gulf and Iraqi.
  ...spellings("ازاي", "ezay izay ezzay izzay"),
  ...spellings("شلون", "shlon chlon shloon"),
  ...spellings("شنو", "chno chnou chnu shno shnu shnou"),
  // Maghrebi.
  ...spellings("شكون", "chkoun shkoun chkon shkon"),
  ...spellings("واش", "wach"),
  ...spellings("كيفاش", "kifach kifash"),
  ...spellings("علاش", "3lach 3lash"),
  ...spellings("قداش", "9adech 9addech gadesh qadesh"),
  ...spellings("ديال", "dyal diyal dial"),
  ...spellings("ديالو", "dyalo dyalou"),
  ...spellings("ديالها", "dyalha"),
  ...spellings("ديالهم", "dyalhom"),
  ...spellings("كاين", "kayn kayen"),
  ...spellings("كاينة", "kayna kayne"),
  ...spellings("غادي", "ghadi ghad"),
  ...spellings("باش", "bech bach"),
  ...spellings("متاع", "mta3"),
  ...spellings("دابا", "daba"),
  ...spellings("هوما", "homa huma"),
  ...spellings("بلي", "beli belli"),
  ...spellings("ولا", "wela wala wla walla"),
  ...spellings("غير", "ghir"),
]);
const LIKELY: ReadonlyMap<string, string> = new Map([
  ...spellings("و", "w wa"),
  ...spellings("في", "fi fe f"),
  ...spellings("ب", "b"),
  ...spellings("ل", "l"),
  ...spellings("كم", "kam"),
  ...spellings("وين", "wen"),
  ...spellings("فين", "fein fen"),
  ...spellings("ايش", "eish aish esh"),
  ...spellings("هي", "hiya"),
  ...spellings("هو", "huwa howa"),
  ...spellings("رد", "rad"),
  ...spellings("عم", "3am"),
  ...spellings("رح", "rah ra7"),
  ...spellings("اللي", "li elli illi"),
  ...spellings("ديال", "d"),
  ...spellings("من", "men"),
  ...spellings("ما", "ma"),
  ...spellings("لا", "la"),
  ...spellings("هاد", "had"),
  ...spellings("بس", "bas"),
  ...spellings("شي", "chi"),
  ...spellings("اش", "ach"),
  ...spellings("واش", "wash"),
  ...spellings("ايه", "eh"),
]);
/** "el jalse" is "الجلسة": the article is written onto the word after it, as in Arabic script. */
const PREFIXES: ReadonlyMap<string, string> = new Map([
  ...spellings("ال", "el al il"),
  ...spellings("بال", "bel bil"),
]);

function spellings(arabic: string, latin: string): [string, string][] {
  return latin.split(" ").map((word) => [word, arabic]);
}

const WORD = /[\p{L}\p{N}]+/gu;
/** A word, and the space after it when another word follows. */
const WORD_AND_SPACE = /([\p{L}\p{N}]+)(\s+(?=[\p{L}\p{N}]))?/gu;
/** Latin letters and a digit that stands for an Arabic letter: "ya3ni", "ch7al", "9al". */
const DIGIT_LETTERS = /^(?=.*[a-z])[a-z]*[235789][a-z0-9]*$/i;
/** Figures and names readers abbreviate, which are no Arabizi: "80b", "3rd", "2pm", "q2", "mp3". */
const FIGURE = /^(?:\d+(?:b|bn|m|mn|k|st|nd|rd|th|s|am|pm|x|g|gb|gw|mw)|[a-z]{1,3}\d+)$/i;

/** Whether the text is Arabizi: it holds a word no English reader types, or one spelt with digits. */
export function isArabizi(text: string): boolean {
  return (text.match(WORD) ?? []).some((word) => {
    const lower = word.toLowerCase();
    return SURE.has(lower) || (DIGIT_LETTERS.test(lower) && !FIGURE.test(lower));
  });
}

/**
 * The text with its Arabizi words in Arabic script, or the text itself if it is no Arabizi. The
 * words no list holds are spelt by `spell`, which knows the store's words, or kept as typed.
 */
export function readArabizi(
  text: string,
  spell: (word: string) => string | undefined = () => undefined,
): string {
  if (!isArabizi(text)) return text;
  return text.replace(WORD_AND_SPACE, (_, word: string, space = "") => {
    const key = word.toLowerCase();
    const prefix = PREFIXES.get(key);
    if (prefix && space) return prefix;
    return (SURE.get(key) ?? LIKELY.get(key) ?? spell(key) ?? word) + space;
  });
}

/**
 * What Arabic script and Arabizi both write of a word: its consonants, in classes both spell
 * alike. Vowels are left out (Arabic writes short ones not at all, Arabizi long ones as short),
 * and so are the letters that also write vowels (ا و ي, and Latin w, y), hamza, and a final ه or
 * ة, which Arabizi writes as a vowel ("jalse" is "جلسة"). Letters Latin cannot tell apart share a
 * class: ص and س are "s", ط and ت "t", ه and ح "h".
 */
const ARABIC_CLASSES: Readonly<Record<string, string>> = {
  ب: "b",
  ت: "t",
  ث: "t",
  ج: "j",
  ح: "h",
  خ: "x",
  د: "d",
  ذ: "d",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "c",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "3",
  غ: "g",
  ف: "f",
  ق: "q",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
};
/** Two Latin letters for one Arabic one, read before single letters. */
const LATIN_PAIRS: readonly (readonly [string, string])[] = [
  ["sh", "c"],
  ["ch", "c"],
  ["kh", "x"],
  ["gh", "g"],
  ["th", "t"],
  ["dh", "d"],
];
const LATIN_CLASSES: Readonly<Record<string, string>> = {
  b: "b",
  p: "b",
  t: "t",
  j: "j",
  g: "j",
  d: "d",
  r: "r",
  z: "z",
  s: "s",
  f: "f",
  v: "f",
  q: "q",
  k: "k",
  c: "k",
  l: "l",
  m: "m",
  n: "n",
  h: "h",
  x: "x",
  "2": "q",
  "3": "3",
  "5": "x",
  "6": "t",
  "7": "h",
  "8": "g",
  "9": "q",
};

/** An Arabic word's consonant classes: "يستثمرون" is "sttmrn". */
export function arabicSkeleton(word: string): string {
  let out = "";
  for (const letter of word.replace(/[هة]$/, "")) out += ARABIC_CLASSES[letter] ?? "";
  return out;
}

/** A Latin word's consonant classes, as Arabizi spells them: "ystathmro" is "sttmr". */
export function latinSkeleton(word: string): string {
  let rest = word.toLowerCase().replace(/(?<=[aeiou])h$/, "");
  for (const [pair, cls] of LATIN_PAIRS) rest = rest.replaceAll(pair, cls.toUpperCase());
  let out = "";
  for (const letter of rest)
    out += LATIN_CLASSES[letter] ?? (/[A-Z]/.test(letter) ? letter.toLowerCase() : "");
  return out;
}
