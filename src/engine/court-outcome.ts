import { word, wordSet } from "../text/word-lists.ts";
import { WHO_OPENERS } from "./asked-name.ts";
import { stemOrWord } from "./word-forms.ts";

/**
 * The story leaves Musk's case undecided: it says he sued, what he asked the court to stop, and
 * that a hearing is set for early February. A question asking how the case turned out (a ruling,
 * a verdict, who won) asks what it never says, though its other words meet the lawsuit's entries
 * well: "did the court rule in Musk's favour?" was answered with the order he asked for. A question
 * asking what ruling Musk wants asks about his request, which the story does give.
 */
const COURT = wordSet(
  `court courts judge judges hearing case lawsuit suit trial injunction vs versus v محكمه قاضي قضيه
  قضاء جلسه دعوي`,
);
const OUTCOME = wordSet(
  `ruling verdict decision outcome result won win wins lost lose loses granted denied rejected
  حكم حكمت قضت قرار نتيجه فاز خسر رفضت وافقت كسب`,
);
/**
 * "ربح" is "won" after "who" ("مين ربح القضية؟") and "profit" elsewhere ("تسعى للربح"), which the
 * lawsuit is about: only the first asks an outcome.
 */
const WON_AFTER_WHO = word("ربح");
/**
 * Verbs that tell an outcome only with the court as their subject, up to COURT_REACH words before
 * them: "the judge decided", "the court in California ultimately rule", not "Musk decided to sue".
 */
const COURT_VERBS = wordSet("rule rules ruled decide decides decided reject rejects grant grants");
const COURT_REACH = 5;
/**
 * "What happened at the hearing?", "how did the hearing go?" or "…turn out?" ask how a sitting
 * went; the story only says one is set. A case or a lawsuit did happen ("what happened with Musk's
 * lawsuit?" is answered by what he asked for), so only a sitting makes "happened" ask an outcome.
 */
const SITTING = wordSet("hearing hearings trial جلسه جلسات محاكمه");
const HAPPENED = wordSet("happen happened happens turn turned turns go goes went صار حصل حدث جرى");
/** Musk's own wish: "what ruling does he want", "ماسك عايز حكم…". */
const WANTING = wordSet(
  "want wants wanted seek seeks seeking sought asking يريد يبي عايز عاوز بدو يبغى يطلب يلتمس يسعى",
);

/** An Arabic word by its light stem, so every form of a verb counts: "حكمت", Darija "حكمات". */
const OUTCOME_STEMS: ReadonlySet<string> = new Set([...OUTCOME].map(stemOrWord));

/** "بجلسة", "للمحكمة": Arabic writes "at", "to" and "and" onto the word, without "ال" too. */
const JOINED_PREPOSITION = /^[بلوف]/;
const isIn = (words: ReadonlySet<string>, token: string) =>
  words.has(token) || (JOINED_PREPOSITION.test(token) && words.has(token.slice(1)));

/** Whether the question asks how the court case ended, which the story does not say. */
export function asksCourtOutcome(tokens: readonly string[]): boolean {
  const sittingHeld = tokens.some((t) => isIn(SITTING, t)) && tokens.some((t) => HAPPENED.has(t));
  return (
    (sittingHeld ||
      tokens.some(
        (t, i) =>
          OUTCOME_STEMS.has(stemOrWord(t)) ||
          (t === WON_AFTER_WHO && WHO_OPENERS.has(tokens[i - 1] ?? "")) ||
          (COURT_VERBS.has(t) &&
            tokens.slice(Math.max(0, i - COURT_REACH), i).some((w) => COURT.has(w))),
      )) &&
    tokens.some((t) => isIn(COURT, t) || isIn(SITTING, t)) &&
    !tokens.some((t) => WANTING.has(t))
  );
}
