import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../src/engine/index.ts";
import type { Engine } from "../src/engine/types.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { CASES_FILE, type EvalCase, loadCases, STRESS_FILE } from "./eval/evaluate.ts";

/**
 * What readers type around a question changes nothing: an answered question gets the same answer
 * wrapped in it, and an off-topic or near-miss question stays unanswered. Unknown to the store,
 * "um" or "يا جماعة" once weighed most of a question, and sent up to nine in ten answered
 * questions to "Did you mean" while getting near misses answered.
 */
const WRAPPERS: Record<EvalCase["lang"], readonly (readonly [string, string])[]> = {
  en: [
    ["um ", ""],
    ["honestly ", ""],
    ["wait ", ""],
    ["bruh ", ""],
    ["real quick ", ""],
    ["random question but ", ""],
    ["can someone explain ", ""],
    ["remind me, ", ""],
    ["I read the article. ", ""],
    ["", " again"],
    ["", " or not"],
    ["", " in a nutshell"],
    ["", " with sources"],
  ],
  ar: [
    ["يا جماعة ", ""],
    ["حد يعرف ", ""],
    ["شباب ", ""],
    ["الله يخليك ", ""],
    ["يا ريت حد يقولي ", ""],
    ["ذكرني، ", ""],
    ["قرأت المقال. ", ""],
    ["", " يا بوت"],
    ["", " بالله"],
    ["", " ولا لا"],
    ["", " باختصار"],
    ["", " بشكل مختصر"],
    ["", " مع المصدر"],
  ],
};
/** Every fourth case: enough to find a filler word that weighs, in about a second. */
const EVERY = 4;

const wrap = (c: EvalCase) =>
  WRAPPERS[c.lang].map(([before, after]) => `${before}${c.q.replace(/[?؟]+$/, "")}${after}`);

describe("filler around a question", () => {
  let engine: Engine;
  let asks: EvalCase[];
  beforeAll(() => {
    engine = createEngine(loadKnowledge());
    asks = [...loadCases(CASES_FILE), ...loadCases(STRESS_FILE)].filter(
      (c, i) => c.cmd === "ask" && i % EVERY === 0,
    );
  });

  it("leaves an answered question's answer as it was", () => {
    const answered = asks.filter((c) => c.expect !== "abstain");
    const changed: string[] = [];
    let checked = 0;
    for (const c of answered) {
      const bare = engine.ask(c.q, { lang: c.lang });
      if (bare.status !== "answered") continue;
      for (const text of wrap(c)) {
        checked++;
        if (engine.ask(text, { lang: c.lang }).ref !== bare.ref) changed.push(text);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(changed).toEqual([]);
  });

  it("answers no off-topic or near-miss question for its filler", () => {
    const answered: string[] = [];
    for (const c of asks.filter((c) => c.expect === "abstain")) {
      if (engine.ask(c.q, { lang: c.lang }).status === "answered") continue;
      for (const text of wrap(c))
        if (engine.ask(text, { lang: c.lang }).status === "answered") answered.push(text);
    }
    expect(answered).toEqual([]);
  });
});
