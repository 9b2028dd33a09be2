import type { Engine } from "../../src/engine/types.ts";
import type { Knowledge } from "../../src/knowledge/schema.ts";
import { type EvalCase, evaluate } from "./evaluate.ts";

type Lang = "en" | "ar";
const LANGS: readonly Lang[] = ["en", "ar"];

/** New phrasings offered for the store's entries, by entry id and language. */
export type Additions = Record<string, { [L in Lang]?: readonly string[] | undefined }>;

/**
 * How a store fares on the sets a choice may look at: the development and stress sets. The
 * held-out set is never among them, so that its figure still says how new questions fare.
 */
export interface Tally {
  /** Development questions answered with a paragraph they accept. */
  right: number;
  /** Development questions answered with a paragraph they do not accept. */
  wrong: number;
  /** Development off-topic questions left unanswered. */
  offTopicAbstained: number;
  /** Stress questions answered right. */
  stressRight: number;
  /** Stress near misses left unanswered. */
  nearMissesAbstained: number;
}

/** A store's tally, or undefined when it changes what the bot says to a pinned question. */
export type Score = (knowledge: Knowledge) => Tally | undefined;

export interface ScoreSets {
  development: readonly EvalCase[];
  stress: readonly EvalCase[];
  /**
   * Questions whose replies must not change: the tests' own. A batch that helps the eval sets
   * can still take a question a test holds to another entry, and asking them here costs a second
   * where a test run per entry would cost minutes.
   */
  pinned: readonly string[];
}

/** Scores stores against `base`: the pinned questions must get the replies they get from it. */
export function scorer(base: Knowledge, sets: ScoreSets, build: (k: Knowledge) => Engine): Score {
  const replies = (engine: Engine) =>
    sets.pinned
      .map((q) => {
        const r = engine.ask(q);
        return `${r.status} ${r.ref ?? ""}`;
      })
      .join("\n");
  const pinnedReplies = replies(build(base));
  return (knowledge) => {
    const engine = build(knowledge);
    if (replies(engine) !== pinnedReplies) return undefined;
    const development = evaluate(engine, knowledge, sets.development);
    const stress = evaluate(engine, knowledge, sets.stress);
    return {
      right: development.top1.passed,
      wrong: development.wrong.passed,
      offTopicAbstained: development.abstention.passed,
      stressRight: stress.top1.passed,
      nearMissesAbstained: stress.abstention.passed,
    };
  };
}

/**
 * Whether `next` is worth its phrasings: more right answers, and nothing worse. A phrasing shifts
 * every word's weight a little, so one that helps its own entry can answer a near miss elsewhere.
 */
export function isBetter(next: Tally | undefined, current: Tally): next is Tally {
  return (
    next !== undefined &&
    next.right > current.right &&
    next.wrong <= current.wrong &&
    next.offTopicAbstained >= current.offTopicAbstained &&
    next.stressRight >= current.stressRight &&
    next.nearMissesAbstained >= current.nearMissesAbstained
  );
}

export interface ChoiceStep {
  id: string;
  offered: number;
  kept: number;
  tally: Tally;
}

export interface PhrasingChoice {
  knowledge: Knowledge;
  kept: Additions;
  start: Tally;
  end: Tally;
  steps: ChoiceStep[];
}

/** The store with `added` phrasings appended to entry `id`; the given store is left as it was. */
export function withPhrasings(
  knowledge: Knowledge,
  id: string,
  added: Additions[string],
): Knowledge {
  return {
    ...knowledge,
    faq: knowledge.faq.map((entry) =>
      entry.id === id
        ? {
            ...entry,
            questions: {
              en: [...entry.questions.en, ...(added.en ?? [])],
              ar: [...entry.questions.ar, ...(added.ar ?? [])],
            },
          }
        : entry,
    ),
  };
}

const key = (phrasing: string) => phrasing.trim().toLowerCase();

/**
 * Adds the offered phrasings an entry at a time, keeping an entry's set only when the store does
 * better by it (see `isBetter`). A set that does not is tried a phrasing at a time, so that one
 * phrasing drawing questions elsewhere does not cost the entry the rest. Phrasings the entry
 * already has, or that repeat one another, are not offered again.
 */
export function choosePhrasings(
  base: Knowledge,
  additions: Additions,
  score: Score,
  onStep: (step: ChoiceStep) => void = () => {},
): PhrasingChoice {
  const unknown = Object.keys(additions).filter((id) => !base.faq.some((e) => e.id === id));
  if (unknown.length > 0)
    throw new Error(`no entry ${unknown.map((id) => `"${id}"`).join(", ")} in the store`);
  const start = score(base);
  if (!start) throw new Error("the store changes its own pinned replies");
  let knowledge = base;
  let current = start;
  const kept: Additions = {};
  const steps: ChoiceStep[] = [];
  for (const [id, offered] of Object.entries(additions)) {
    const entry = knowledge.faq.find((e) => e.id === id);
    if (!entry) continue;
    const fresh = LANGS.flatMap((lang) => {
      const seen = new Set(entry.questions[lang].map(key));
      return (offered[lang] ?? [])
        .map((text) => text.trim())
        .filter((text) => {
          if (text === "" || seen.has(key(text))) return false;
          seen.add(key(text));
          return true;
        })
        .map((text) => ({ lang, text }));
    });
    const byLang = (items: readonly { lang: Lang; text: string }[]) => ({
      en: items.filter((p) => p.lang === "en").map((p) => p.text),
      ar: items.filter((p) => p.lang === "ar").map((p) => p.text),
    });
    const tryAdding = (items: readonly { lang: Lang; text: string }[]): boolean => {
      const candidate = withPhrasings(knowledge, id, byLang(items));
      const tally = score(candidate);
      if (!isBetter(tally, current)) return false;
      knowledge = candidate;
      current = tally;
      return true;
    };
    let chosen = fresh.length > 0 && tryAdding(fresh) ? fresh : [];
    if (chosen.length === 0 && fresh.length > 1) chosen = fresh.filter((p) => tryAdding([p]));
    if (chosen.length > 0) kept[id] = byLang(chosen);
    const step = { id, offered: fresh.length, kept: chosen.length, tally: current };
    steps.push(step);
    onStep(step);
  }
  return { knowledge, kept, start, end: current, steps };
}
