import { STOPWORDS, STORY_WORDS } from "../text/stopwords.ts";
import { wordSet } from "../text/word-lists.ts";
import { QUESTION_WORDS } from "./question-kind.ts";

/** Words that ask for the story as a whole, on their own: "summarize", "tldr", "لخص". */
const SUMMARY_WORDS = wordSet(
  "summary summarize summarise gist overview recap tldr ملخص لخص خلاصة",
);
/** Words that ask what a text says, which ask for the whole story only beside a word for it. */
const ABOUT_WORDS = wordSet(
  "say says talk talks discuss discusses cover covers topic main point يقول يتحدث يتكلم يحكي " +
    "يتناول موضوع فكرة",
);
/** Words that ask who made a text and when: beside a word for the story, about the article itself. */
const MAKING_WORDS = wordSet(
  "wrote written write writes writer author authors authored published publish publisher " +
    "reported report reporter journalist byline كتب كتبه كاتب مؤلف نشر نشره ناشر صحفي مراسل",
);

/**
 * A question about the story itself, not about anything in it: its words are a word for the story
 * ("article", "الخبر") or for a summary, and filler, question words and words for what a text says
 * or who made it. Ranking cannot read one, since words for the story are filler there: "in the
 * article" asks nothing more of any question.
 * - "summary": what it is about ("what is this article about?", "summarize", "لخص المقال");
 * - "making": who wrote or published it, or when, which the story does not say ("who wrote this
 *   article?"); without this, "wrote" alone met "who first wrote about Stargate".
 */
export function storyQuestion(tokens: readonly string[]): "summary" | "making" | undefined {
  let story = false;
  let summary = false;
  let making = false;
  for (const t of tokens) {
    if (STORY_WORDS.has(t)) story = true;
    else if (SUMMARY_WORDS.has(t)) summary = true;
    else if (MAKING_WORDS.has(t)) making = true;
    else if (!STOPWORDS.has(t) && !QUESTION_WORDS.has(t) && !ABOUT_WORDS.has(t)) return undefined;
  }
  if (making) return story ? "making" : undefined;
  return story || summary ? "summary" : undefined;
}

/** "Or" between two ways of writing one thing. */
const OR_WORDS = wordSet("or او أو ولا");

/**
 * Whether the question asks how a word is written: "is it 'data center' or 'datacenter'?",
 * "Stargate or Star Gate?". Either way it is the same word, which the story never discusses, and
 * its paragraphs using it answer nothing asked.
 */
export function asksSpelling(tokens: readonly string[]): boolean {
  const at = (i: number) => tokens[i] ?? "";
  // Two words on one side are one on the other: the same letters, split differently.
  return tokens.some(
    (t, i) =>
      OR_WORDS.has(t) &&
      ((at(i - 2) !== "" && at(i - 2) + at(i - 1) === at(i + 1)) ||
        (at(i + 2) !== "" && at(i - 1) === at(i + 1) + at(i + 2))),
  );
}
