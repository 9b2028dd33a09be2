import { describe, expect, it } from "vitest";
import type { Engine, EngineResult, Status } from "../src/engine/types.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { type EvalCase, evaluate } from "./eval/evaluate.ts";

const knowledge = loadKnowledge();

/** A reply citing paragraph `p` with its opening words, so that it is grounded. */
function reply(status: Status, p?: number, suggestions: string[] = []): EngineResult {
  const text = p === undefined ? "" : (knowledge.article[p - 1] ?? "").slice(0, 20);
  return {
    status,
    lang: "en",
    title: "",
    text: "",
    citations: p === undefined ? [] : [{ paragraph: p, text }],
    suggestions: suggestions.map((ref) => ({ ref, label: ref })),
    confidence: status === "answered" ? 1 : 0,
  };
}

/** Answers each question and each suggestion ref from a fixed script. */
function scriptedEngine(replies: Record<string, EngineResult>): Engine {
  const look = (key: string) => replies[key] ?? reply("no_match");
  return {
    ask: look,
    who: look,
    quote: look,
    source: look,
    timeline: () => reply("no_match"),
    resolve: look,
    autocomplete: () => [],
  };
}

const ask = (q: string, expect: EvalCase["expect"]): EvalCase => ({
  cmd: "ask",
  q,
  lang: "en",
  tag: expect === "abstain" ? "offtopic" : "plain",
  expect,
});

describe("the eval report", () => {
  const engine = scriptedEngine({
    right: reply("answered", 2),
    wrong: reply("answered", 5),
    "did you mean": reply("ambiguous", undefined, ["faq:other", "faq:right"]),
    "no match": reply("no_match", undefined, ["faq:right"]),
    "answered off-topic": reply("answered", 2),
    "faq:right": reply("answered", 2),
    "faq:other": reply("answered", 7),
  });
  const report = evaluate(engine, knowledge, [
    ask("right", [2]),
    ask("wrong", [2]),
    ask("did you mean", [2]),
    ask("no match", [2]),
    ask("answered off-topic", "abstain"),
    ask("abstained off-topic", "abstain"),
  ]);

  it("counts right and wrong answers over the answerable cases", () => {
    expect(report.top1).toEqual({ passed: 1, total: 4 });
    expect(report.wrong).toEqual({ passed: 1, total: 4 });
    expect(report.abstention).toEqual({ passed: 1, total: 2 });
  });

  it("counts every answer given, off-topic ones too, for how often an answer is right", () => {
    expect(report.rightWhenAnswered).toEqual({ passed: 1, total: 3 });
  });

  it("counts a right answer as one click away only when a did-you-mean offers it", () => {
    expect(report.offered).toEqual({ passed: 1, total: 4 });
    expect(report.outcomes.filter((o) => o.offered).map((o) => o.case.q)).toEqual(["did you mean"]);
  });
});
