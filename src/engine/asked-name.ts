import type { FaqEntry } from "../knowledge/schema.ts";
import { tokenize } from "../text/normalize.ts";
import type { EntityIndex } from "./entity-index.ts";
import { QUESTION_WORDS } from "./question-kind.ts";

/**
 * A question asking for a name ("What is the name of the initiative Musk leads?", "ما اسم الكيان
 * الجديد؟") is answered only by an entry whose answer names someone or something the question does
 * not: the store says Musk leads a cost-cutting initiative, and never what it is called.
 */
const NAME_WORDS: ReadonlySet<string> = new Set(tokenize("name اسم"));
/** How far before "name" its question word may stand: "what is the name", "whats the name". */
const QUESTION_WORD_REACH = 3;

export function asksForName(tokens: readonly string[]): boolean {
  return tokens.some(
    (token, i) =>
      NAME_WORDS.has(token) &&
      tokens.slice(Math.max(0, i - QUESTION_WORD_REACH), i).some((t) => QUESTION_WORDS.has(t)),
  );
}

export interface AnswerNameIndex {
  /** The entry's answer names an entity outside `named`. */
  namesBeyond(entry: FaqEntry, named: ReadonlySet<string>): boolean;
}

/** An answer's first sentence: the store's answers say what is asked first, then add context. */
const firstSentence = (text: string): string => text.split(/(?<=[.!?؟])\s/u)[0] ?? text;

/** The entities each entry's answer names in its first sentence, in either language, worked out once. */
export function buildAnswerNameIndex(
  faq: readonly FaqEntry[],
  entities: EntityIndex,
): AnswerNameIndex {
  const byEntry = new Map<FaqEntry, readonly string[]>(
    faq.map((entry) => [
      entry,
      entities
        .detectEntities(
          tokenize(`${firstSentence(entry.answer.en)} ${firstSentence(entry.answer.ar)}`),
          { exact: true },
        )
        .map((d) => d.entity.id),
    ]),
  );
  return {
    namesBeyond: (entry, named) => (byEntry.get(entry) ?? []).some((id) => !named.has(id)),
  };
}
