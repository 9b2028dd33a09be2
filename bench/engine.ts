import Fuse from "fuse.js";
import { createEngine } from "../src/engine/index.ts";
import type { Engine } from "../src/engine/types.ts";
import type { FaqEntry, Knowledge } from "../src/knowledge/schema.ts";
import { normalize } from "../src/text/normalize.ts";
import { loadCases } from "../tests/eval/evaluate.ts";
import {
  medianPercentiles,
  type Percentiles,
  percentiles,
  seededRandom,
  timeEach,
} from "./stats.ts";

const QUERIES_PER_ITEM = 10_000;
/** Read once: every run and item draws its real questions from the same file. */
const EVAL_CASES = loadCases();
const ALPHABET = "abcdefghijklmnopqrstuvwxyz ابتثجحخدذرزسشصضطظعغفقكلمنهوي؟?!0123456789٠١٢";

/** The eval questions, repeated, plus random strings of both scripts up to the 300-character limit. */
export function benchQueries(cmd: "ask" | "who" | "quote", count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const real = EVAL_CASES.filter((c) => c.cmd === cmd || cmd === "ask").map((c) => c.q);
  const out: string[] = [];
  while (out.length < count) {
    if (random() < 0.8) out.push(real[Math.floor(random() * real.length)] ?? "musk");
    else {
      const length = 1 + Math.floor(random() * (random() < 0.9 ? 40 : 300));
      let s = "";
      for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
      out.push(s);
    }
  }
  return out;
}

export type EngineItem = "who" | "quote" | "ask" | "autocomplete";

export function measureEngine(engine: Engine, runs: number): Record<EngineItem, Percentiles> {
  const items: Record<EngineItem, (q: string) => unknown> = {
    who: (q) => engine.who(q),
    quote: (q) => engine.quote(q),
    ask: (q) => engine.ask(q),
    autocomplete: (q) => engine.autocomplete("ask", q.slice(0, 1 + (q.length % 12))),
  };
  const out = {} as Record<EngineItem, Percentiles>;
  for (const [name, fn] of Object.entries(items) as [EngineItem, (q: string) => unknown][]) {
    const cmd = name === "autocomplete" ? "ask" : name;
    const per: Percentiles[] = [];
    for (let run = 0; run < runs; run++) {
      const queries = benchQueries(cmd, QUERIES_PER_ITEM, 1000 + run);
      timeEach(queries.slice(0, 500), fn); // warm-up: JIT and caches, not measured
      per.push(percentiles(timeEach(queries, fn)));
    }
    out[name] = medianPercentiles(per);
  }
  return out;
}

/**
 * The store grown by `factor` with generated FAQ entries built from the real store's words, so
 * that the vocabulary and posting lists grow the way a bigger curated store would.
 */
export function grownKnowledge(knowledge: Knowledge, factor: number): Knowledge {
  const random = seededRandom(factor);
  const words = (lang: "en" | "ar") =>
    knowledge.faq.flatMap((f) => f.questions[lang].join(" ").split(" "));
  const en = words("en");
  const ar = words("ar");
  const pick = (list: string[], n: number) =>
    Array.from({ length: n }, () => list[Math.floor(random() * list.length)] ?? "").join(" ");
  const extra: FaqEntry[] = [];
  for (let i = 0; i < knowledge.faq.length * (factor - 1); i++) {
    const base = knowledge.faq[i % knowledge.faq.length] as FaqEntry;
    extra.push({
      ...base,
      id: `generated-${i}`,
      questions: {
        en: [pick(en, 6), pick(en, 5), pick(en, 7), `${pick(en, 3)} ${i}`],
        ar: [pick(ar, 6), pick(ar, 5), pick(ar, 7), `${pick(ar, 3)} ${i}`],
      },
      featured: false,
    });
  }
  return { ...knowledge, faq: [...knowledge.faq, ...extra] };
}

export function measureGrowth(knowledge: Knowledge, factors: readonly number[], runs: number) {
  return factors.map((factor) => {
    const grown = grownKnowledge(knowledge, factor);
    const buildStart = process.hrtime.bigint();
    const engine = createEngine(grown);
    const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
    const per: Percentiles[] = [];
    const auto: Percentiles[] = [];
    for (let run = 0; run < runs; run++) {
      const queries = benchQueries("ask", 2_000, 2000 + run);
      timeEach(queries.slice(0, 200), (q) => engine.ask(q));
      per.push(percentiles(timeEach(queries, (q) => engine.ask(q))));
      auto.push(
        percentiles(
          timeEach(queries, (q) => engine.autocomplete("ask", q.slice(0, 1 + (q.length % 12)))),
        ),
      );
    }
    return {
      factor,
      entries: grown.faq.length,
      buildMs,
      ask: medianPercentiles(per),
      autocomplete: medianPercentiles(auto),
    };
  });
}

/**
 * The alternative the issue first suggested: fuse.js token search over every phrasing. Measured
 * here so the choice of our own idf-coverage ranking rests on numbers, not taste.
 */
export function measureFuseTokenSearch(knowledge: Knowledge, runs: number): Percentiles {
  const records = knowledge.faq.flatMap((f) =>
    [...f.questions.en, ...f.questions.ar].map((q) => ({ id: f.id, text: normalize(q) })),
  );
  const fuse = new Fuse(records, {
    keys: ["text"],
    useTokenSearch: true,
    ignoreLocation: true,
    includeScore: true,
    threshold: 0.4,
  });
  const per: Percentiles[] = [];
  for (let run = 0; run < runs; run++) {
    const queries = benchQueries("ask", 2_000, 3000 + run).map(normalize);
    timeEach(queries.slice(0, 200), (q) => fuse.search(q, { limit: 6 }));
    per.push(percentiles(timeEach(queries, (q) => fuse.search(q, { limit: 6 }))));
  }
  return medianPercentiles(per);
}
