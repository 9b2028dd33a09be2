import { parseArgs } from "node:util";
import { createEngine } from "../engine/index.ts";
import type { Lang } from "../engine/types.ts";
import { KnowledgeError, loadKnowledge } from "../knowledge/load.ts";
import { runBatch } from "./batch.ts";
import { runChat } from "./chat.ts";
import { formatReplyText } from "./embed-text.ts";
import { formatResultJson } from "./format.ts";
import { isCliCommand, runCommand } from "./run-command.ts";

const USAGE = `usage: npm run --silent cli -- <command> [--json] [--lang en|ar]
  ask <question…>    answer a question with citations
  who <name…>        profile of a person or organisation
  quote <speaker…>   a speaker's quotes
  source <paragraph> paragraph 1-23 and its translation
  timeline           the dated events in order
  batch              JSON lines {"cmd","q","lang"?} on stdin, one result line each on stdout
  validate           check the knowledge store
  chat               interactive session`;

/** Exit codes are part of the contract: 0 answered/ambiguous/no_match, 2 invalid input, 1 internal error. */
const EXIT = { ok: 0, internal: 1, invalid: 2 } as const;

function fail(code: number, message: string): number {
  process.stderr.write(`${message}\n`);
  return code;
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    return fail(EXIT.invalid, `${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, ...words] = positionals;
  if (values.lang !== undefined && values.lang !== "en" && values.lang !== "ar") {
    return fail(EXIT.invalid, `--lang must be "en" or "ar", not "${values.lang}"`);
  }
  const lang = values.lang as Lang | undefined;
  if (!command || values.help) return fail(command ? EXIT.ok : EXIT.invalid, USAGE);

  let knowledge: ReturnType<typeof loadKnowledge>;
  try {
    knowledge = loadKnowledge();
  } catch (error) {
    if (error instanceof KnowledgeError) return fail(EXIT.internal, error.message);
    throw error;
  }
  if (command === "validate") {
    const counts = `${knowledge.entities.length} entities, ${knowledge.quotes.length} quotes, ${knowledge.faq.length} faq entries, ${knowledge.timeline.length} timeline events`;
    process.stdout.write(`knowledge store is valid: ${counts}\n`);
    return EXIT.ok;
  }
  const engine = createEngine(knowledge);
  if (command === "batch") {
    await runBatch(engine, process.stdin, process.stdout);
    return EXIT.ok;
  }
  if (command === "chat") {
    await runChat({ engine, input: process.stdin, output: process.stdout });
    return EXIT.ok;
  }
  if (!isCliCommand(command)) {
    return fail(EXIT.invalid, `unknown command "${command}"\n${USAGE}`);
  }
  const result = runCommand(engine, command, words.join(" "), lang);
  if (values.json) process.stdout.write(`${formatResultJson(result)}\n`);
  else if (result.status !== "invalid") process.stdout.write(`${formatReplyText(result)}\n`);
  if (result.status === "invalid") return fail(EXIT.invalid, result.error ?? result.text);
  return EXIT.ok;
}

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      lang: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = EXIT.internal;
  },
);
