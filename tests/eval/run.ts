import { createEngine } from "../../src/engine/index.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { evaluate, loadCases, percent, type Rate } from "./evaluate.ts";

const show = (r: Rate) => `${percent(r).toFixed(1)}% (${r.passed}/${r.total})`;

const knowledge = loadKnowledge();
const report = evaluate(createEngine(knowledge), knowledge, loadCases());
const lines = [
  `top-1 citation accuracy   ${show(report.top1)}`,
  `any-citation accuracy     ${show(report.anyCitation)}`,
  `abstention accuracy       ${show(report.abstention)}`,
  `grounding rate            ${show(report.grounding)}`,
  "",
  "pass rate by group (answerable: top-1; off-topic: abstained)",
  ...Object.entries({ ...report.byLang, ...report.byCmd, ...report.byTag }).map(
    ([k, r]) => `  ${k.padEnd(11)} ${show(r)}`,
  ),
  "",
];
const failing = report.outcomes.filter((o) => !o.top1 || !o.grounded);
lines.push(failing.length === 0 ? "no failing cases" : `failing cases (${failing.length}):`);
for (const o of failing) {
  const got = `${o.result.status}${o.result.citations[0] ? ` ¶${o.result.citations[0].paragraph}` : ""} ${o.result.ref ?? ""} conf=${o.result.confidence.toFixed(2)}`;
  lines.push(
    `  [${o.case.cmd}/${o.case.lang}/${o.case.tag}] ${o.case.q}\n      expected ${JSON.stringify(o.case.expect)}, got ${got}`,
  );
}
process.stdout.write(`${lines.join("\n")}\n`);
