import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../src/engine/index.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { type EvalReport, evaluate, loadCases, percent } from "./eval/evaluate.ts";

/**
 * Gates on the labelled eval set (tests/eval/cases.jsonl). Abstention and grounding are hard
 * requirements: a wrong confident answer or an invented citation is worse than "I don't know".
 * TOP1_FLOOR is a regression floor at the level measured today (`npm run eval`), below the 95%
 * the product aims for; raise it as the engine improves, never lower it.
 */
const TOP1_FLOOR = 85;

describe("answer quality on the eval set", () => {
  let report: EvalReport;
  beforeAll(() => {
    const knowledge = loadKnowledge();
    report = evaluate(createEngine(knowledge), knowledge, loadCases());
  });

  it("has enough cases in both languages, with off-topic ones", () => {
    const langs = report.outcomes.map((o) => o.case.lang);
    expect(report.outcomes.length).toBeGreaterThanOrEqual(120);
    expect(langs.filter((l) => l === "ar").length).toBeGreaterThanOrEqual(50);
    expect(langs.filter((l) => l === "en").length).toBeGreaterThanOrEqual(50);
    expect(report.abstention.total).toBeGreaterThanOrEqual(25);
  });

  it("abstains on every off-topic question", () => {
    const answered = report.outcomes
      .filter((o) => o.case.expect === "abstain" && !o.top1)
      .map((o) => o.case.q);
    expect(answered).toEqual([]);
  });

  it("cites only text that is verbatim in the paragraph it names", () => {
    expect(percent(report.grounding)).toBe(100);
  });

  it(`keeps top-1 citation accuracy at or above ${TOP1_FLOOR}%`, () => {
    expect(percent(report.top1)).toBeGreaterThanOrEqual(TOP1_FLOOR);
  });
});
