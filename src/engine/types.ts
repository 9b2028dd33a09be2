/** What the engine returns: plain data that the Discord renderer and the cli both turn into output. */

export type Lang = "en" | "ar";

export type Status = "answered" | "ambiguous" | "no_match" | "invalid";

export type Command = "ask" | "who" | "quote" | "source" | "timeline";

export interface AnswerCitation {
  paragraph: number;
  /** Verbatim Arabic from the article. */
  text: string;
  /** English rendering, present for English readers. */
  translation?: string;
}

/**
 * A "did you mean" option. `ref` is stable and can be fed back to `Engine.resolve`
 * (e.g. `faq:stargate-investment`, `entity:musk`, `quote:altman`).
 */
export interface Suggestion {
  ref: string;
  label: string;
}

export interface EngineResult {
  status: Status;
  lang: Lang;
  title: string;
  text: string;
  citations: AnswerCitation[];
  suggestions: Suggestion[];
  /** 0..1, higher is surer; 0 for anything not answered. Used to stay quiet in busy channels. */
  confidence: number;
  /** The ref of the entry that answered, when answered. */
  ref?: string;
  /** Why the input was rejected, when status is "invalid". */
  error?: string;
}

export interface QueryOptions {
  /** Overrides the language detected from the query's script. */
  lang?: Lang;
}

export interface AutocompleteChoice {
  name: string;
  value: string;
}

export type AutocompleteField = "who" | "quote" | "ask";

/**
 * The answer engine. Built once at start-up from a validated store; every method is pure,
 * synchronous and never throws, whatever the input.
 */
export interface Engine {
  ask(question: string, options?: QueryOptions): EngineResult;
  who(name: string, options?: QueryOptions): EngineResult;
  quote(speaker: string, options?: QueryOptions): EngineResult;
  /** `paragraph` is the user's text ("6", "٦", "¶6"); anything but 1..23 is invalid. */
  source(paragraph: string, options?: QueryOptions): EngineResult;
  timeline(options?: QueryOptions): EngineResult;
  /** Answers a suggestion's `ref` (from a "did you mean" menu). */
  resolve(ref: string, options?: QueryOptions): EngineResult;
  /** At most 25 choices, each name and value at most 100 characters. Empty input gives featured entries. */
  autocomplete(field: AutocompleteField, partial: string): AutocompleteChoice[];
}
