import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { KnowledgeError, type StoreIssue } from "../src/knowledge/files.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../src/knowledge/load.ts";
import type {
  Entity,
  FaqEntry,
  Knowledge,
  ParagraphTranslation,
  Quote,
  TimelineEvent,
} from "../src/knowledge/schema.ts";
import { validateKnowledge } from "../src/knowledge/validate.ts";

/** The store with its arrays opened up, so a fixture can change exactly one thing. */
interface MutableKnowledge {
  article: string[];
  paragraphs: ParagraphTranslation[];
  entities: Entity[];
  ambiguousAliases: string[];
  quotes: Quote[];
  faq: FaqEntry[];
  timeline: TimelineEvent[];
  synonyms: string[][];
}

let real: Knowledge;

beforeAll(() => {
  real = loadKnowledge();
});

/** A deep copy of the real store; the mutation is the only difference from a valid store. */
function fixture(mutate: (k: MutableKnowledge) => void): StoreIssue[] {
  const k = structuredClone(real) as unknown as MutableKnowledge;
  mutate(k);
  return validateKnowledge(k);
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`fixture expects an item at index ${index}`);
  return item;
}

function indexOfId(items: readonly { id: string }[], id: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`the store has no item with id "${id}"`);
  return index;
}

describe("the real knowledge store", () => {
  it("loads and passes every invariant", () => {
    expect(validateKnowledge(real)).toEqual([]);
  });

  it("splits the article into 23 paragraphs, with headings at 9, 14 and 19", () => {
    expect(real.article).toHaveLength(23);
    expect(real.paragraphs.filter((p) => p.heading).map((p) => p.paragraph)).toEqual([9, 14, 19]);
    expect(real.article[8]).toBe("خلف الخلاف");
  });

  it("has at least 60 faq entries, each with at least 3 phrasings in each language", () => {
    expect(real.faq.length).toBeGreaterThanOrEqual(60);
    for (const entry of real.faq) {
      expect(entry.questions.en.length, entry.id).toBeGreaterThanOrEqual(3);
      expect(entry.questions.ar.length, entry.id).toBeGreaterThanOrEqual(3);
      expect(entry.answer.en.trim(), entry.id).not.toBe("");
      expect(entry.answer.ar.trim(), entry.id).not.toBe("");
    }
  });

  it("names every required person, company, project and place", () => {
    const ids = new Set(real.entities.map((e) => e.id));
    const required = [
      "musk",
      "altman",
      "trump",
      "openai",
      "chatgpt",
      "oracle",
      "softbank",
      "stargate",
      "microsoft",
      "nadella",
      "ellison",
      "xai",
      "tesla",
      "spacex",
      "x",
      "crusoe",
      "lancium",
      "mcnamara",
      "the-information",
      "cnbc",
      "abilene",
      "memphis",
      "davos",
    ];
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("has a quote for each quoted paragraph: 4, 6, 7, 8, 16, 17, 21 and 23", () => {
    const quoted = new Set(real.quotes.map((q) => q.paragraph));
    expect([4, 6, 7, 8, 16, 17, 21, 23].filter((p) => !quoted.has(p))).toEqual([]);
  });

  it("attributes the required quotes to the right speakers", () => {
    const speakersOf = (paragraph: number) =>
      new Set(real.quotes.filter((q) => q.paragraph === paragraph).flatMap((q) => q.speakers));
    expect(speakersOf(4).has("trump")).toBe(true);
    expect(speakersOf(6).has("musk")).toBe(true);
    expect(speakersOf(7).has("altman")).toBe(true);
    expect(speakersOf(8).has("altman")).toBe(true);
    expect(speakersOf(16).has("crusoe") && speakersOf(16).has("lancium")).toBe(true);
    expect(speakersOf(17).has("mcnamara")).toBe(true);
    expect(speakersOf(21).has("microsoft")).toBe(true);
    expect(speakersOf(23).has("nadella")).toBe(true);
  });

  it("marks AP's known English wording as original, and only that", () => {
    const originals = real.quotes.filter((q) => q.enSource === "original");
    expect(new Set(originals.flatMap((q) => q.speakers))).toEqual(
      new Set(["trump", "musk", "altman", "nadella"]),
    );
    const englishOf = (speaker: string) =>
      originals
        .filter((q) => q.speakers.includes(speaker))
        .map((q) => q.en)
        .join(" ");
    expect(englishOf("trump")).toContain(
      "a resounding declaration of confidence in America's potential",
    );
    expect(englishOf("musk")).toContain("They don't actually have the money");
    expect(englishOf("musk")).toContain(
      "SoftBank has well under $10B secured. I have that on good authority.",
    );
    expect(englishOf("altman")).toContain("wrong, as you surely know");
    expect(englishOf("altman")).toContain("(T)his is great for the country.");
    expect(englishOf("altman")).toContain("put (America) first");
    expect(englishOf("nadella")).toContain("Look, all I know is, I'm good for my $80 billion.");
    for (const q of real.quotes) {
      if (!originals.includes(q)) expect(q.enSource, q.id).toBe("translation");
    }
  });

  it("lists the timeline's required events in the order they happened", () => {
    const order = real.timeline.map((e) => e.id);
    const required = [
      "the-information-report",
      "crusoe-announcement",
      "trump-announcement",
      "musk-post",
      "altman-reply",
      "nadella-cnbc-interview",
      "court-hearing",
    ];
    expect(order.filter((id) => required.includes(id))).toEqual(required);
  });

  it("does not require the headings 9, 14 and 19 to be cited by the faq", () => {
    const cited = new Set(real.faq.flatMap((e) => e.citations.map((c) => c.paragraph)));
    expect([9, 14, 19].filter((p) => cited.has(p))).toEqual([]);
    expect(validateKnowledge(real)).toEqual([]);
  });
});

describe("knowledge/source/article.ar.txt", () => {
  // SHA-256 of ../shared/source/article.ar.txt, the article as published to the team. Recorded so
  // the copy is checked even where the shared folder is not laid beside the checkout.
  const SHARED_ARTICLE_SHA256 = "1fac4553e11ab7014a9c328fee6feab12112d5902a48ae60b8bc4c704ec4b4a7";
  const copy = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, "source/article.ar.txt"));

  it("has the bytes of the shared source article", () => {
    expect(createHash("sha256").update(copy).digest("hex")).toBe(SHARED_ARTICLE_SHA256);
  });

  it("is byte-identical to the shared folder's copy wherever that folder sits beside the repo", () => {
    const shared = fileURLToPath(new URL("../../shared/source/article.ar.txt", import.meta.url));
    const expected = existsSync(shared) ? readFileSync(shared) : copy;
    expect(createHash("sha256").update(expected).digest("hex")).toBe(SHARED_ARTICLE_SHA256);
    expect(copy.equals(expected)).toBe(true);
  });
});

