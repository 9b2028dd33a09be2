import type { Lang } from "../engine/types.ts";

/**
 * Component custom ids carry everything a later click needs, because the bot keeps no state
 * between an answer and the click on its buttons (and must survive a restart in between).
 */

export interface SourceButtonId {
  kind: "source";
  paragraph: number;
  lang: Lang;
}

export interface SuggestMenuId {
  kind: "suggest";
  lang: Lang;
  /** The look-up was asked with `hide`, so the chosen answer stays private too. */
  hidden: boolean;
}

export type ComponentId = SourceButtonId | SuggestMenuId;

export function sourceButtonId(paragraph: number, lang: Lang): string {
  return `source:${paragraph}:${lang}`;
}

export function suggestMenuId(lang: Lang, hidden: boolean): string {
  return hidden ? `suggest:${lang}:hide` : `suggest:${lang}`;
}

/** `undefined` for anything this bot did not make, or made by an older version. */
export function parseComponentId(customId: string): ComponentId | undefined {
  const source = /^source:(\d{1,3}):(en|ar)$/.exec(customId);
  if (source?.[1] && source[2]) {
    return { kind: "source", paragraph: Number(source[1]), lang: source[2] as Lang };
  }
  const suggest = /^suggest:(en|ar)(:hide)?$/.exec(customId);
  if (suggest?.[1]) {
    return { kind: "suggest", lang: suggest[1] as Lang, hidden: suggest[2] !== undefined };
  }
  return undefined;
}
