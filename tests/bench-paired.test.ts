import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PAIRS,
  DEFAULT_QUERIES,
  type Pair,
  parseCompareArgs,
  parseSample,
  type Sample,
  summarizePairs,
} from "../bench/paired.ts";

const sample = (p99: number, buildMs = 300): Sample => ({ buildMs, p50: 0.2, p95: 0.5, p99 });

describe("summarizePairs", () => {
  it("gives the median of each pair's ratio, not the ratio of the medians", () => {
    // Ratios 2, 1.1 and 0.75: their median is 1.1, while the medians' ratio is 3 / 4.
    const pairs: Pair[] = [
      { base: sample(1), head: sample(2) },
      { base: sample(10), head: sample(11) },
      { base: sample(4), head: sample(3) },
    ];
    const p99 = summarizePairs(pairs).find((r) => r.measure === "p99");
    expect(p99).toMatchObject({ base: 4, head: 3, headSlower: 2, pairs: 3 });
    expect(p99?.ratio).toBeCloseTo(1.1, 10);
  });

  it("reports every measure, in the report's order", () => {
    const rows = summarizePairs([{ base: sample(1, 200), head: sample(1, 300) }]);
    expect(rows.map((r) => r.measure)).toEqual(["buildMs", "p50", "p95", "p99"]);
    expect(rows[0]).toMatchObject({ base: 200, head: 300, ratio: 1.5, headSlower: 1 });
    expect(rows[3]).toMatchObject({ ratio: 1, headSlower: 0 });
  });

  it("refuses to summarise nothing", () => {
    expect(() => summarizePairs([])).toThrow(/no pairs/);
  });
});

describe("parseSample", () => {
  it("reads the last line a sample prints", () => {
    const line = JSON.stringify(sample(0.7));
    expect(parseSample(`a warning first\n${line}\n`)).toEqual(sample(0.7));
  });

  it.each([
    ["no JSON", "Segmentation fault", /no JSON line.*Segmentation fault/],
    ["a missing measure", '{"buildMs":1,"p50":1,"p95":1}', /not a sample/],
    ["a figure that is no time", '{"buildMs":1,"p50":1,"p95":1,"p99":0}', /not a sample/],
  ])("names what is wrong with %s", (_what, output, message) => {
    const parsed = parseSample(output);
    expect("error" in parsed && parsed.error).toMatch(message);
  });
});

describe("parseCompareArgs", () => {
  it("takes a commit, with default pairs and queries", () => {
    expect(parseCompareArgs(["8f16dbc"])).toEqual({
      ref: "8f16dbc",
      pairs: DEFAULT_PAIRS,
      queries: DEFAULT_QUERIES,
    });
  });

  it("takes the options before or after the commit", () => {
    expect(parseCompareArgs(["--pairs", "3", "main~2", "--queries", "500"])).toEqual({
      ref: "main~2",
      pairs: 3,
      queries: 500,
    });
  });

  it.each([
    [[], /name the commit/],
    [["a", "b"], /one commit.*"a" and "b"/],
    [["a", "--pairs"], /--pairs takes a whole number/],
    [["a", "--pairs", "0"], /--pairs takes a whole number from 1 to 50, not "0"/],
    [["a", "--pairs", "51"], /not "51"/],
    [["a", "--queries", "2.5"], /--queries takes a whole number/],
    [["a", "--runs", "3"], /unknown option "--runs"/],
  ])("refuses %j", (argv, message) => {
    const parsed = parseCompareArgs(argv);
    expect("error" in parsed && parsed.error).toMatch(message);
  });
});

describe("npm run bench:compare", () => {
  it("names a commit it cannot find, with the usage, and exits 1", () => {
    const root = fileURLToPath(new URL("..", import.meta.url));
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "bench/compare.ts", "no-such-ref"],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/"no-such-ref" names no commit in this repository/);
    expect(run.stderr).toMatch(/usage: npm run bench:compare/);
  });
});
