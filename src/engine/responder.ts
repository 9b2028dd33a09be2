import type { FaqEntry } from "../knowledge/schema.ts";
import { ARABIC_TOKEN } from "../text/token-scripts.ts";
import { THE, word, wordSet } from "../text/word-lists.ts";
import type { DetectedEntity } from "./entity-index.ts";
import { QUESTION_WORDS } from "./question-kind.ts";
import type { ReadEntry } from "./store-reading.ts";

/**
 * Who a question asks to have responded. Word by word, "How did SoftBank respond to Musk?" is
 * "How did Altman respond to Musk?" with another name in it, and the story reports Altman's
 * reply, not SoftBank's: only an entry that is itself asked about that responder's response may
 * answer. A question that names no responder beside its response word is not held to this.
 *
 * Nor is a reply the first word it answers: "How did Musk answer Altman's reply?" asks what came
 * after Altman's reply to Musk, which the story does not report, and Musk's criticism of the
 * venture came before it.
 */
const RESPONSE_WORDS = wordSet(
  "respond responds responded responding response responses reply replies replied replying " +
    "react reacts reacted reacting reaction reactions answer answers answered " +
    "رد ردا ردت يرد ترد ردود ردة تفاعل",
);
/** "ردة فعل ماسك": Musk's reaction, named after the two words. */
const REACTION_SECOND_WORD = word("فعل");
/**
 * "ألتمان رد على ماسك", "ألتمان رد بإيش على ماسك", "ترامب شنو رد على ماسك": before the response
 * word, a name is the responder only with "on" after, a question word between or not.
 */
const ONTO = word("على");
/** Between a response and whom it answers: "respond to (the) …", "رد على …". */
const TOWARDS = wordSet("to على");
const WITH = /^ب/;

/** Who responded, and whom the response answers when the question says. */
export interface Response {
  by: string;
  to?: string;
}

/**
 * The entity named beside the response word at `at`: just before it in English ("how did Altman
 * respond", "Altman's reply"), just after it in Arabic ("كيف رد ألتمان", "ردة فعل ماسك"), or
 * before it when "على" follows ("ألتمان رد على ماسك"); and where the words naming it end.
 */
function responderAt(
  tokens: readonly string[],
  at: number,
  names: readonly DetectedEntity[],
): { id: string | undefined; end: number } {
  const before = names.find((d) => d.end === at);
  if (!ARABIC_TOKEN.test(tokens[at] ?? "")) return { id: before?.entity.id, end: at + 1 };
  const nameFrom = tokens[at + 1] === REACTION_SECOND_WORD ? at + 2 : at + 1;
  const after = names.find((d) => d.start === nameFrom);
  if (after) return { id: after.entity.id, end: after.end };
  // The question word may have "ب" joined to it: "بماذا", "بإيش".
  const asking = (tokens[nameFrom] ?? "").replace(WITH, "");
  const onto = QUESTION_WORDS.has(asking) ? nameFrom + 1 : nameFrom;
  if (tokens[onto] !== ONTO) return { id: undefined, end: onto };
  // Or before the response word: "ترامب شنو رد على…".
  const responder =
    before ??
    (QUESTION_WORDS.has(tokens[at - 1] ?? "") ? names.find((d) => d.end === at - 1) : undefined);
  return { id: responder?.entity.id, end: onto };
}

/**
 * The response the question's first response word asks for; whom it answers is the name after
 * "to" or "على" ("how did Altman respond to Musk"), or the responder of a later response word
 * ("Musk's answer to Altman's reply", "رد ماسك على رد ألتمان").
 */
export function responseIn(
  tokens: readonly string[],
  namesIn: () => readonly DetectedEntity[],
): Response | undefined {
  const at = tokens.findIndex((t) => RESPONSE_WORDS.has(t));
  if (at < 0) return undefined;
  // Names are looked for only in the few questions that ask for a response.
  const names = namesIn();
  const { id: by, end } = responderAt(tokens, at, names);
  if (by === undefined) return undefined;
  const towards = TOWARDS.has(tokens[end] ?? "");
  const from = towards ? end + 1 : end;
  const later = tokens.findIndex((t, i) => i >= from && RESPONSE_WORDS.has(t));
  const named = towards
    ? names.find((d) => d.start === from || (d.start === from + 1 && tokens[from] === THE))
    : undefined;
  const to = (later >= 0 ? responderAt(tokens, later, names).id : undefined) ?? named?.entity.id;
  return to === undefined || to === by ? { by } : { by, to };
}

export interface ResponderIndex {
  /** The entry may answer a question asking for this response. */
  answers(entry: FaqEntry, response: Response | undefined): boolean;
}

const pair = (by: string, to = "") => `${by} ${to}`;

/** Each entry's responses, from the phrasings that ask for one, worked out once. */
export function buildResponderIndex(store: readonly ReadEntry[]): ResponderIndex {
  const byEntry = new Map<FaqEntry, { responders: Set<string>; pairs: Set<string> }>();
  const storePairs = new Set<string>();
  for (const { entry, phrasings } of store) {
    const responders = new Set<string>();
    const pairs = new Set<string>();
    for (const phrasing of phrasings) {
      const found = responseIn(phrasing.tokens, phrasing.names);
      if (!found) continue;
      responders.add(found.by);
      pairs.add(pair(found.by, found.to));
      storePairs.add(pair(found.by, found.to));
    }
    byEntry.set(entry, { responders, pairs });
  }
  return {
    answers: (entry, response) => {
      if (response === undefined) return true;
      const own = byEntry.get(entry);
      if (!own?.responders.has(response.by)) return false;
      const { by, to } = response;
      // A response to someone who was answering the responder is asked for only as such.
      return to === undefined || own.pairs.has(pair(by, to)) || !storePairs.has(pair(to, by));
    },
  };
}
