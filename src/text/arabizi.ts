/**
 * Arabizi: Arabic typed in Latin letters, with digits for the letters Latin lacks ("3" for ع, "7"
 * for ح, "2" for a glottal stop): "altman shu radd 3a musk?", "emta el jalse?". Readers in Lebanon
 * and the Gulf write so on their phones. Word by word nothing in the store meets it; read as the
 * Arabic words it spells, its question words ask and its other words find their entries.
 *
 * The words fall in two lists. A word of the first no English reader types ("shu", "emta",
 * "ya3ni"); one of them makes a question Arabizi. A word of the second ("w", "fi", "el") is
 * English, a name or a typo as often as Arabic, and is read as Arabic only in an Arabizi question.
 * The reader's other words, names among them, are kept as typed.
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
]);
const LIKELY: ReadonlyMap<string, string> = new Map([
  ...spellings("و", "w wa"),
  ...spellings("في", "fi fe"),
  ...spellings("كم", "kam"),
  ...spellings("وين", "wen"),
  ...spellings("فين", "fein fen"),
  ...spellings("ايش", "eish aish esh"),
  ...spellings("هي", "hiya"),
  ...spellings("هو", "huwa howa"),
  ...spellings("رد", "rad"),
  ...spellings("عم", "3am"),
  ...spellings("رح", "rah ra7"),
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

/** The text with its Arabizi words in Arabic script, or the text itself if it is no Arabizi. */
export function readArabizi(text: string): string {
  if (!(text.match(WORD) ?? []).some((word) => SURE.has(word.toLowerCase()))) return text;
  return text.replace(WORD_AND_SPACE, (_, word: string, space = "") => {
    const key = word.toLowerCase();
    const prefix = PREFIXES.get(key);
    return prefix && space ? prefix : (SURE.get(key) ?? LIKELY.get(key) ?? word) + space;
  });
}
