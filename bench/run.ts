import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { createEngine } from "../src/engine/index.ts";
import { loadKnowledge } from "../src/knowledge/load.ts";
import { measureBotStartup, measureEndToEnd } from "./e2e.ts";
import { measureEngine, measureFuseTokenSearch, measureGrowth } from "./engine.ts";
import { measureBotMemory } from "./memory.ts";
import { START_COMMAND } from "./start-command.ts";
import { measureChatStartup } from "./startup.ts";
import { fmt, row } from "./stats.ts";

const RUNS = 5;
const out: string[] = [];
const log = (line = "") => {
  out.push(line);
  process.stdout.write(`${line}\n`);
};

const knowledge = loadKnowledge();
const engine = createEngine(knowledge);

log("# Story Desk benchmarks");
log();
log(
  `Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}.`,
);
log(
  `Every figure is the median over ${RUNS} runs of that run's percentile, in milliseconds. The machine is shared and noisy; compare ratios, not single numbers.`,
);
log();
log(
  "## Engine latency (10,000 queries per item per run: eval questions repeated, plus random strings)",
);
log();
log("| item | p50 | p95 | p99 | max |");
log("| --- | --- | --- | --- | --- |");
const latency = measureEngine(engine, RUNS);
for (const [name, p] of Object.entries(latency)) log(row(name, p));
log();
log("Targets: ask p99 ≤ 1 ms; autocomplete p99 ≤ 0.5 ms.");
log();

log("## Growth (store grown with generated FAQ entries; 2,000 ask queries per run, 3 runs)");
log();
log(
  "| store | entries | index build ms | ask p50 | ask p95 | ask p99 | ask max | autocomplete p99 |",
);
log("| --- | --- | --- | --- | --- | --- | --- | --- |");
const growth = measureGrowth(knowledge, [1, 10, 100], 3);
for (const g of growth) {
  log(
    `| ×${g.factor} | ${g.entries} | ${fmt(g.buildMs)} | ${fmt(g.ask.p50)} | ${fmt(g.ask.p95)} | ${fmt(g.ask.p99)} | ${fmt(g.ask.max)} | ${fmt(g.autocomplete.p99)} |`,
  );
}
const base = growth[0]?.ask.p99 ?? 1;
log();
log(
  `ask p99 ratio to ×1: ${growth.map((g) => `×${g.factor} → ${(g.ask.p99 / base).toFixed(1)}×`).join(", ")}. Target: ask p99 ≤ 10 ms at ×100.`,
);
log();

log("## Ranking alternative: fuse.js token search over every phrasing (same queries, ×1 store)");
log();
const fuse = measureFuseTokenSearch(knowledge, RUNS);
log("| ranker | p50 | p95 | p99 | max |");
log("| --- | --- | --- | --- | --- |");
log(row("fuse.js useTokenSearch", fuse));
log(row("engine ask (ours)", growth[0]?.ask ?? fuse));
log();
log(`p99 ratio fuse/ours: ${(fuse.p99 / base).toFixed(1)}×.`);
log();

log("## End to end (real discord.js client against the fake Discord on loopback)");
log();
log(
  "From the INTERACTION_CREATE dispatch to the callback request arriving at the fake. 2,000 interactions one at a time, then a burst of 500 sent at once; 3 runs.",
);
log();
const e2e = await measureEndToEnd({ interactions: 2000, burst: 500, runs: 3 });
log("| item | p50 | p95 | p99 | max |");
log("| --- | --- | --- | --- | --- |");
log(row("one at a time", e2e.sequential));
log(row("burst of 500", e2e.burst));
log();
log(
  `Burst: ${e2e.burst.errors} errors, ${e2e.burst.lost} lost replies. Targets: p99 ≤ 15 ms; no error, no lost reply.`,
);
log();

log("## Memory (the bot in its own process, a burst of 500 right after ready)");
log();
const memory = await measureBotMemory({ burst: 500, runs: RUNS });
const mb = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
log(
  `\`${START_COMMAND}\` (what \`npm start\` runs once it has compiled) against the fake Discord, which stays in the benchmark process; read from the bot's \`/proc/<pid>/status\`, in MB, median over ${RUNS} fresh processes.`,
);
log();
log(
  `Peak resident set (VmHWM) after the burst: median ${memory.medianPeakMb.toFixed(0)} MB (${mb(memory.runs.map((r) => r.peakMb))}). Resident set (VmRSS) after ready, before the burst: median ${memory.medianReadyRssMb.toFixed(0)} MB (${mb(memory.runs.map((r) => r.readyRssMb))}); after the burst: median ${memory.medianAfterBurstRssMb.toFixed(0)} MB. Burst latency in that process: p50 ${fmt(memory.burst.p50)} ms, p99 ${fmt(memory.burst.p99)} ms. ${memory.errors} errors, ${memory.lost} lost replies. Target: peak ≤ 150 MB.`,
);
log();

log("## Start-up");
log();
const bot = await measureBotStartup(RUNS);
log(
  `Cold start to the ready line against the fake Discord (\`${START_COMMAND}\`, compiled beforehand): median ${fmt(bot.median)} ms over ${RUNS} runs (${bot.all.map(fmt).join(", ")}).`,
);
const chat = await measureChatStartup(RUNS);
log(
  `Cold start to the first chat prompt (\`tsx src/cli/main.ts chat\`): median ${fmt(chat.median)} ms over ${RUNS} runs (${chat.all.map(fmt).join(", ")}). Target ≤ 1500 ms for both.`,
);

writeFileSync(new URL("./RESULTS.md", import.meta.url), `${out.join("\n")}\n`);
