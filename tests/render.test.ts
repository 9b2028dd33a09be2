import type { APIEmbed } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TRUNCATION_MARK, truncateText } from "../src/discord/limits.ts";
import { isPrivateResult, renderAnswer, renderAnswerEmbed } from "../src/discord/render.ts";
import type { AnswerCitation, EngineResult } from "../src/engine/types.ts";

function result(overrides: Partial<EngineResult> = {}): EngineResult {
  return {
    status: "answered",
    lang: "en",
    title: "Elon Musk",
    text: "Tech billionaire and close Trump adviser.",
    citations: [
      {
        paragraph: 5,
        text: "لكن ماسك شكك في قيمة الاستثمار",
        translation: "But Musk questioned the investment",
      },
      { paragraph: 6, text: "كتب ماسك على منصته", translation: "Musk wrote on his platform" },
    ],
    suggestions: [],
    confidence: 1,
    ...overrides,
  };
}

/** Discord's documented limits, spelled out here so a wrong constant in limits.ts cannot hide. */
const DISCORD = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  total: 6000,
  selectOptions: 25,
  selectLabel: 100,
  actionRows: 5,
} as const;

function embedTotal(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function expectWithinLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD.title);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD.description);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD.fields);
  for (const field of embed.fields ?? []) {
    expect(field.name.length).toBeGreaterThan(0);
    expect(field.name.length).toBeLessThanOrEqual(DISCORD.fieldName);
    expect(field.value.length).toBeGreaterThan(0);
    expect(field.value.length).toBeLessThanOrEqual(DISCORD.fieldValue);
  }
  expect(embedTotal(embed)).toBeLessThanOrEqual(DISCORD.total);
}

const words = (count: number, word = "stargate") =>
  Array.from({ length: count }, () => word).join(" ");

describe("truncateText", () => {
  it("leaves text that fits alone", () => {
    expect(truncateText("Musk and Altman", 15)).toEqual({
      text: "Musk and Altman",
      truncated: false,
    });
  });

  it("cuts on a word boundary and marks the cut", () => {
    expect(truncateText("Musk clashes with Altman over Stargate", 20)).toEqual({
      text: "Musk clashes with…",
      truncated: true,
    });
  });

  it("cuts Arabic on a word boundary too", () => {
    const cut = truncateText("يتصادم إيلون ماسك مع سام ألتمان", 16);
    expect(cut.text).toBe("يتصادم إيلون…");
  });

  it("cuts inside a word only when the last space is too far back", () => {
    expect(truncateText("a verylongwordwithoutanyspaces", 12).text).toBe("a verylongw…");
  });

  it("never splits a surrogate pair or leaves a dangling escape", () => {
    expect(truncateText("abcdefgh😀xyz", 10).text).toBe("abcdefgh…");
    expect(truncateText("abcdefg\\*more text here", 9).text).toBe("abcdefg…");
  });

  it("always fits, whatever the text and budget", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 1, max: 200 }),
        (text, max) => {
          const cut = truncateText(text, max);
          expect(cut.text.length).toBeLessThanOrEqual(max);
          expect(cut.truncated).toBe(text.length > max);
          if (cut.truncated) expect(cut.text.endsWith(TRUNCATION_MARK)).toBe(true);
        },
      ),
    );
  });
});

