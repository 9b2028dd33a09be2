import { z } from "zod";

/**
 * The zod schemas in this file are the single source of the store's TypeScript types.
 * Each curated JSON file in `knowledge/` has exactly one schema here.
 */

export const PARAGRAPH_COUNT = 23;
/** Lines of the article that are section headings rather than prose. */
export const HEADING_PARAGRAPHS: readonly number[] = [9, 14, 19];

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");
const text = z.string().trim().min(1, "must not be empty");
const bilingual = z.strictObject({ en: text, ar: text });

/**
 * A pointer into the article: `text` is a verbatim substring of line `paragraph`
 * (whitespace runs may be collapsed). `translation` is for English readers and is never a citation.
 */
export const citationSchema = z.strictObject({
  paragraph: z.int().min(1).max(PARAGRAPH_COUNT),
  text,
  translation: text,
});

export const entityKinds = [
  "person",
  "company",
  "project",
  "product",
  "publication",
  "place",
  "event",
] as const;

/**
 * How an entity stands behind another: Altman runs OpenAI, Ellison founded Oracle, OpenAI makes
 * ChatGPT, The Information first reported Stargate.
 */
export const relations = ["runs", "owns", "founded", "makes", "reported"] as const;
export type Relation = (typeof relations)[number];

export const entitySchema = z.strictObject({
  id,
  kind: z.enum(entityKinds),
  name: bilingual,
  /** Every spelling a reader might type, in either script, typos included. */
  aliases: z.array(text).min(1),
  description: bilingual,
  citations: z.array(citationSchema).min(1),
  /** Shown when the autocomplete box is empty. */
  featured: z.boolean().optional(),
  /**
   * Ids of the entities this one runs, owns, founded, makes or first reported, each as the story
   * says it: readers name Musk "the Tesla guy", OpenAI "the ChatGPT company" and The Information
   * "the paper that broke Stargate" (see `engine/descriptions.ts`).
   */
  behind: z.partialRecord(z.enum(relations), z.array(id).min(1)).optional(),
});

export const entitiesFileSchema = z.strictObject({
  /** Aliases that may legitimately point at more than one entity (e.g. "texas"). */
  ambiguousAliases: z.array(text),
  entities: z.array(entitySchema).min(1),
});

export const quoteSchema = z.strictObject({
  id,
  /** Entity ids of who said it, main speaker first (a joint statement has several). */
  speakers: z.array(id).min(1),
  paragraph: z.int().min(1).max(PARAGRAPH_COUNT),
  /** Verbatim Arabic from the paragraph; curated by hand because the article's quotation marks are unreliable. */
  ar: text,
  en: text,
  /** "original" only where AP's English wording is known; everything else is our translation. */
  enSource: z.enum(["original", "translation"]),
  context: bilingual,
});

export const quotesFileSchema = z.strictObject({ quotes: z.array(quoteSchema).min(1) });

export const faqSchema = z.strictObject({
  id,
  questions: z.strictObject({
    en: z.array(text).min(3),
    ar: z.array(text).min(3),
  }),
  answer: bilingual,
  citations: z.array(citationSchema).min(1),
  featured: z.boolean().optional(),
  /** The one entry that tells what the story is about: "what is this article about?" gets it. */
  summary: z.literal(true).optional(),
});

export const faqFileSchema = z.strictObject({ faq: z.array(faqSchema).min(1) });

export const timelineEventSchema = z.strictObject({
  id,
  /** How the article itself dates the event; no date the article does not give. */
  when: bilingual,
  event: bilingual,
  citations: z.array(citationSchema).min(1),
});

/** Events are listed in the order they happened. */
export const timelineFileSchema = z.strictObject({ events: z.array(timelineEventSchema).min(1) });

/**
 * Words a reader uses for the same idea ("bankroll" for "fund", "كهرباء" for "طاقة"). A query word
 * in a group also matches the group's other words, slightly below an exact match.
 */
export const synonymsFileSchema = z.strictObject({
  groups: z.array(z.array(text).min(2)).min(1),
});

export const paragraphSchema = z.strictObject({
  paragraph: z.int().min(1).max(PARAGRAPH_COUNT),
  heading: z.boolean(),
  /** English translation of the whole line, shown by /source. */
  en: text,
});

export const paragraphsFileSchema = z.strictObject({
  paragraphs: z.array(paragraphSchema).length(PARAGRAPH_COUNT),
});

export type Citation = z.infer<typeof citationSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type EntityKind = (typeof entityKinds)[number];
export type EntitiesFile = z.infer<typeof entitiesFileSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type FaqEntry = z.infer<typeof faqSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type ParagraphTranslation = z.infer<typeof paragraphSchema>;

/** The whole curated store, as loaded and validated. */
export interface Knowledge {
  /** Line N of the article is `article[N - 1]`. */
  article: readonly string[];
  paragraphs: readonly ParagraphTranslation[];
  entities: readonly Entity[];
  ambiguousAliases: readonly string[];
  quotes: readonly Quote[];
  faq: readonly FaqEntry[];
  timeline: readonly TimelineEvent[];
  synonyms: readonly (readonly string[])[];
}
