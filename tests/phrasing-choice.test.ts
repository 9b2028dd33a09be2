import { describe, expect, it } from "vitest";
import type { Engine, EngineResult } from "../src/engine/types.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import type { Knowledge } from "../src/knowledge/schema.ts";
import type { EvalCase } from "./eval/evaluate.ts";
import {
  choosePhrasings,
  isBetter,
  type Score,
  scorer,
  type Tally,
  withPhrasings,
} from "./eval/phrasing-choice.ts";

const knowledge = loadKnowledge();
const [first, second] = knowledge.faq.map((e) => e.id);
if (!first || !second) throw new Error("the store needs two entries");

const phrasingsOf = (k: Knowledge) => k.faq.flatMap((e) => [...e.questions.en, ...e.questions.ar]);
const count = (k: Knowledge, word: string) => phrasingsOf(k).filter((p) => p.includes(word)).length;

/**
 * A stand-in for the eval sets: a phrasing saying "helps" answers one more question, "misleads"
 * gives one more wrong answer and "tempts" answers one more near miss.
 */
const fakeScore: Score = (k) => ({
  right: 100 + count(k, "helps"),
  wrong: 5 + count(k, "misleads"),
  offTopicAbstained: 50,
  stressRight: 20,
  nearMissesAbstained: 400 - count(k, "tempts"),
});

describe("choosing phrasings to add", () => {
  it("keeps an entry's phrasings when together they answer more and nothing worse", () => {
    const choice = choosePhrasings(
      knowledge,
      { [first]: { en: ["helps one"], ar: ["helps two"] } },
      fakeScore,
    );
    expect(choice.kept).toEqual({ [first]: { en: ["helps one"], ar: ["helps two"] } });
    expect(choice.end.right - choice.start.right).toBe(2);
    expect(choice.knowledge.faq.find((e) => e.id === first)?.questions.ar.at(-1)).toBe("helps two");
  });

  it("tries a set that does worse a phrasing at a time, keeping those that help", () => {
    const choice = choosePhrasings(
      knowledge,
      { [first]: { en: ["helps one", "misleads one", "tempts one and helps"], ar: ["helps two"] } },
      fakeScore,
    );
    expect(choice.kept).toEqual({ [first]: { en: ["helps one"], ar: ["helps two"] } });
    expect(choice.end).toEqual({ ...choice.start, right: choice.start.right + 2 });
  });

  it("leaves an entry whose phrasings answer nothing more", () => {
    const told: string[] = [];
    const choice = choosePhrasings(
      knowledge,
      { [first]: { en: ["says nothing new"] }, [second]: { en: ["helps"] } },
      fakeScore,
      (step) => told.push(step.id),
    );
    expect(choice.kept).toEqual({ [second]: { en: ["helps"], ar: [] } });
    expect(told).toEqual([first, second]);
    expect(choice.steps.map((s) => [s.id, s.offered, s.kept])).toEqual([
      [first, 1, 0],
      [second, 1, 1],
    ]);
  });

  it("does not offer again what the entry already has, or a repeat, whatever its case", () => {
    const entry = knowledge.faq.find((e) => e.id === first);
    const existing = entry?.questions.en[0] ?? "";
    const choice = choosePhrasings(
      knowledge,
      { [first]: { en: [` ${existing.toUpperCase()} `, "helps", "HELPS", "  "] } },
      fakeScore,
    );
    expect(choice.steps[0]?.offered).toBe(1);
    expect(choice.kept).toEqual({ [first]: { en: ["helps"], ar: [] } });
  });

  it("leaves the store it was given as it was", () => {
    const before = JSON.stringify(knowledge.faq);
    choosePhrasings(knowledge, { [first]: { en: ["helps"] } }, fakeScore);
    withPhrasings(knowledge, first, { en: ["helps"] });
    expect(JSON.stringify(knowledge.faq)).toBe(before);
  });

  it("names every entry the store does not have, before scoring anything", () => {
    let scored = 0;
    const counting: Score = (k) => {
      scored += 1;
      return fakeScore(k);
    };
    const additions = { [first]: { en: ["helps"] }, "no-such-entry": { en: ["x"] }, nor: {} };
    expect(() => choosePhrasings(knowledge, additions, counting)).toThrow(
      'no entry "no-such-entry", "nor" in the store',
    );
    expect(scored).toBe(0);
  });
});

describe("whether a store does better", () => {
  const now: Tally = {
    right: 10,
    wrong: 2,
    offTopicAbstained: 5,
    stressRight: 3,
    nearMissesAbstained: 7,
  };

  it("needs more right answers", () => {
    expect(isBetter({ ...now, right: 11 }, now)).toBe(true);
    expect(isBetter(now, now)).toBe(false);
  });

  it.each([
    ["a wrong answer", { wrong: 3 }],
    ["an off-topic question answered", { offTopicAbstained: 4 }],
    ["a stress question lost", { stressRight: 2 }],
    ["a near miss answered", { nearMissesAbstained: 6 }],
  ])("refuses more right answers bought with %s", (_, worse) => {
    expect(isBetter({ ...now, right: 20, ...worse }, now)).toBe(false);
  });

  it("refuses a store that changes a pinned reply", () => {
    expect(isBetter(undefined, now)).toBe(false);
  });
});

describe("scoring a store", () => {
  const answer = (paragraph: number, ref: string): EngineResult => ({
    status: "answered",
    lang: "en",
    title: "",
    text: "",
    citations: [{ paragraph, text: (knowledge.article[paragraph - 1] ?? "").slice(0, 20) }],
    suggestions: [],
    confidence: 1,
    ref,
  });
  /** Answers "pinned" and "asked" from paragraph 2, or from 5 once a phrasing says "steals". */
  const build = (k: Knowledge): Engine => {
    const reply = () =>
      count(k, "steals") > 0 ? answer(5, "faq:thief") : answer(2, `faq:${first}`);
    return {
      ask: reply,
      who: reply,
      quote: reply,
      source: reply,
      timeline: reply,
      resolve: reply,
      autocomplete: () => [],
    };
  };
  const asked = (expect: EvalCase["expect"]): EvalCase => ({
    cmd: "ask",
    q: "asked",
    lang: "en",
    tag: expect === "abstain" ? "offtopic" : "plain",
    expect,
  });
  const score = scorer(
    knowledge,
    { development: [asked([2]), asked("abstain")], stress: [asked([5])], pinned: ["pinned"] },
    build,
  );

  it("counts each set's outcomes", () => {
    expect(score(knowledge)).toEqual({
      right: 1,
      wrong: 0,
      offTopicAbstained: 0,
      stressRight: 0,
      nearMissesAbstained: 0,
    });
  });

  it("gives nothing for a store that changes what a pinned question gets", () => {
    expect(score(withPhrasings(knowledge, second, { en: ["steals it"] }))).toBeUndefined();
  });
});
