import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Engine } from "../src/engine/types.ts";
import type { Knowledge } from "../src/knowledge/schema.ts";
import { benchQueries } from "./engine.ts";
import type { Sample } from "./paired.ts";
import { percentiles, timeEach } from "./stats.ts";

/**
 * One sample for `npm run bench:compare`, in a process of its own: the engine and store of the
 * checkout at ROOT, asked this checkout's bench queries, so both sides of a pair answer the same
 * questions. Prints one line of JSON. Usage: ask-sample.ts ROOT QUERIES.
 */
const [root = "", count = ""] = process.argv.slice(2);
const queries = benchQueries("ask", Number(count), 1000);

const engineModule = (await import(pathToFileURL(join(root, "src/engine/index.ts")).href)) as {
  createEngine: (knowledge: Knowledge) => Engine;
};
const loadModule = (await import(pathToFileURL(join(root, "src/knowledge/load.ts")).href)) as {
  loadKnowledge: () => Knowledge;
};
const knowledge = loadModule.loadKnowledge();
const start = process.hrtime.bigint();
const engine = engineModule.createEngine(knowledge);
const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
timeEach(queries.slice(0, 500), (q) => engine.ask(q)); // warm-up: JIT and caches, not measured
const { p50, p95, p99 } = percentiles(timeEach(queries, (q) => engine.ask(q)));
const sample: Sample = { buildMs, p50, p95, p99 };
process.stdout.write(`${JSON.stringify(sample)}\n`);
