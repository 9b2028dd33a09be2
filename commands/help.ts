import type { APIEmbed } from "discord.js";
import type { Command } from "../src/discord/command.ts";
import type { Lang } from "../src/engine/types.ts";
import { newCommand, readHide, readLang, withCommonOptions } from "./options.ts";

const data = withCommonOptions(newCommand("help", "How to use Story Desk, with examples"));

const HELP: Record<Lang, APIEmbed> = {
  en: {
    title: "Story Desk: ask about one news story",
    description:
      "I answer questions about the AP story of January 2025 on Elon Musk and Sam Altman clashing over Stargate, read in its Arabic translation. Every answer cites the paragraphs it comes from.",
    fields: [
      {
        name: "/who name",
        value: "A person or organisation in the story.\nExample: `/who name:Sam Altman`",
      },
      {
        name: "/quote speaker",
        value: "What someone said, verbatim Arabic and in English.\nExample: `/quote speaker:Musk`",
      },
      {
        name: "/ask question",
        value:
          "Any question about the story.\nExample: `/ask question:How much will Stargate invest?`",
      },
      {
        name: "/source paragraph",
        value: "A whole paragraph and its translation.\nExample: `/source paragraph:6`",
      },
      { name: "/timeline", value: "The dated events, in order." },
      {
        name: "Options",
        value:
          "`hide:True` shows the answer to you only. `language` picks English or Arabic; by default you get the language you typed in.",
      },
      {
        name: "In a channel",
        value: "Mention me with a question: `@Story Desk who is Masayoshi Son?`",
      },
    ],
  },
  ar: {
    title: "Story Desk: اسأل عن خبر واحد",
    description:
      "أجيب عن أسئلة حول خبر أسوشيتد برس (يناير 2025) عن الخلاف بين إيلون ماسك وسام ألتمان بشأن مشروع Stargate، في ترجمته العربية. كل إجابة تستشهد بفقرات الخبر.",
    fields: [
      { name: "/who name", value: "شخص أو جهة في الخبر.\nمثال: `/who name:ألتمان`" },
      {
        name: "/quote speaker",
        value: "ما قاله أحدهم، بنصه العربي وترجمته.\nمثال: `/quote speaker:ماسك`",
      },
      {
        name: "/ask question",
        value: "أي سؤال عن الخبر.\nمثال: `/ask question:كم سيستثمر مشروع Stargate؟`",
      },
      { name: "/source paragraph", value: "فقرة كاملة وترجمتها.\nمثال: `/source paragraph:6`" },
      { name: "/timeline", value: "الأحداث المؤرخة بترتيبها." },
      {
        name: "خيارات",
        value: "`hide:True` يجعل الإجابة مرئية لك وحدك. `language` يختار العربية أو الإنجليزية.",
      },
      { name: "في القناة", value: "اذكرني مع سؤالك: `@Story Desk من هو ماسايوشي سون؟`" },
    ],
  },
};

export const helpCommand = {
  data,
  execute(interaction) {
    return { embeds: [HELP[readLang(interaction)]], ephemeral: readHide(interaction) };
  },
} satisfies Command;
