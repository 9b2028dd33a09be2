import type { FaqEntry } from "../knowledge/schema.ts";
import { tokenize } from "../text/normalize.ts";
import type { DetectedEntity, EntityIndex } from "./entity-index.ts";

/**
 * A store text as the indexes read it: its tokens, and the names in them, looked up the first time
 * an index asks. The kind, responder and actor indexes each read every phrasing; reading them once
 * here saves start-up from tokenising the store three times over.
 */
export interface ReadText {
  readonly tokens: readonly string[];
  names(): readonly DetectedEntity[];
}

/** An entry's phrasings in both languages, and its answer in each language. */
export interface ReadEntry {
  readonly entry: FaqEntry;
  readonly phrasings: readonly ReadText[];
  readonly answers: readonly ReadText[];
}

export function readStore(faq: readonly FaqEntry[], entities: EntityIndex): ReadEntry[] {
  const read = (text: string): ReadText => {
    const tokens = tokenize(text);
    let names: readonly DetectedEntity[] | undefined;
    return {
      tokens,
      // Exact: the store spells its names with its own aliases.
      names: () => {
        names ??= entities.detectEntities(tokens, { exact: true });
        return names;
      },
    };
  };
  return faq.map((entry) => ({
    entry,
    phrasings: [...entry.questions.en, ...entry.questions.ar].map(read),
    answers: [entry.answer.en, entry.answer.ar].map(read),
  }));
}