describe("validateKnowledge: failing fixtures", () => {
  it("reports a faq citation that is not verbatim in its paragraph", () => {
    const issues = fixture((k) => {
      at(at(k.faq, 0).citations, 0).text = "ماسك يملك المال";
    });
    expect(issues).toEqual([
      {
        file: "knowledge/faq.json",
        path: "faq[0].citations[0].text",
        reason: "not found verbatim in paragraph 1",
      },
    ]);
  });

  it("reports a citation that quotes the right words under the wrong paragraph number", () => {
    const issues = fixture((k) => {
      const citation = at(at(k.entities, 0).citations, 0);
      expect(citation.paragraph).not.toBe(3);
      citation.paragraph = 3;
    });
    expect(issues).toEqual([
      {
        file: "knowledge/entities.json",
        path: "entities[0].citations[0].text",
        reason: "not found verbatim in paragraph 3",
      },
    ]);
  });

  it("reports a timeline citation whose text is the English translation", () => {
    const issues = fixture((k) => {
      const citation = at(at(k.timeline, 0).citations, 0);
      citation.text = citation.translation;
    });
    expect(issues).toEqual([
      {
        file: "knowledge/timeline.json",
        path: "events[0].citations[0].text",
        reason: `not found verbatim in paragraph ${at(at(real.timeline, 0).citations, 0).paragraph}`,
      },
    ]);
  });

  it("reports a quote whose Arabic text is not in its paragraph", () => {
    const issues = fixture((k) => {
      at(k.quotes, 0).ar = "هذا كلام لم يقله أحد";
    });
    expect(issues).toEqual([
      {
        file: "knowledge/quotes.json",
        path: "quotes[0].ar",
        reason: `not found verbatim in paragraph ${at(real.quotes, 0).paragraph}`,
      },
    ]);
  });

  it("accepts a citation whose whitespace runs differ from the article's", () => {
    const issues = fixture((k) => {
      const citation = at(at(k.faq, 0).citations, 0);
      citation.text = citation.text.replace(/ /g, "  \n ");
    });
    expect(issues).toEqual([]);
  });

  it("reports a duplicate entity id at the second use, naming the first", () => {
    const last = real.entities.length - 1;
    const issues = fixture((k) => {
      at(k.entities, last).id = at(k.entities, 0).id;
    });
    expect(issues).toEqual([
      {
        file: "knowledge/entities.json",
        path: `entities[${last}].id`,
        reason: `duplicate id "${at(real.entities, 0).id}" (first used at entities[0])`,
      },
    ]);
  });

  it("reports a duplicate faq id", () => {
    const issues = fixture((k) => {
      at(k.faq, 1).id = at(k.faq, 0).id;
    });
    expect(issues).toEqual([
      {
        file: "knowledge/faq.json",
        path: "faq[1].id",
        reason: `duplicate id "${at(real.faq, 0).id}" (first used at faq[0])`,
      },
    ]);
  });

  it("reports a second entry that tells what the story is about", () => {
    const second = real.faq.findIndex((entry) => !entry.summary);
    const issues = fixture((k) => {
      at(k.faq, second).summary = true;
    });
    expect(issues).toEqual([
      {
        file: "knowledge/faq.json",
        path: `faq[${Math.max(
          second,
          real.faq.findIndex((entry) => entry.summary),
        )}].summary`,
        reason: "only one entry may tell what the story is about",
      },
    ]);
  });

  it("reports a duplicate quote id", () => {
    const issues = fixture((k) => {
      at(k.quotes, 2).id = at(k.quotes, 0).id;
    });
    expect(issues).toEqual([
      {
        file: "knowledge/quotes.json",
        path: "quotes[2].id",
        reason: `duplicate id "${at(real.quotes, 0).id}" (first used at quotes[0])`,
      },
    ]);
  });

  it("reports a duplicate timeline id under the file's own key, events", () => {
    const issues = fixture((k) => {
      at(k.timeline, 1).id = at(k.timeline, 0).id;
    });
    expect(issues).toEqual([
      {
        file: "knowledge/timeline.json",
        path: "events[1].id",
        reason: `duplicate id "${at(real.timeline, 0).id}" (first used at events[0])`,
      },
    ]);
  });

  it("reports an alias that two entities share", () => {
    const altman = indexOfId(real.entities, "altman");
    const musk = indexOfId(real.entities, "musk");
    expect(musk).toBeLessThan(altman);
    const added = at(real.entities, altman).aliases.length;
    const issues = fixture((k) => {
      at(k.entities, altman).aliases.push("ماسك");
    });
    expect(issues).toEqual([
      {
        file: "knowledge/entities.json",
        path: `entities[${altman}].aliases[${added}]`,
        reason: `"ماسك" is also an alias of "musk"; declare it in ambiguousAliases or remove it`,
      },
    ]);
  });

  it("compares aliases after normalising, so a vowelled spelling still collides", () => {
    const altman = indexOfId(real.entities, "altman");
    const issues = fixture((k) => {
      at(k.entities, altman).aliases.push("مَاسِك");
    });
    expect(issues.map((i) => i.reason)).toEqual([
      `"مَاسِك" is also an alias of "musk"; declare it in ambiguousAliases or remove it`,
    ]);
  });

  it("accepts the same shared alias once it is declared in ambiguousAliases", () => {
    const altman = indexOfId(real.entities, "altman");
    const issues = fixture((k) => {
      at(k.entities, altman).aliases.push("ماسك");
      k.ambiguousAliases.push("ماسك");
    });
    expect(issues).toEqual([]);
  });

  it("reports a non-heading paragraph that no faq entry cites", () => {
    const issues = fixture((k) => {
      k.faq = k.faq.filter((e) => !e.citations.some((c) => c.paragraph === 23));
    });
    expect(issues).toEqual([
      {
        file: "knowledge/faq.json",
        path: "faq",
        reason: "paragraph 23 is not cited by any entry",
      },
    ]);
  });

  it("reports a figure in an English answer that its cited paragraphs lack", () => {
    const i = indexOfId(real.faq, "what-is-stargate-building");
    expect(at(real.faq, i).citations.map((c) => c.paragraph)).toEqual([3]);
    const issues = fixture((k) => {
      at(k.faq, i).answer.en += " It will cost $42 billion.";
    });
    expect(issues).toEqual([
      {
        file: "knowledge/faq.json",
        path: `faq[${i}].answer.en`,
        reason: "number 42 does not appear in the cited paragraph(s) 3",
      },
    ]);
  });

  it("reports a figure written in Arabic-Indic digits in an Arabic answer", () => {
    const i = indexOfId(real.faq, "what-is-stargate-building");
    const issues = fixture((k) => {
      at(k.faq, i).answer.ar += " بتكلفة ٤٢ مليار دولار.";
    });
    expect(issues).toEqual([
      {
        file: "knowledge/faq.json",
        path: `faq[${i}].answer.ar`,
        reason: "number 42 does not appear in the cited paragraph(s) 3",
      },
    ]);
  });

  it("accepts an Arabic-Indic figure that the cited paragraph has in ASCII digits", () => {
    const i = indexOfId(real.faq, "stargate-investment-size");
    expect(real.article[1]).toContain("500");
    const issues = fixture((k) => {
      at(k.faq, i).answer.ar += " أي ٥٠٠ مليار دولار.";
    });
    expect(issues).toEqual([]);
  });

  it("reports a quote whose speaker is not an entity", () => {
    const issues = fixture((k) => {
      at(k.quotes, 0).speakers = ["elon"];
    });
    expect(issues).toEqual([
      {
        file: "knowledge/quotes.json",
        path: "quotes[0].speakers[0]",
        reason: 'no entity has the id "elon"',
      },
    ]);
  });

  it("reports an entity said to be behind one the store lacks, or behind itself", () => {
    const musk = indexOfId(real.entities, "musk");
    const issues = fixture((k) => {
      at(k.entities, musk).behind = { owns: ["tesla", "neuralink"], founded: ["musk"] };
    });
    expect(issues).toEqual([
      {
        file: "knowledge/entities.json",
        path: `entities[${musk}].behind.owns[1]`,
        reason: 'no entity has the id "neuralink"',
      },
      {
        file: "knowledge/entities.json",
        path: `entities[${musk}].behind.founded[0]`,
        reason: "an entity is not behind itself",
      },
    ]);
  });

  it("reports every problem at once, not only the first", () => {
    const issues = fixture((k) => {
      at(k.quotes, 0).speakers = ["elon"];
      at(k.faq, 1).id = at(k.faq, 0).id;
    });
    expect(issues.map((i) => `${i.file} ${i.path}`).sort()).toEqual([
      "knowledge/faq.json faq[1].id",
      "knowledge/quotes.json quotes[0].speakers[0]",
    ]);
  });
});

