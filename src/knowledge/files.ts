import type { z } from "zod";
import {
  entitiesFileSchema,
  faqFileSchema,
  paragraphsFileSchema,
  quotesFileSchema,
  synonymsFileSchema,
  timelineFileSchema,
} from "./schema.ts";

/** Where each part of the store lives, relative to the knowledge directory. */
export const STORE_FILES = {
  article: "source/article.ar.txt",
  paragraphs: "paragraphs.json",
  entities: "entities.json",
  quotes: "quotes.json",
  faq: "faq.json",
  timeline: "timeline.json",
  synonyms: "synonyms.json",
} as const;

export const JSON_FILE_SCHEMAS = {
  paragraphs: paragraphsFileSchema,
  entities: entitiesFileSchema,
  quotes: quotesFileSchema,
  faq: faqFileSchema,
  timeline: timelineFileSchema,
  synonyms: synonymsFileSchema,
} as const satisfies Record<Exclude<keyof typeof STORE_FILES, "article">, z.ZodType>;

/** One problem in the store, located precisely enough for a curator to fix it without reading code. */
export interface StoreIssue {
  /** Path of the file, as `knowledge/<name>`. */
  file: string;
  /** JSON path inside the file, e.g. `faq[3].citations[0].text`; empty for the whole file. */
  path: string;
  reason: string;
}

export function formatIssue(issue: StoreIssue): string {
  return issue.path
    ? `${issue.file}: ${issue.path}: ${issue.reason}`
    : `${issue.file}: ${issue.reason}`;
}

/** Renders a JSON path from zod-style segments: `["faq", 3, "id"]` → `faq[3].id`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

export class KnowledgeError extends Error {
  readonly issues: readonly StoreIssue[];
  constructor(issues: readonly StoreIssue[]) {
    super(
      `The knowledge store is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n${issues.map((i) => `  ${formatIssue(i)}`).join("\n")}`,
    );
    this.name = "KnowledgeError";
    this.issues = issues;
  }
}
