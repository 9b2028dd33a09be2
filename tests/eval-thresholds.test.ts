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
 * worse than "I don't know". The held-out set, never tuned on, shows what new questions meet: its
 * floors are the levels measured on it today (`npm run eval`), so a change that only fits the
 * development set cannot slip through. Top-1 floors are regression floors below the 95% the product
 * aims for; raise them as the engine improves, never lower them for the same set (a set that grows
 * is measured anew: the held-out set went from 60 to 115 cases at 69.6%, from 115 to 166 at 75.8%,
 * from 166 to 213 at 80.2%, from 213 to 266 at 80.9%, from 266 to 308 at 79.2%, from 308 to 354 at
 * 78.2%, from 354 to 403 at 79.4%, from 403 to 450 at 80.3%, from 450 to 499 at 80.4% and from
 * 499 to 600 at 79.2%, from 600 to 697 at 76.4%, from 752 to 883 at 76.5%, from 883 to 929 at 76.3%, from 929 to 979 at 76.8% and from
 * 979 to 1067 at 75.9% and from 1067 to 1135 at 76.3%, the
 * development set from 571 to 624 at 70.2%, from 624 to 663 at 73.1%, from 663 to 715 at 77.2%,
 * from 715 to 760 at 80.5%, from 760 to 801 at 79.6%, from 801 to 844 at 82.5%, from 844 to 873 at
 * 82.8%, from 873 to 902 at 82.8%, from 902 to 928 at 82.7%, from 928 to 956 at 83.0%, from 956 to
 * 1003 at 82.3%, from 1003 to 1032 at 82.6%, from 1032 to 1080 at 82.5%, from 1080 to 1126 at
 * 82.7%, from 1126 to 1249 at 82.3%, from 1249 to 1286 at 82.0%, from 1286 to 1406 at 82.2%, from
 * 1406 to 1444 at 83.5%, from 1444 to 1486 at 83.4%, from 1486 to 1526 at 83.6% and from 1526 to
 * 1609 at 83.3%, from 1609 to 1692 at 83.6%, from 1692 to 1778 at 83.8%, from 1778 to 1852 at
 * 83.5%, from 1852 to 1943 at 80.3%, from 1943 to 1979 at 82.0% and from 1979 to 2095 at 81.7%,
 * then raised to 82 when chat idioms took it to 82.4%, from 2095 to 2164 at 82.2% and from 2164 to 2208 at 82.2%, from 2208 to 2282 at 82.0%, from 2282 to 2351 at 81.9%, from 2351 to 2418 at 81.6% and from 2418 to 2489 at 81.4%, the stress set
 * from 57 to 63 at 86.0% abstention, from 63 to 71 at 84.3%, from 71 to 101 at 96.3%, from 101 to
 * 131 at 97.3%, from 131 to 160 at 96.4%, 76.0% of its answers right, from 160 to 189 at 95.3%,
 * 67.9% right, from 189 to 195 at 97.1%, 76.0% right, from 195 to 225 at 97.1%, 73.1% right, from
 * 225 to 232 at 97.2%, 74.1% right, from 232 to 240 at 96.8%, 71.4% right, from 240 to 267 at
 * 97.2%, 71.4% right, from 267 to 276 at 97.3%, 71.4% right, from 276 to 298 at 97.1%, 69.0% right,
 * from 298 to 303 at 97.2%, 69.0% right, and from 303 to 308 at 97.2%, 69.0% right; the three
 * Arabic questions on why Microsoft skipped the press conference were then labelled as the
 * development set labels them, [20], since the store answers them on purpose, which made it 97.9%,
 * 75.9% right, from 308 to 313 at 97.9%, 75.9% right, from 313 to 324 at 98.0%, 75.9% right, from 324 to 337 at 98.1%, 75.9% right, from 337 to 351 at 97.9%, 73.3% right, from 351 to 364 at 97.9%, 73.3% right, from 364 to 384 at 98.1%, 73.3% right, from 384 to 391 at 97.8%, 71.0% right, from 391 to 412 at 97.9%, 71.0% right, from 412 to 424 at 98.5%, 75.9% right, once two near
 * misses it answered were stopped in the same round, and from 424 to 430 at 98.5%, 75.9% right;
 * both floors were raised to those levels; from 430 to 444 at 98.3%, 73.3% right, and the second
 * floor went back to 73; from 444 to 458 at 98.8%, 78.6% right, from 458 to 476 at 98.9%, 78.6% right, and from 476 to 489 at 98.9%, 78.6% right). The held-out floor went from 79 to 78
 * for a while: reading who a question asks to have acted (src/engine/actor.ts) cost it one answer,
 * while it stopped 16 of the 24 near misses that three fresh blocks had answered (totals read
 * before any case); it went back to 79 when "was Stargate reported" stopped counting Stargate as
 * the one who acted, and to 80 when a known word began to meet its other forms in the store. It
 * stood at 82 for a while, with a rule answering an entry that led every other by far below the
 * cut-off; blind blocks showed that rule's extra answers right only 6 times in 9, it was withdrawn
 * (src/engine/index.ts), and the floors went back. It went from 78 to 80 when a word of what is
 * asked began to count at 0.3 where only another phrasing of the entry has it
 * (src/engine/question-index.ts), then to 79 when the set grew, to 80 when it grew again, to 79
 * when it grew a third time, and back to 80 when more dialect and chat spellings were read
 * (src/text/, src/engine/word-forms.ts). It went to 76 when a block of long, hedged questions
 * joined the set (12 of 45 right); reading a preamble apart from its question and a lower cut-off
 * for long questions (src/engine/) took the grown set from 76.4% to 78.4%, and two more blocks
 * left it at 77.0%. The floor on how often an answer is right (98.2% and 97.8%
 * today) fails at the thirty-eighth new wrong answer on the development set and the sixth
 * on the held-out set: answering more by answering worse fails. The honesty stress set was
 * written to find the questions the bot wrongly answers, holds seven it still does, and its floors
 * keep that from growing. The held-out set abstained on every off-topic question until three blind
 * blocks joined it that answered 3 of their 45 (2 once repeats were dropped: 197 of 199, 99.0%;
 * 218 of 221, 98.6%, once a fourth joined that answered 1 of 15; 242 of 245, 98.8%, with two more;
 * 253 of 259, 97.7%, with two more, one of which answered 3 of its 15 before any case was read);
 * its abstention floor is that level, 97, because moving every such block to the development set
 * would have kept the held-out figure at 100% by construction, measuring nothing.
 */
const SETS = [
  {
    name: "development set",
    file: CASES_FILE,
    minCases: 120,
    minPerLang: 50,
    minOffTopic: 25,
    top1Floor: 81,
    abstentionFloor: 100,
    rightWhenAnsweredFloor: 96,
  },
  {
    name: "held-out set",
    file: HOLDOUT_FILE,
    minCases: 40,
    minPerLang: 20,
    minOffTopic: 10,
    top1Floor: 75,
    abstentionFloor: 97,
    rightWhenAnsweredFloor: 97,
  },
  {
    // Near misses that ask what the story never says; the seven it still answers are listed by
    // `npm run eval`. Regression floors at today's levels until they are fixed.
    name: "honesty stress set",
    file: STRESS_FILE,
    minCases: 50,
    minPerLang: 20,
    minOffTopic: 30,
    top1Floor: 90,
    abstentionFloor: 98,
    rightWhenAnsweredFloor: 73,
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
    beforeAll(() => {
      const knowledge = loadKnowledge();
      report = evaluate(createEngine(knowledge), knowledge, loadCases(file));
    });

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
