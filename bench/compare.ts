import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Pair, parseCompareArgs, parseSample, type Sample, summarizePairs } from "./paired.ts";
import { fmt } from "./stats.ts";

const USAGE = `usage: npm run bench:compare -- <commit> [--pairs N] [--queries N]
  Samples this checkout (uncommitted changes included) and <commit> in alternating processes,
  N pairs (default 5), each building the engine and timing \`ask\` over the same N queries
  (default 10,000), and prints the medians and the median ratio of each pair.`;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SAMPLE = fileURLToPath(new URL("./ask-sample.ts", import.meta.url));

/** What stops the comparison: printed, with the usage when the command was mistyped; exit code 1. */
class CompareError extends Error {
  constructor(
    message: string,
    readonly mistyped = false,
  ) {
    super(message);
  }
}
const fail = (message: string, mistyped = false): never => {
  throw new CompareError(message, mistyped);
};

const git = (...gitArgs: string[]) =>
  execFileSync("git", gitArgs, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

const run = promisify(execFile);
/**
 * Ctrl-C or a SIGTERM stops the sample running and lets the comparison remove its worktree, which
 * the signal's default action would leave behind.
 */
const interrupted = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => interrupted.abort(signal));

async function sample(root: string, label: string, queries: number): Promise<Sample> {
  let output = "";
  try {
    ({ stdout: output } = await run(
      process.execPath,
      ["--import", "tsx", SAMPLE, root, String(queries)],
      { cwd: ROOT, encoding: "utf8", signal: interrupted.signal },
    ));
  } catch (error) {
    if (interrupted.signal.aborted) return fail(`stopped by ${interrupted.signal.reason}`);
    // Node ends a crash with its version; the error's own line says what went wrong.
    const lines = String((error as { stderr?: unknown }).stderr ?? "").split("\n");
    const cause = lines.find((l) => /\bError\b/.test(l)) ?? lines.filter(Boolean).at(-1) ?? "";
    return fail(`the sample on ${label} failed: ${cause.trim()}`);
  }
  const parsed = parseSample(output);
  return "error" in parsed ? fail(`${label}: ${parsed.error}`) : parsed;
}

/** Samples `pairs` pairs of `commit` (in a worktree at `tree`) and this checkout, turn about. */
async function samplePairs(
  commit: string,
  tree: string,
  pairs: number,
  queries: number,
): Promise<Pair[]> {
  git("worktree", "add", "--detach", tree, commit);
  // The commit runs on this checkout's packages: a sample measures the engine, not its installs.
  if (!existsSync(join(tree, "node_modules")))
    symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"), "dir");
  const short = commit.slice(0, 7);
  const done: Pair[] = [];
  for (let i = 0; i < pairs; i++) {
    const base = () => sample(tree, short, queries);
    const head = () => sample(ROOT, "this checkout", queries);
    // Turn about, so that neither side always runs on the machine the other has just warmed.
    const pair =
      i % 2 === 0
        ? { base: await base(), head: await head() }
        : { head: await head(), base: await base() };
    done.push(pair);
    process.stdout.write(
      `pair ${i + 1}/${pairs}: ask p99 ${short} ${fmt(pair.base.p99)} ms, this checkout ${fmt(pair.head.p99)} ms\n`,
    );
  }
  return done;
}

const NAMES = { buildMs: "index build", p50: "ask p50", p95: "ask p95", p99: "ask p99" };

function report(short: string, pairs: readonly Pair[], queries: number): string {
  return [
    "",
    `${pairs.length} pairs, ${queries} \`ask\` queries each; milliseconds, medians over the pairs.`,
    "",
    `| measure | ${short} | this checkout | ratio (median of pairs) | pairs this checkout was slower |`,
    "| --- | --- | --- | --- | --- |",
    ...summarizePairs(pairs).map(
      (r) =>
        `| ${NAMES[r.measure]} | ${fmt(r.base)} | ${fmt(r.head)} | ${r.ratio.toFixed(2)}× | ${r.headSlower} of ${r.pairs} |`,
    ),
    "",
  ].join("\n");
}

const dir = mkdtempSync(join(tmpdir(), "story-desk-compare-"));
const tree = join(dir, "base");
try {
  const args = parseCompareArgs(process.argv.slice(2));
  if ("error" in args) fail(args.error, true);
  const { ref, pairs, queries } = args as Exclude<typeof args, { error: string }>;
  let commit = "";
  try {
    commit = git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`).trim();
  } catch {
    fail(`"${ref}" names no commit in this repository`, true);
  }
  const done = await samplePairs(commit, tree, pairs, queries);
  process.stdout.write(report(commit.slice(0, 7), done, queries));
} catch (error) {
  if (!(error instanceof CompareError)) throw error;
  process.stderr.write(`bench:compare: ${error.message}\n${error.mistyped ? `${USAGE}\n` : ""}`);
  process.exitCode = 1;
} finally {
  try {
    git("worktree", "remove", "--force", tree);
  } catch {
    // Never added: the comparison stopped before it. Nothing is left but the folder below.
  }
  rmSync(dir, { recursive: true, force: true });
}
