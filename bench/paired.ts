import { z } from "zod";
import { median } from "./stats.ts";

/**
 * Paired runs for `npm run bench:compare`: one code against another, in alternating processes on
 * the same queries. On a shared machine a report's absolute figures move with its load (the same
 * code's `ask` p99 has read from 0.67 to 1.38 ms); two codes sampled turn about share that load,
 * so the ratio within each pair says what the change cost.
 */

/** What one process measures: building the engine, then `ask` over the bench queries. */
export const sampleSchema = z.strictObject({
  buildMs: z.number().positive(),
  p50: z.number().positive(),
  p95: z.number().positive(),
  p99: z.number().positive(),
});
export type Sample = z.infer<typeof sampleSchema>;
export type Measure = keyof Sample;
export const MEASURES: readonly Measure[] = ["buildMs", "p50", "p95", "p99"];

export interface Pair {
  base: Sample;
  head: Sample;
}

export interface PairedRow {
  measure: Measure;
  /** Medians over the pairs, in milliseconds. */
  base: number;
  head: number;
  /** The median of each pair's head / base: a slow moment weighs on both sides of its own pair. */
  ratio: number;
  /** In how many pairs the head was the slower. */
  headSlower: number;
  pairs: number;
}

export function summarizePairs(pairs: readonly Pair[]): PairedRow[] {
  if (pairs.length === 0) throw new Error("no pairs to summarise");
  return MEASURES.map((measure) => ({
    measure,
    base: median(pairs.map((p) => p.base[measure])),
    head: median(pairs.map((p) => p.head[measure])),
    ratio: median(pairs.map((p) => p.head[measure] / p.base[measure])),
    headSlower: pairs.filter((p) => p.head[measure] > p.base[measure]).length,
    pairs: pairs.length,
  }));
}

/** One sample process's output, or a message saying what was wrong with it. */
export function parseSample(output: string): Sample | { error: string } {
  const line = output.trim().split("\n").at(-1) ?? "";
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: `a sample printed no JSON line (its last line: "${line.slice(0, 200)}")` };
  }
  const parsed = sampleSchema.safeParse(json);
  return parsed.success
    ? parsed.data
    : { error: `a sample's JSON is not a sample: ${parsed.error.issues[0]?.message ?? ""}` };
}

export const DEFAULT_PAIRS = 5;
export const MAX_PAIRS = 50;
export const DEFAULT_QUERIES = 10_000;

export interface CompareArgs {
  ref: string;
  pairs: number;
  queries: number;
}

/** `REF [--pairs N] [--queries N]`, or the reason it is not. */
export function parseCompareArgs(argv: readonly string[]): CompareArgs | { error: string } {
  const args: CompareArgs = { ref: "", pairs: DEFAULT_PAIRS, queries: DEFAULT_QUERIES };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--pairs" || arg === "--queries") {
      const value = argv[++i];
      const n = Number(value);
      const max = arg === "--pairs" ? MAX_PAIRS : 1_000_000;
      if (value === undefined || !Number.isInteger(n) || n < 1 || n > max)
        return { error: `${arg} takes a whole number from 1 to ${max}, not "${value ?? ""}"` };
      if (arg === "--pairs") args.pairs = n;
      else args.queries = n;
    } else if (arg.startsWith("-")) {
      return { error: `unknown option "${arg}"` };
    } else if (args.ref) {
      return { error: `one commit to compare with, not "${args.ref}" and "${arg}"` };
    } else {
      args.ref = arg;
    }
  }
  return args.ref ? args : { error: "name the commit to compare with" };
}