describe("loadKnowledge: files on disk", () => {
  let dir: string | undefined;

  const copyStore = (): string => {
    dir = mkdtempSync(join(tmpdir(), "story-desk-knowledge-"));
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    return dir;
  };

  const loadError = (from: string): KnowledgeError => {
    try {
      loadKnowledge(from);
    } catch (error) {
      if (error instanceof KnowledgeError) return error;
      throw error;
    }
    throw new Error("expected loadKnowledge to throw a KnowledgeError");
  };

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("loads an unchanged copy of the store", () => {
    const copy = loadKnowledge(copyStore());
    expect(copy.faq.length).toBe(real.faq.length);
  });

  it("names knowledge/faq.json when it is not valid JSON", () => {
    const d = copyStore();
    writeFileSync(join(d, "faq.json"), '{ "faq": [ { "id": ');
    const error = loadError(d);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: "knowledge/faq.json", path: "" });
    expect(error.message).toContain("knowledge/faq.json: is not valid JSON");
  });

  it("names the file and the JSON path of a schema violation", () => {
    const d = copyStore();
    const faq = JSON.parse(readFileSync(join(d, "faq.json"), "utf8"));
    faq.faq[0].questions.en = ["one"];
    writeFileSync(join(d, "faq.json"), JSON.stringify(faq));
    const error = loadError(d);
    expect(error.issues).toEqual([
      { file: "knowledge/faq.json", path: "faq[0].questions.en", reason: expect.any(String) },
    ]);
    expect(error.message).toContain("knowledge/faq.json: faq[0].questions.en: ");
  });

  it("names a missing file", () => {
    const d = copyStore();
    unlinkSync(join(d, "quotes.json"));
    const error = loadError(d);
    expect(error.issues).toEqual([
      { file: "knowledge/quotes.json", path: "", reason: "cannot be read (ENOENT)" },
    ]);
    expect(error.message).toContain("knowledge/quotes.json: cannot be read (ENOENT)");
  });

  it("refuses a store that parses but breaks a cross-file invariant", () => {
    const d = copyStore();
    const quotes = JSON.parse(readFileSync(join(d, "quotes.json"), "utf8"));
    quotes.quotes[0].speakers = ["elon"];
    writeFileSync(join(d, "quotes.json"), JSON.stringify(quotes));
    const error = loadError(d);
    expect(error.message).toContain(
      'knowledge/quotes.json: quotes[0].speakers[0]: no entity has the id "elon"',
    );
  });
});
