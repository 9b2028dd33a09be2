import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APISelectMenuOption,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { AnswerCitation, EngineResult, Lang, Status, Suggestion } from "../engine/types.ts";
import { sourceButtonId, suggestMenuId } from "./custom-ids.ts";
import { escapeUserText } from "./escape.ts";
import { DISCORD_LIMITS, truncateText } from "./limits.ts";

/**
 * The Discord renderer: pure functions from the engine's plain data to message payloads.
 * The engine returns plain text, so everything it says is escaped here and the only markdown
 * in a message is the renderer's own.
 */

export type MessageRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface RenderedAnswer {
  embeds: APIEmbed[];
  components: MessageRow[];
}

export interface RenderOptions {
  /** A button per cited paragraph; off for /source, whose answer is the paragraph itself. */
  sourceButtons?: boolean;
  /** The look-up was hidden, so a choice from its "did you mean" menu stays hidden too. */
  hidden?: boolean;
}

interface Wording {
  footer: string;
  shortened: string;
  moreCitations: string;
  moreCitationsHint: string;
  didYouMean: string;
  fallbackTitle: string;
}

const WORDING: Record<Lang, Wording> = {
  en: {
    footer:
      "Source: AP, Jan 2025 — Musk clashes with OpenAI CEO Sam Altman over Stargate (Arabic translation)",
    shortened: "Shortened to fit Discord",
    moreCitations: "More citations",
    moreCitationsHint: "open them with /source",
    didYouMean: "Did you mean…",
    fallbackTitle: "Story Desk",
  },
  ar: {
    footer:
      "المصدر: أسوشيتد برس، يناير 2025 — ماسك يتصادم مع سام ألتمان، الرئيس التنفيذي لـ OpenAI، بشأن Stargate (ترجمة عربية)",
    shortened: "اختُصر ليتسع في ديسكورد",
    moreCitations: "مزيد من الاستشهادات",
    moreCitationsHint: "اعرضها بالأمر /source",
    didYouMean: "هل تقصد…",
    fallbackTitle: "Story Desk",
  },
};

const STATUS_COLOURS: Record<Status, number> = {
  answered: 0x2b6cb0,
  ambiguous: 0xd69e2e,
  no_match: 0xd69e2e,
  invalid: 0xc53030,
};

/** Below this, the answer itself would be lost; citations beyond it are listed instead. */
const DESCRIPTION_FLOOR = 1500;
/** Room kept for the "more citations" field when some do not fit. */
const OVERFLOW_FIELD_RESERVE = 200;
const OVERFLOW_VALUE_MAX = 150;
const FOOTER_SEPARATOR = " · ";

/** Whether a result belongs in an ephemeral reply: a miss or an error is only for the asker. */
export function isPrivateResult(result: EngineResult): boolean {
  return result.status !== "answered";
}

/** The embed, buttons and menu for one engine result; never throws and respects every limit. */
export function renderAnswer(result: EngineResult, options: RenderOptions = {}): RenderedAnswer {
  const embed = renderAnswerEmbed(result);
  const rows: MessageRow[] = [];
  const menu = result.status === "answered" ? undefined : renderSuggestionMenu(result, options);
  if (options.sourceButtons !== false) {
    const maxButtonRows = DISCORD_LIMITS.actionRows - (menu ? 1 : 0);
    rows.push(...renderSourceButtons(result.citations, result.lang, maxButtonRows));
  }
  if (menu) rows.push({ type: ComponentType.ActionRow, components: [menu] });
  return { embeds: [embed], components: rows };
}

/**
 * The answer as one embed: title, answer text, a `¶N` field per citation (Arabic, plus its
 * translation for English readers) and a footer naming the article. The cli can print the
 * same object.
 */
export function renderAnswerEmbed(result: EngineResult): APIEmbed {
  const wording = WORDING[result.lang];
  const title = truncateText(
    escapeUserText(result.title.trim()) || wording.fallbackTitle,
    DISCORD_LIMITS.embedTitle,
  );
  const body = result.status === "invalid" ? (result.error ?? result.text) : result.text;
  let description = truncateText(escapeUserText(body.trim()), DISCORD_LIMITS.embedDescription);

  const citationFields = result.citations.map((citation) =>
    renderCitationField(citation, result.lang),
  );
  let truncated =
    title.truncated || description.truncated || citationFields.some((f) => f.truncated);

  let shown = citationFields.map((field) => field.field);
  let omitted: AnswerCitation[] = [];
  if (shown.length > DISCORD_LIMITS.embedFields) {
    shown = shown.slice(0, DISCORD_LIMITS.embedFields - 1);
    omitted = result.citations.slice(shown.length);
  }

  const longestFooter = `${wording.footer}${FOOTER_SEPARATOR}${wording.shortened}`;
  const fixedLength = title.text.length + longestFooter.length;
  const fieldsLength = () =>
    shown.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const reserve = () => (omitted.length > 0 ? OVERFLOW_FIELD_RESERVE : 0);
  const total = () => fixedLength + description.text.length + fieldsLength() + reserve();

  if (total() > DISCORD_LIMITS.embedTotal) {
    const room = DISCORD_LIMITS.embedTotal - fixedLength - fieldsLength() - OVERFLOW_FIELD_RESERVE;
    const descriptionMax = Math.min(
      DISCORD_LIMITS.embedDescription,
      Math.max(DESCRIPTION_FLOOR, room),
    );
    const shorter = truncateText(description.text, descriptionMax);
    description = { text: shorter.text, truncated: description.truncated || shorter.truncated };
    truncated ||= shorter.truncated;
    while (total() > DISCORD_LIMITS.embedTotal && shown.length > 0) {
      shown = shown.slice(0, -1);
      omitted = result.citations.slice(shown.length);
    }
  }
  if (omitted.length > 0) {
    truncated = true;
    shown = [...shown, renderOverflowField(omitted, wording)];
  }

  const embed: APIEmbed = {
    title: title.text,
    color: STATUS_COLOURS[result.status],
    footer: { text: truncated ? longestFooter : wording.footer },
  };
  if (description.text !== "") embed.description = description.text;
  if (shown.length > 0) embed.fields = shown;
  return embed;
}

