import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../src/engine/index.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import {
  CASES_FILE,
  type EvalReport,
  evaluate,
  HOLDOUT_FILE,
  loadCases,
  percent,
  STRESS_FILE,
} from "./eval/evaluate.ts";

/**
 * Gates on the labelled eval sets (tests/eval/). On the development set, abstention and grounding
 * are hard requirements: a confident answer to an off-topic question, or an invented citation, is
 * worse than "I don't know". The held-out set, never tuned on, shows what new questions meet.
 * Every other floor is a regression floor at the level `npm run eval` measures today, below the
 * 95% top-1 the product aims for: raised as the engine improves, never lowered for the same set.
 * A set that grows is measured anew; each such step, with its figures, is listed under "Floors"
 * in tests/eval/README.md.
 *
 * Today answers are right 98.2% of the time on the development set and 97.6% on the held-out set,
 * so the 97% floors fail at the thirty-ninth new wrong answer on the first and the tenth on the
 * second: answering more by answering worse fails. Held-out abstention is 97.8% (632 of 646):
 * blind blocks written for that set have answered off-topic questions, and moving each such block
 * to the development set would keep the held-out figure at 100% by construction, measuring
 * nothing. The honesty stress set holds six near misses the bot still answers, which `npm run
 * eval` lists; its floors keep that from growing.
 */
const EVAL_TIMEOUT_MS = 60_000;

const SETS = [
  {
    name: "development set",
    file: CASES_FILE,
    minCases: 120,
    minPerLang: 50,
    minOffTopic: 25,
    top1Floor: 82,
    abstentionFloor: 100,
    rightWhenAnsweredFloor: 97,
  },
  {
    name: "held-out set",
    file: HOLDOUT_FILE,
    minCases: 40,
    minPerLang: 20,
    minOffTopic: 10,
    top1Floor: 76,
    abstentionFloor: 97,
    rightWhenAnsweredFloor: 97,
  },
  {
    // Near misses that ask what the story never says. Regression floors at today's levels.
    name: "honesty stress set",
    file: STRESS_FILE,
    minCases: 50,
    minPerLang: 20,
    minOffTopic: 30,
    top1Floor: 90,
    abstentionFloor: 99,
    rightWhenAnsweredFloor: 79,
  },
];

describe.each(SETS)(
  "answer quality on the $name",
  ({
    file,
    minCases,
    minPerLang,
    minOffTopic,
    top1Floor,
    abstentionFloor,
    rightWhenAnsweredFloor,
  }) => {
    let report: EvalReport;
    // Building the engine and asking a set's thousands of questions takes a few seconds alone,
    // and several times that on a shared machine under load: past vitest's 10 s for a hook.
    beforeAll(() => {
      const knowledge = loadKnowledge();
      report = evaluate(createEngine(knowledge), knowledge, loadCases(file));
    }, EVAL_TIMEOUT_MS);

    it("has enough cases in both languages, with off-topic ones", () => {
      const langs = report.outcomes.map((o) => o.case.lang);
      expect(report.outcomes.length).toBeGreaterThanOrEqual(minCases);
      expect(langs.filter((l) => l === "ar").length).toBeGreaterThanOrEqual(minPerLang);
      expect(langs.filter((l) => l === "en").length).toBeGreaterThanOrEqual(minPerLang);
      expect(report.abstention.total).toBeGreaterThanOrEqual(minOffTopic);
    });

    it(`abstains on at least ${abstentionFloor}% of off-topic questions`, () => {
      const answered = report.outcomes
        .filter((o) => o.case.expect === "abstain" && !o.top1)
        .map((o) => o.case.q);
      expect(
        percent(report.abstention),
        `answered: ${answered.join(" | ")}`,
      ).toBeGreaterThanOrEqual(abstentionFloor);
    });

    it("cites only text that is verbatim in the paragraph it names", () => {
      expect(percent(report.grounding)).toBe(100);
    });

    it(`keeps top-1 citation accuracy at or above ${top1Floor}%`, () => {
      expect(percent(report.top1)).toBeGreaterThanOrEqual(top1Floor);
    });

    it(`is right in at least ${rightWhenAnsweredFloor}% of the answers it gives`, () => {
      expect(percent(report.rightWhenAnswered)).toBeGreaterThanOrEqual(rightWhenAnsweredFloor);
    });
  },
);