describe("renderAnswerEmbed", () => {
  it("shows title, answer, a ¶N field per citation with Arabic and translation, and the source", () => {
    const embed = renderAnswerEmbed(result());
    expect(embed.title).toBe("Elon Musk");
    expect(embed.description).toBe("Tech billionaire and close Trump adviser.");
    expect(embed.fields).toEqual([
      {
        name: "¶5",
        value: "> لكن ماسك شكك في قيمة الاستثمار\n*But Musk questioned the investment*",
      },
      { name: "¶6", value: "> كتب ماسك على منصته\n*Musk wrote on his platform*" },
    ]);
    expect(embed.footer?.text).toBe(
      "Source: AP, Jan 2025 — Musk clashes with OpenAI CEO Sam Altman over Stargate (Arabic translation)",
    );
  });

  it("gives Arabic readers the Arabic snippet without a translation, and an Arabic footer", () => {
    const embed = renderAnswerEmbed(result({ lang: "ar", title: "إيلون ماسك" }));
    expect(embed.fields?.[0]).toEqual({ name: "¶5", value: "> لكن ماسك شكك في قيمة الاستثمار" });
    expect(embed.footer?.text.startsWith("المصدر: أسوشيتد برس")).toBe(true);
  });

  it("shows the error of an invalid request", () => {
    const embed = renderAnswerEmbed(
      result({
        status: "invalid",
        title: "Invalid paragraph",
        text: "",
        citations: [],
        error: "Pick 1 to 23.",
      }),
    );
    expect(embed.description).toBe("Pick 1 to 23.");
    expect(embed.fields).toBeUndefined();
  });

  it("escapes markdown and breaks mentions in what it shows", () => {
    const embed = renderAnswerEmbed(
      result({
        title: "@everyone **look**",
        text: "Ask <@123456789012345678> or [click](https://example.com)",
      }),
    );
    expect(embed.title).toBe("@\u200beveryone \\*\\*look\\*\\*");
    expect(embed.description).not.toContain("<@1");
    expect(embed.description).toContain("\\[click](");
  });

  it("respects every limit for huge text and many citations, keeps citation order and says it cut", () => {
    const citations: AnswerCitation[] = Array.from({ length: 40 }, (_, index) => ({
      paragraph: (index % 23) + 1,
      text: words(300, "ستارغيت"),
      translation: words(300),
    }));
    const embed = renderAnswerEmbed(result({ title: words(100), text: words(2000), citations }));
    expectWithinLimits(embed);
    expect(embed.title?.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(embed.description?.endsWith(TRUNCATION_MARK)).toBe(true);
    expect(embed.footer?.text).toContain("Shortened to fit Discord");
    const fields = embed.fields ?? [];
    const cited = fields.slice(0, -1).map((field) => field.name);
    expect(cited).toEqual(
      citations.slice(0, cited.length).map((citation) => `¶${citation.paragraph}`),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(fields.at(-1)?.name).toBe("More citations");
    expect(fields.at(-1)?.value).toContain("/source");
  });

  it("lists citations beyond 25 fields in a final field instead of dropping them silently", () => {
    const citations = Array.from({ length: 30 }, (_, index) => ({
      paragraph: (index % 23) + 1,
      text: "نص",
    }));
    const embed = renderAnswerEmbed(result({ lang: "ar", citations }));
    expectWithinLimits(embed);
    expect(embed.fields).toHaveLength(DISCORD.fields);
    expect(embed.fields?.[23]?.name).toBe("¶1");
    expect(embed.fields?.[24]?.value).toContain("¶2, ¶3, ¶4");
  });

  it("never throws and always fits, whatever the engine returns", () => {
    const citation = fc.record({
      paragraph: fc.integer({ min: 1, max: 23 }),
      text: fc.string({ maxLength: 1500 }),
      translation: fc.option(fc.string({ maxLength: 1500 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.record({
          status: fc.constantFrom("answered", "ambiguous", "no_match", "invalid" as const),
          lang: fc.constantFrom("en", "ar" as const),
          title: fc.string({ maxLength: 400 }),
          text: fc.string({ maxLength: 6000 }),
          citations: fc.array(citation, { maxLength: 30 }),
        }),
        (generated) => {
          const citations = generated.citations.map(({ translation, ...rest }) =>
            translation === undefined ? rest : { ...rest, translation },
          );
          const rendered = renderAnswer(result({ ...generated, citations }));
          for (const embed of rendered.embeds) expectWithinLimits(embed);
          expect(rendered.components.length).toBeLessThanOrEqual(DISCORD.actionRows);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("renderAnswer", () => {
  it("puts one button per cited paragraph under the answer, in citation order, without repeats", () => {
    const rendered = renderAnswer(
      result({
        citations: [
          { paragraph: 6, text: "أ" },
          { paragraph: 2, text: "ب" },
          { paragraph: 6, text: "ج" },
        ],
      }),
    );
    expect(rendered.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: "¶6", custom_id: "source:6:en" },
          { type: 2, style: 2, label: "¶2", custom_id: "source:2:en" },
        ],
      },
    ]);
  });

  it("wraps buttons at five per row", () => {
    const citations = Array.from({ length: 12 }, (_, index) => ({
      paragraph: index + 1,
      text: "نص",
    }));
    const rows = renderAnswer(result({ citations })).components;
    expect(rows.map((row) => row.components.length)).toEqual([5, 5, 2]);
  });

  it("leaves the buttons out when asked, as for /source", () => {
    expect(renderAnswer(result(), { sourceButtons: false }).components).toEqual([]);
  });

  it("offers a did-you-mean menu for a miss, with unique refs and clipped labels", () => {
    const rendered = renderAnswer(
      result({
        status: "ambiguous",
        lang: "ar",
        citations: [],
        confidence: 0,
        suggestions: [
          { ref: "entity:musk", label: "إيلون ماسك" },
          { ref: "entity:musk", label: "duplicate" },
          { ref: "entity:altman", label: words(50) },
          { ref: "x".repeat(101), label: "ref too long for Discord" },
        ],
      }),
      { hidden: true },
    );
    expect(rendered.components).toHaveLength(1);
    const menu = rendered.components[0]?.components[0];
    expect(menu).toMatchObject({
      type: 3,
      custom_id: "suggest:ar:hide",
      min_values: 1,
      max_values: 1,
    });
    const options = (menu as { options: { label: string; value: string }[] }).options;
    expect(options.map((option) => option.value)).toEqual(["entity:musk", "entity:altman"]);
    expect(options[1]?.label.length).toBeLessThanOrEqual(DISCORD.selectLabel);
    expect(options[1]?.label.endsWith(TRUNCATION_MARK)).toBe(true);
  });

  it("caps the menu at 25 options", () => {
    const suggestions = Array.from({ length: 40 }, (_, index) => ({
      ref: `faq:q${index}`,
      label: `Q${index}`,
    }));
    const rendered = renderAnswer(result({ status: "no_match", citations: [], suggestions }));
    const menu = rendered.components[0]?.components[0] as { options: unknown[]; custom_id: string };
    expect(menu.options).toHaveLength(DISCORD.selectOptions);
    expect(menu.custom_id).toBe("suggest:en");
  });

  it("keeps a miss or an error private and an answer public", () => {
    expect(isPrivateResult(result())).toBe(false);
    expect(isPrivateResult(result({ status: "ambiguous" }))).toBe(true);
    expect(isPrivateResult(result({ status: "no_match" }))).toBe(true);
    expect(isPrivateResult(result({ status: "invalid" }))).toBe(true);
  });
});
