import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { createEngine } from "../../src/engine/index.ts";
import { STORE_FILES } from "../../src/knowledge/files.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../../src/knowledge/load.ts";
import { CASES_FILE, loadCases, STRESS_FILE } from "./evaluate.ts";
import { choosePhrasings, scorer, type Tally } from "./phrasing-choice.ts";

const USAGE = `usage: npm run eval:phrasings -- <additions.json> [--write]
  additions.json: {"<faq entry id>": {"en": ["…"], "ar": ["…"]}, …}
  Prints which entries' phrasings make the development and stress sets fare better, and with
  --write adds those to knowledge/faq.json. The held-out set is never read.`;

const additionsSchema = z.record(
  z.string(),
  z.strictObject({ en: z.array(z.string()).optional(), ar: z.array(z.string()).optional() }),
);

/** The texts the tests quote that read as questions: any string literal holding a space. */
function questionsInTests(dir: URL): string[] {
  const texts = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".test.ts"))) {
    const source = readFileSync(new URL(name, dir), "utf8");
    for (const [, literal] of source.matchAll(/"((?:[^"\\\n]|\\.){6,200})"/g)) {
      if (!literal || !/\s/.test(literal) || literal.includes("${")) continue;
      try {
        texts.add(JSON.parse(`"${literal}"`));
      } catch {
        // An escape JSON does not share with TypeScript: not a question a test asks.
      }
    }
  }
  return [...texts];
}

function readAdditions(file: string) {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const parsed = additionsSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${file}: ${issue?.path.join(".") || "(top level)"}: ${issue?.message}`);
}

const show = (t: Tally) =>
  `development ${t.right} right, ${t.wrong} wrong, ${t.offTopicAbstained} off-topic abstained; stress ${t.stressRight} right, ${t.nearMissesAbstained} near misses abstained`;

function main(args: readonly string[]): number {
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 1;
  }
  const additions = readAdditions(file);
  const base = loadKnowledge();
  const pinned = questionsInTests(new URL("../", import.meta.url));
  const score = scorer(
    base,
    { development: loadCases(CASES_FILE), stress: loadCases(STRESS_FILE), pinned },
    createEngine,
  );
  process.stdout.write(`${pinned.length} questions from the tests pinned to their replies\n`);
  // Each entry takes seconds to score: say what was decided as it is.
  const choice = choosePhrasings(base, additions, score, (s) =>
    process.stdout.write(
      `  ${s.kept > 0 ? "kept" : "left"} ${s.id}: ${s.kept} of ${s.offered} (right ${s.tally.right})\n`,
    ),
  );
  process.stdout.write(`before: ${show(choice.start)}\nafter:  ${show(choice.end)}\n`);
  if (args.includes("--write") && Object.keys(choice.kept).length > 0) {
    const path = join(DEFAULT_KNOWLEDGE_DIR, STORE_FILES.faq);
    writeFileSync(path, `${JSON.stringify({ faq: choice.knowledge.faq }, null, 2)}\n`);
    // Read back as the bot will: a store it cannot load fails here, naming the file and path.
    loadKnowledge();
    process.stdout.write(`wrote ${path}; run npm test before committing it\n`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
