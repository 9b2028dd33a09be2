import type { FaqEntry } from "../knowledge/schema.ts";
import { tokenize } from "../text/normalize.ts";
import { ARABIC_TOKEN } from "../text/token-scripts.ts";
import type { DetectedEntity, EntityIndex } from "./entity-index.ts";

/**
 * Who a question asks to have responded. Word by word, "How did SoftBank respond to Musk?" is
 * "How did Altman respond to Musk?" with another name in it, and the story reports Altman's
 * reply, not SoftBank's: only an entry that is itself asked about that responder's response may
 * answer. A question that names no responder beside its response word is not held to this.
 */
const RESPONSE_WORDS: ReadonlySet<string> = new Set(
  tokenize(
    "respond responds responded responding response responses reply replies replied replying " +
      "react reacts reacted reacting reaction reactions answer answers answered " +
      "رد ردا ردت يرد ترد ردود ردة تفاعل",
  ),
);
/** "ردة فعل ماسك": Musk's reaction, named after the two words. */
const REACTION_SECOND_WORD = tokenize("فعل")[0] ?? "";
/** "ألتمان رد على ماسك": before the response word, a name is the responder only with "on" after. */
const ONTO = tokenize("على")[0] ?? "";

/**
 * The entity named beside the question's first response word: just before it in English ("how
 * did Altman respond", "Altman's reply"), just after it in Arabic ("كيف رد ألتمان", "ردة فعل
 * ماسك"), or before it when "على" follows ("ألتمان رد على ماسك").
 */
export function responderIn(
  tokens: readonly string[],
  namesIn: () => readonly DetectedEntity[],
): string | undefined {
  const at = tokens.findIndex((t) => RESPONSE_WORDS.has(t));
  if (at < 0) return undefined;
  // Names are looked for only in the few questions that ask for a response.
  const names = namesIn();
  const before = names.find((d) => d.end === at);
  if (!ARABIC_TOKEN.test(tokens[at] ?? "")) return before?.entity.id;
  const nameFrom = tokens[at + 1] === REACTION_SECOND_WORD ? at + 2 : at + 1;
  const after = names.find((d) => d.start === nameFrom);
  return (after ?? (tokens[at + 1] === ONTO ? before : undefined))?.entity.id;
}

export interface ResponderIndex {
  /** The entry may answer a question asking for `responder`'s response. */
  answers(entry: FaqEntry, responder: string | undefined): boolean;
}

/** Each entry's responders, from the phrasings that ask for a response, worked out once. */
export function buildResponderIndex(
  faq: readonly FaqEntry[],
  entities: EntityIndex,
): ResponderIndex {
  const byEntry = new Map<FaqEntry, ReadonlySet<string>>(
    faq.map((entry) => {
      const responders = new Set<string>();
      for (const question of [...entry.questions.en, ...entry.questions.ar]) {
        const tokens = tokenize(question);
        // Exact: the store spells its names with its own aliases.
        const found = responderIn(tokens, () => entities.detectEntities(tokens, { exact: true }));
        if (found) responders.add(found);
      }
      return [entry, responders];
    }),
  );
  return {
    answers: (entry, responder) =>
      responder === undefined || (byEntry.get(entry)?.has(responder) ?? false),
  };
}
