import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Engine, EngineResult } from "../../src/engine/types.ts";
import { isVerbatimIn } from "../../src/knowledge/grounding.ts";
import type { Knowledge } from "../../src/knowledge/schema.ts";

export const evalCaseSchema = z.strictObject({
  cmd: z.enum(["ask", "who", "quote"]),
  q: z.string(),
  lang: z.enum(["en", "ar"]),
  tag: z.enum(["plain", "typo", "translit", "paraphrase", "unphrased", "offtopic"]),
  expect: z.union([z.array(z.int().min(1).max(23)).min(1), z.literal("abstain")]),
});
export type EvalCase = z.infer<typeof evalCaseSchema>;

/** The development set: the engine's weights and cut-offs were chosen on these cases. */
export const CASES_FILE = new URL("./cases.jsonl", import.meta.url);
/** Written by someone who saw neither the store nor the engine, and never tuned on: how new questions fare. */
export const HOLDOUT_FILE = new URL("./holdout.jsonl", import.meta.url);
/**
 * Near misses written to trip the bot's honesty: questions that reuse the story's people, places
 * and figures but ask what it never says. Development data: it chose changes, and still fails.
 */
export const STRESS_FILE = new URL("./stress.jsonl", import.meta.url);

export function loadCases(file: URL = CASES_FILE): EvalCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = evalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file.pathname} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export interface CaseOutcome {
  case: EvalCase;
  result: EngineResult;
  /** Answerable cases: answered, with a first citation the case accepts. Abstain cases: made no claim. */
  top1: boolean;
  anyCitation: boolean;
  grounded: boolean;
  /** Answerable cases left unanswered whose "Did you mean" offers an answer the case accepts. */
  offered: boolean;
}

export interface Rate {
  passed: number;
  total: number;
}

export interface EvalReport {
  outcomes: CaseOutcome[];
  top1: Rate;
  anyCitation: Rate;
  /** Answerable cases answered with a wrong first citation: the worst outcome, a confident mistake. */
  wrong: Rate;
  abstention: Rate;
  grounding: Rate;
  /** Of every answer given, answerable or not, the share whose first citation the case accepts. */
  rightWhenAnswered: Rate;
  /** Answerable cases not answered but one click away: a suggestion the case accepts. Adds to top1. */
  offered: Rate;
  byLang: Record<string, Rate>;
  byCmd: Record<string, Rate>;
  byTag: Record<string, Rate>;
}

const rate = (items: readonly boolean[]): Rate => ({
  passed: items.filter(Boolean).length,
  total: items.length,
});
export const percent = (r: Rate) => (r.total === 0 ? 100 : (100 * r.passed) / r.total);

/** "Abstaining" means making no claim: the engine did not answer. */
export function evaluate(
  engine: Engine,
  knowledge: Knowledge,
  cases: readonly EvalCase[],
): EvalReport {
  const outcomes = cases.map((c): CaseOutcome => {
    const result = engine[c.cmd](c.q, { lang: c.lang });
    const grounded = result.citations.every((cit) =>
      isVerbatimIn(cit.text, knowledge.article[cit.paragraph - 1] ?? ""),
    );
    if (c.expect === "abstain") {
      const abstained = result.status !== "answered";
      return {
        case: c,
        result,
        top1: abstained,
        anyCitation: abstained,
        grounded,
        offered: false,
      };
    }
    const expected = c.expect;
    const answered = result.status === "answered";
    const acceptsFirst = (r: EngineResult) => expected.includes(r.citations[0]?.paragraph ?? -1);
    return {
      case: c,
      result,
      top1: answered && acceptsFirst(result),
      anyCitation: answered && result.citations.some((cit) => expected.includes(cit.paragraph)),
      grounded,
      // Only "Did you mean": the no-match reply offers the featured questions whatever was asked.
      offered:
        result.status === "ambiguous" &&
        result.suggestions.some((s) => acceptsFirst(engine.resolve(s.ref, { lang: c.lang }))),
    };
  });
  const answerable = outcomes.filter((o) => o.case.expect !== "abstain");
  const abstaining = outcomes.filter((o) => o.case.expect === "abstain");
  const group = (key: "lang" | "cmd" | "tag") => {
    const groups: Record<string, Rate> = {};
    for (const o of outcomes) {
      const k = o.case[key];
      const g = groups[k] ?? { passed: 0, total: 0 };
      g.total += 1;
      if (o.top1) g.passed += 1;
      groups[k] = g;
    }
    return groups;
  };
  return {
    outcomes,
    top1: rate(answerable.map((o) => o.top1)),
    anyCitation: rate(answerable.map((o) => o.anyCitation)),
    wrong: rate(answerable.map((o) => o.result.status === "answered" && !o.top1)),
    abstention: rate(abstaining.map((o) => o.top1)),
    grounding: rate(outcomes.filter((o) => o.result.citations.length > 0).map((o) => o.grounded)),
    rightWhenAnswered: rate(
      outcomes.filter((o) => o.result.status === "answered").map((o) => o.top1),
    ),
    offered: rate(answerable.map((o) => o.offered)),
    byLang: group("lang"),
    byCmd: group("cmd"),
    byTag: group("tag"),
  };
}
