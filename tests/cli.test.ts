import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ARTICLE = readFileSync(new URL("../knowledge/source/article.ar.txt", import.meta.url), "utf8")
  .replace(/\r\n?/g, "\n")
  .split("\n");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the cli as `npm run cli` does, feeding `input` on stdin. tsx is loaded into node itself
 * rather than through its launcher, which would start a second process for every run.
 */
function cli(args: string[], input = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
      cwd: ROOT,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The single JSON object the cli printed, failing if there is anything else on stdout. */
function onlyJson(run: Run): Record<string, unknown> {
  const lines = run.stdout.split("\n").filter((l) => l.trim() !== "");
  expect(lines, run.stdout).toHaveLength(1);
  const value: unknown = JSON.parse(lines[0] ?? "");
  expect(typeof value === "object" && value !== null && !Array.isArray(value)).toBe(true);
  return value as Record<string, unknown>;
}

interface JsonCitation {
  paragraph: number;
  text: string;
  translation?: string;
}

function citationsOf(result: Record<string, unknown>): JsonCitation[] {
  expect(Array.isArray(result.citations)).toBe(true);
  const citations = result.citations as JsonCitation[];
  for (const c of citations) {
    expect(Object.keys(c).every((k) => ["paragraph", "text", "translation"].includes(k))).toBe(
      true,
    );
    expect(Number.isInteger(c.paragraph)).toBe(true);
    expect(typeof c.text).toBe("string");
  }
  return citations;
}

const BATCH_INPUT = [
  '{"cmd":"who","q":"musk"}',
  "this is not json",
  '{"cmd":"source","q":"6","lang":"ar"}',
  '{"cmd":"dance","q":"musk"}',
  '{"cmd":"ask","q":"how much will stargate invest?"}',
].join("\n");

const runs: Record<string, Run> = {};

// Each process costs about half a second, so they are started together, once.
beforeAll(async () => {
  const plan: Record<string, [string[], string?]> = {
    askJson: [["ask", "how", "much", "will", "stargate", "invest?", "--json"]],
    askJsonAr: [["ask", "how much will stargate invest", "--json", "--lang", "ar"]],
    askText: [["ask", "how much will stargate invest"]],
    ambiguous: [["ask", "stargate", "data", "center", "--json"]],
    noMatch: [["ask", "what", "is", "the", "capital", "of", "France", "--json"]],
    empty: [["ask"]],
    tooLong: [["ask", "s".repeat(301)]],
    badSource: [["source", "99"]],
    unknownCommand: [["dance"]],
    badLang: [["ask", "musk", "--lang", "fr"]],
    validate: [["validate"]],
    batch: [["batch"], BATCH_INPUT],
    chat: [["chat"], "/who musk\n/source 6\n/quit\n/who altman\n"],
  };
  const entries = await Promise.all(
    Object.entries(plan).map(async ([name, [args, input]]) => [name, await cli(args, input)]),
  );
  for (const [name, run] of entries) runs[name as string] = run as Run;
}, 60_000);

function run(name: string): Run {
  const result = runs[name];
  if (!result) throw new Error(`no cli run named ${name}`);
  return result;
}

describe("cli ask --json", () => {
  it("prints exactly one JSON object with the contract's fields and exits 0", () => {
    const r = run("askJson");
    expect(r.code).toBe(0);
    const result = onlyJson(r);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(["status", "lang", "title", "text", "citations", "suggestions"]),
    );
    expect(result.status).toBe("answered");
    expect(result.lang).toBe("en");
    expect(typeof result.title).toBe("string");
    expect(result.text).toMatch(/500 billion/);
    expect(result.suggestions).toEqual([]);
    const citations = citationsOf(result);
    expect(citations[0]?.paragraph).toBe(2);
    for (const c of citations) {
      expect(ARTICLE[c.paragraph - 1]).toContain(c.text);
      expect(typeof c.translation).toBe("string");
    }
  });

  it("answers in Arabic, without translations, with --lang ar", () => {
    const result = onlyJson(run("askJsonAr"));
    expect(result.status).toBe("answered");
    expect(result.lang).toBe("ar");
    expect(result.text).toMatch(/[\u0600-\u06FF]/);
    for (const c of citationsOf(result)) expect(c).not.toHaveProperty("translation");
  });

  it("exits 0 with suggestions for an ambiguous question", () => {
    const r = run("ambiguous");
    expect(r.code).toBe(0);
    const result = onlyJson(r);
    expect(result.status).toBe("ambiguous");
    const suggestions = result.suggestions as { ref: string; label: string }[];
    expect(suggestions.length).toBeGreaterThan(1);
    expect(suggestions[0]?.ref).toMatch(/^faq:/);
  });

  it("exits 0 with no_match for an off-topic question", () => {
    const r = run("noMatch");
    expect(r.code).toBe(0);
    expect(onlyJson(r).status).toBe("no_match");
    expect(r.stderr).toBe("");
  });
});

describe("cli ask without --json", () => {
  it("prints a readable answer with ¶-numbered citations", () => {
    const r = run("askText");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("¶2");
    expect(r.stdout).toMatch(/500 billion/);
    expect(() => JSON.parse(r.stdout)).toThrow();
  });
});

describe("cli invalid input", () => {
  it.each([
    ["empty", /empty/],
    ["tooLong", /too long/],
    ["badSource", /1 to 23/],
    ["unknownCommand", /unknown command "dance"/],
    ["badLang", /--lang must be "en" or "ar"/],
  ])("exits 2 with the reason on stderr (%s)", (name, message) => {
    const r = run(name);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });
});

describe("cli validate", () => {
  it("exits 0 and reports the store as valid", () => {
    const r = run("validate");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid/);
    expect(r.stderr).toBe("");
  });
});

describe("cli batch", () => {
  it("answers each line in order and turns malformed lines into invalid results", () => {
    const r = run("batch");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(5);
    const results = lines.map((l) => JSON.parse(l) as Record<string, unknown>);

    expect(results[0]).toMatchObject({ status: "answered", ref: "entity:musk" });

    expect(Object.keys(results[1] ?? {}).sort()).toEqual(["error", "status"]);
    expect(results[1]).toEqual({ status: "invalid", error: expect.any(String) });

    expect(results[2]).toMatchObject({ status: "answered", lang: "ar" });
    expect(citationsOf(results[2] ?? {}).map((c) => c.paragraph)).toEqual([6]);

    expect(results[3]).toEqual({ status: "invalid", error: expect.stringMatching(/cmd/) });

    expect(results[4]).toMatchObject({
      status: "answered",
      lang: "en",
      ref: "faq:stargate-investment-size",
    });
  });
});

describe("cli chat", () => {
  it("answers /who and /source and stops at /quit", () => {
    const r = run("chat");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Elon Musk (إيلون ماسك)");
    expect(r.stdout).toContain("Paragraph 6");
    // The chat prints the embed the bot would send: a ¶N field quoting the paragraph, then the footer.
    expect(r.stdout).toContain(`¶6\n> ${ARTICLE[5]}`);
    expect(r.stdout).toContain("— Source: AP");
    expect(r.stdout.indexOf("Elon Musk (")).toBeLessThan(r.stdout.indexOf("Paragraph 6"));
    expect(r.stdout).not.toContain("Sam Altman (");
  });
});