function renderCitationField(
  citation: AnswerCitation,
  lang: Lang,
): { field: APIEmbedField; truncated: boolean } {
  const arabic = escapeUserText(oneLine(citation.text));
  const translation =
    lang === "en" && citation.translation ? escapeUserText(oneLine(citation.translation)) : "";
  const name = `¶${citation.paragraph}`;
  if (translation === "") {
    const quoted = truncateText(arabic, DISCORD_LIMITS.embedFieldValue - 2);
    return { field: { name, value: `> ${quoted.text}` }, truncated: quoted.truncated };
  }
  const available = DISCORD_LIMITS.embedFieldValue - "> \n**".length;
  const [arabicMax, translationMax] = shareBudget(arabic.length, translation.length, available);
  const quoted = truncateText(arabic, arabicMax);
  const rendered = truncateText(translation, translationMax);
  return {
    field: { name, value: `> ${quoted.text}\n*${rendered.text}*` },
    truncated: quoted.truncated || rendered.truncated,
  };
}

/** Splits a budget between two texts so that the shorter one is never cut to make room. */
function shareBudget(first: number, second: number, budget: number): [number, number] {
  if (first + second <= budget) return [first, second];
  const half = Math.floor(budget / 2);
  if (first <= half) return [first, budget - first];
  if (second <= half) return [budget - second, second];
  return [half, budget - half];
}

function renderOverflowField(omitted: readonly AnswerCitation[], wording: Wording): APIEmbedField {
  const paragraphs = [...new Set(omitted.map((citation) => `¶${citation.paragraph}`))].join(", ");
  const value = truncateText(`${paragraphs} — ${wording.moreCitationsHint}`, OVERFLOW_VALUE_MAX);
  return { name: wording.moreCitations, value: value.text };
}

function renderSourceButtons(
  citations: readonly AnswerCitation[],
  lang: Lang,
  maxRows: number,
): MessageRow[] {
  const paragraphs = [...new Set(citations.map((citation) => citation.paragraph))].slice(
    0,
    maxRows * DISCORD_LIMITS.buttonsPerRow,
  );
  const rows: MessageRow[] = [];
  for (let start = 0; start < paragraphs.length; start += DISCORD_LIMITS.buttonsPerRow) {
    const buttons = paragraphs.slice(start, start + DISCORD_LIMITS.buttonsPerRow).map(
      (paragraph): APIButtonComponentWithCustomId => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: `¶${paragraph}`,
        custom_id: sourceButtonId(paragraph, lang),
      }),
    );
    rows.push({ type: ComponentType.ActionRow, components: buttons });
  }
  return rows;
}

function renderSuggestionMenu(
  result: EngineResult,
  options: RenderOptions,
): APIStringSelectComponent | undefined {
  const suggestions = uniqueSuggestions(result.suggestions).slice(0, DISCORD_LIMITS.selectOptions);
  if (suggestions.length === 0) return undefined;
  const menuOptions = suggestions.map(
    (suggestion): APISelectMenuOption => ({
      label: truncateText(
        oneLine(suggestion.label).trim() || suggestion.ref,
        DISCORD_LIMITS.selectOptionLabel,
      ).text,
      value: suggestion.ref,
    }),
  );
  return {
    type: ComponentType.StringSelect,
    custom_id: suggestMenuId(result.lang, options.hidden === true),
    placeholder: WORDING[result.lang].didYouMean,
    min_values: 1,
    max_values: 1,
    options: menuOptions,
  };
}

/** Discord rejects a menu with duplicate values, and a ref it cannot carry cannot be resolved. */
function uniqueSuggestions(suggestions: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return suggestions.filter((suggestion) => {
    const usable =
      suggestion.ref.length > 0 &&
      suggestion.ref.length <= DISCORD_LIMITS.selectOptionValue &&
      !seen.has(suggestion.ref);
    seen.add(suggestion.ref);
    return usable;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
