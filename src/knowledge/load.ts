import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import {
  JSON_FILE_SCHEMAS,
  jsonPath,
  KnowledgeError,
  STORE_FILES,
  type StoreIssue,
} from "./files.ts";
import type { Knowledge } from "./schema.ts";
import { validateKnowledge } from "./validate.ts";

export { KnowledgeError } from "./files.ts";

/**
 * The nearest directory at or above `dir` that holds a package.json. The store is found from there,
 * not from this file's depth, because `npm start` runs this module compiled into `dist/src/`,
 * one level deeper than `src/`, where tests and the cli run it.
 */
function packageRoot(dir: string): string {
  let current = dir;
  while (!existsSync(join(current, "package.json"))) {
    const parent = dirname(current);
    if (parent === current) throw new Error(`no package.json at or above ${dir}`);
    current = parent;
  }
  return current;
}

/** The store shipped with the project. */
export const DEFAULT_KNOWLEDGE_DIR = join(
  packageRoot(dirname(fileURLToPath(import.meta.url))),
  "knowledge",
);

type JsonPart = keyof typeof JSON_FILE_SCHEMAS;
type Parsed = { [K in JsonPart]: z.infer<(typeof JSON_FILE_SCHEMAS)[K]> };

/**
 * Reads, parses and validates the whole store. Throws a `KnowledgeError` listing every problem
 * (file, JSON path, reason), so the bot never starts half-loaded.
 */
export function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const issues: StoreIssue[] = [];
  const read = (name: string): string | undefined => {
    try {
      return readFileSync(join(dir, name), "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
      issues.push({ file: `knowledge/${name}`, path: "", reason: `cannot be read (${code})` });
      return undefined;
    }
  };

  const articleText = read(STORE_FILES.article);
  const parsed: Partial<Parsed> = {};
  for (const part of Object.keys(JSON_FILE_SCHEMAS) as JsonPart[]) {
    const name = STORE_FILES[part];
    const raw = read(name);
    if (raw === undefined) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      issues.push({
        file: `knowledge/${name}`,
        path: "",
        reason: `is not valid JSON: ${(error as Error).message}`,
      });
      continue;
    }
    const result = JSON_FILE_SCHEMAS[part].safeParse(json);
    if (result.success) {
      Object.assign(parsed, { [part]: result.data });
    } else {
      for (const issue of result.error.issues) {
        issues.push({
          file: `knowledge/${name}`,
          path: jsonPath(issue.path),
          reason: issue.message,
        });
      }
    }
  }
  if (issues.length > 0 || articleText === undefined) throw new KnowledgeError(issues);

  const { paragraphs, entities, quotes, faq, timeline, synonyms } = parsed as Parsed;
  const knowledge: Knowledge = {
    article: splitArticle(articleText),
    paragraphs: paragraphs.paragraphs,
    entities: entities.entities,
    ambiguousAliases: entities.ambiguousAliases,
    quotes: quotes.quotes,
    faq: faq.faq,
    timeline: timeline.events,
    synonyms: synonyms.groups,
  };
  const problems = validateKnowledge(knowledge);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}

/** Paragraph N is line N; a trailing newline does not make a 24th paragraph. */
export function splitArticle(text: string): string[] {
  return text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
}
