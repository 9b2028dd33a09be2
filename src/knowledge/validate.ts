import { normalize } from "../text/normalize.ts";
import { STORE_FILES, type StoreIssue } from "./files.ts";
import { isVerbatimIn, ungroundedNumbers } from "./grounding.ts";
import { type Citation, HEADING_PARAGRAPHS, type Knowledge, PARAGRAPH_COUNT } from "./schema.ts";

type Part = keyof typeof STORE_FILES;

const fileOf = (part: Part) => `knowledge/${STORE_FILES[part]}`;

/**
 * Checks the invariants that span files or that a schema cannot express. Returns every problem,
 * not just the first, so a curator can fix a batch of mistakes in one pass.
 */
export function validateKnowledge(knowledge: Knowledge): StoreIssue[] {
  const issues: StoreIssue[] = [];
  const report = (part: Part, path: string, reason: string) =>
    issues.push({ file: fileOf(part), path, reason });

  checkArticle(knowledge, report);
  checkParagraphs(knowledge, report);

  const lineOf = (paragraph: number) => knowledge.article[paragraph - 1] ?? "";
  const checkCitations = (part: Part, path: string, citations: readonly Citation[]) => {
    citations.forEach((citation, i) => {
      if (!isVerbatimIn(citation.text, lineOf(citation.paragraph))) {
        report(
          part,
          `${path}.citations[${i}].text`,
          `not found verbatim in paragraph ${citation.paragraph}`,
        );
      }
    });
  };
  const checkFigures = (part: Part, path: string, text: string, paragraphs: readonly number[]) => {
    const missing = ungroundedNumbers(text, paragraphs.map(lineOf));
    if (missing.length > 0) {
      report(
        part,
        path,
        `number ${missing.join(", ")} does not appear in the cited paragraph(s) ${paragraphs.join(", ")}`,
      );
    }
  };
  const cited = (citations: readonly Citation[]) => citations.map((c) => c.paragraph);

  checkUniqueIds("entities", "entities", knowledge.entities, report);
  checkUniqueIds("quotes", "quotes", knowledge.quotes, report);
  checkUniqueIds("faq", "faq", knowledge.faq, report);
  checkUniqueIds("timeline", "events", knowledge.timeline, report);

  knowledge.entities.forEach((entity, i) => {
    const path = `entities[${i}]`;
    checkCitations("entities", path, entity.citations);
    for (const lang of ["en", "ar"] as const) {
      checkFigures(
        "entities",
        `${path}.description.${lang}`,
        entity.description[lang],
        cited(entity.citations),
      );
    }
  });
  checkAliases(knowledge, report);

  const entityIds = new Set(knowledge.entities.map((e) => e.id));
  knowledge.entities.forEach((entity, i) => {
    for (const [relation, ids] of Object.entries(entity.behind ?? {})) {
      ids.forEach((other, j) => {
        const path = `entities[${i}].behind.${relation}[${j}]`;
        if (!entityIds.has(other)) report("entities", path, `no entity has the id "${other}"`);
        else if (other === entity.id) report("entities", path, "an entity is not behind itself");
      });
    }
  });
  knowledge.quotes.forEach((quote, i) => {
    const path = `quotes[${i}]`;
    if (!isVerbatimIn(quote.ar, lineOf(quote.paragraph))) {
      report("quotes", `${path}.ar`, `not found verbatim in paragraph ${quote.paragraph}`);
    }
    quote.speakers.forEach((speaker, j) => {
      if (!entityIds.has(speaker))
        report("quotes", `${path}.speakers[${j}]`, `no entity has the id "${speaker}"`);
    });
    checkFigures("quotes", `${path}.en`, quote.en, [quote.paragraph]);
    for (const lang of ["en", "ar"] as const) {
      checkFigures("quotes", `${path}.context.${lang}`, quote.context[lang], [quote.paragraph]);
    }
  });

  knowledge.faq.forEach((entry, i) => {
    const path = `faq[${i}]`;
    checkCitations("faq", path, entry.citations);
    for (const lang of ["en", "ar"] as const) {
      checkFigures("faq", `${path}.answer.${lang}`, entry.answer[lang], cited(entry.citations));
    }
  });
  const summaries = knowledge.faq.flatMap((entry, i) => (entry.summary ? [i] : []));
  for (const i of summaries.slice(1))
    report("faq", `faq[${i}].summary`, "only one entry may tell what the story is about");
  const citedByFaq = new Set(knowledge.faq.flatMap((entry) => cited(entry.citations)));
  for (let paragraph = 1; paragraph <= PARAGRAPH_COUNT; paragraph++) {
    if (!HEADING_PARAGRAPHS.includes(paragraph) && !citedByFaq.has(paragraph)) {
      report("faq", "faq", `paragraph ${paragraph} is not cited by any entry`);
    }
  }

  knowledge.timeline.forEach((event, i) => {
    const path = `events[${i}]`;
    checkCitations("timeline", path, event.citations);
    for (const field of ["when", "event"] as const) {
      for (const lang of ["en", "ar"] as const) {
        checkFigures(
          "timeline",
          `${path}.${field}.${lang}`,
          event[field][lang],
          cited(event.citations),
        );
      }
    }
  });

  knowledge.synonyms.forEach((group, i) => {
    group.forEach((word, j) => {
      if (normalize(word).split(" ").length !== 1)
        report("synonyms", `groups[${i}][${j}]`, "must be a single word");
    });
  });

  return issues;
}

