import { arabicSkeleton, latinSkeleton } from "../text/arabizi.ts";
import { IDIOM_WORDS } from "../text/idioms.ts";
import { STOPWORDS } from "../text/stopwords.ts";
import { ARABIC_TOKEN } from "../text/token-scripts.ts";

/**
 * Arabizi words no list holds ("ystathmro", "lflous") spelt as the store's Arabic word with the
 * same consonants ("يستثمر", "فلوس"), so a question in any dialect's Arabizi meets the store's
 * dialect phrasings. A word the store writes in Latin letters, English or a name, is kept
 * as typed, as is one whose consonants no Arabic word has.
 */
export function buildArabiziSpeller(
  storeWords: ReadonlySet<string>,
  nameWords: ReadonlySet<string>,
): (word: string) => string | undefined {
  const bySkeleton = new Map<string, string[]>();
  for (const word of storeWords) {
    if (!ARABIC_TOKEN.test(word)) continue;
    const skeleton = arabicSkeleton(word);
    if (skeleton.length < MIN_CONSONANTS) continue;
    bySkeleton.set(skeleton, [...(bySkeleton.get(skeleton) ?? []), word]);
  }
  return (word) => {
    if (!ARABIZI_WORD.test(word) || storeWords.has(word) || nameWords.has(word)) return undefined;
    // English the store does not hold: small words, and what readers say around a question.
    if (STOPWORDS.has(word) || IDIOM_WORDS.has(word)) return undefined;
    for (const stem of [word, ...withoutClitic(word)]) {
      const forms = bySkeleton.get(latinSkeleton(stem));
      if (forms) return shortest(forms);
    }
    return undefined;
  };
}

/** Latin letters, and digits among them: "80" and "2024" are figures, not words. */
const ARABIZI_WORD = /^(?=.*[a-z])[a-z0-9]+$/;
/** Two consonants at least: one alone ("la", "w") matches too many words to mean any. */
const MIN_CONSONANTS = 2;
/** "lflous" is "الفلوس", "wel" "والـ", "fi" "في": the article or a preposition written on. */
const LATIN_CLITICS = ["el", "al", "il", "l", "w", "b", "f"];

/** "ma3rafch", "ma3rafsh": Egyptian and Maghrebi write "not" around the word, as "ما…ش". */
const NEGATION = /^ma(.{3,}?)(?:ch|sh)$/;

function withoutClitic(word: string): string[] {
  const negated = NEGATION.exec(word)?.[1];
  return [
    ...(negated ? [negated] : []),
    ...LATIN_CLITICS.filter((c) => word.startsWith(c) && word.length - c.length >= 3).map((c) =>
      word.slice(c.length),
    ),
  ];
}

/**
 * Of the words with the same consonants, the shortest: the bare word, where the others add an
 * ending the consonants leave out ("فلوس", not "فلوسه").
 */
function shortest(forms: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const form of forms) if (!best || form.length < best.length) best = form;
  return best;
}
