import type { Lang } from "./types.ts";

/** Every fixed sentence the engine says, in both languages, so no reply mixes them. */
export const PHRASES = {
  dontKnow: { en: "I don't know", ar: "لا أعرف" },
  dontKnowText: {
    en: "I couldn't find that in the story, and I only answer what the story says. Try rephrasing, or pick a question below.",
    ar: "لم أجد ذلك في المقال، وأنا لا أجيب إلا بما يقوله المقال. جرّب صياغة أخرى أو اختر سؤالًا من القائمة.",
  },
  didYouMean: { en: "Did you mean…", ar: "هل تقصد…" },
  didYouMeanText: {
    en: "I'm not sure which of these you mean. Pick one below.",
    ar: "لست متأكدًا أيّ هذه تقصد. اختر واحدًا من القائمة.",
  },
  unknownEntity: {
    en: "I don't know anyone or anything by that name in the story.",
    ar: "لا أعرف أحدًا أو شيئًا بهذا الاسم في المقال.",
  },
  unheldRole: {
    en: "The story doesn't say who holds that role.",
    ar: "لا يذكر المقال من يشغل هذا المنصب.",
  },
  noQuotes: {
    en: "The story has no direct quote from {name}.",
    ar: "لا يتضمن المقال اقتباسًا مباشرًا من {name}.",
  },
  quotesTitle: { en: "Quotes: {name}", ar: "اقتباسات: {name}" },
  saidByTitle: { en: "Who said it: {names}", ar: "القائل: {names}" },
  original: { en: "AP's original English wording", ar: "صياغة أسوشيتد برس الأصلية بالإنجليزية" },
  translation: { en: "our translation from the Arabic", ar: "ترجمتنا عن العربية" },
  paragraphTitle: { en: "Paragraph {n}", ar: "الفقرة {n}" },
  headingTitle: { en: "Paragraph {n} (a heading)", ar: "الفقرة {n} (عنوان فرعي)" },
  badParagraph: {
    en: "Give a paragraph number from 1 to {max}.",
    ar: "اكتب رقم فقرة من 1 إلى {max}.",
  },
  timelineTitle: { en: "Timeline", ar: "التسلسل الزمني" },
  badRef: { en: "That choice is no longer available.", ar: "هذا الخيار لم يعد متاحًا." },
  invalidTitle: { en: "Invalid query", ar: "استعلام غير صالح" },
} as const satisfies Record<string, Record<Lang, string>>;

export function phrase(
  key: keyof typeof PHRASES,
  lang: Lang,
  values: Record<string, string | number> = {},
): string {
  return PHRASES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}