type Report = (part: Part, path: string, reason: string) => void;

function checkArticle(knowledge: Knowledge, report: Report): void {
  if (knowledge.article.length !== PARAGRAPH_COUNT) {
    report(
      "article",
      "",
      `expected ${PARAGRAPH_COUNT} lines (one per paragraph), found ${knowledge.article.length}`,
    );
  }
  knowledge.article.forEach((line, i) => {
    if (line.trim() === "") report("article", `line ${i + 1}`, "is empty");
  });
}

function checkParagraphs(knowledge: Knowledge, report: Report): void {
  knowledge.paragraphs.forEach((p, i) => {
    if (p.paragraph !== i + 1)
      report(
        "paragraphs",
        `paragraphs[${i}].paragraph`,
        `expected ${i + 1}, the file lists paragraphs in order`,
      );
    if (p.heading !== HEADING_PARAGRAPHS.includes(p.paragraph)) {
      report(
        "paragraphs",
        `paragraphs[${i}].heading`,
        `paragraph ${p.paragraph} is ${p.heading ? "not " : ""}a heading`,
      );
    }
  });
}

function checkUniqueIds(
  part: Part,
  key: string,
  items: readonly { id: string }[],
  report: Report,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else
      report(part, `${key}[${i}].id`, `duplicate id "${item.id}" (first used at ${key}[${first}])`);
  });
}

/** Two entities answering to the same normalised alias would make `/who` a coin toss, unless curators say so. */
function checkAliases(knowledge: Knowledge, report: Report): void {
  const declared = new Set(knowledge.ambiguousAliases.map(normalize));
  const owner = new Map<string, string>();
  knowledge.entities.forEach((entity, i) => {
    const names = [entity.name.en, entity.name.ar, ...entity.aliases];
    const own = new Set<string>();
    names.forEach((alias, j) => {
      const key = normalize(alias);
      const path =
        j < 2 ? `entities[${i}].name.${j === 0 ? "en" : "ar"}` : `entities[${i}].aliases[${j - 2}]`;
      if (key === "") {
        report("entities", path, "is empty once punctuation and diacritics are removed");
        return;
      }
      if (own.has(key)) return;
      own.add(key);
      const other = owner.get(key);
      if (other !== undefined && !declared.has(key)) {
        report(
          "entities",
          path,
          `"${alias}" is also an alias of "${other}"; declare it in ambiguousAliases or remove it`,
        );
      } else if (other === undefined) {
        owner.set(key, entity.id);
      }
    });
  });
}
