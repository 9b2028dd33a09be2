import { type Command, InvalidOptionError } from "../src/discord/command.ts";
import { isPrivateResult, renderAnswer } from "../src/discord/render.ts";
import { PARAGRAPH_COUNT } from "../src/knowledge/schema.ts";
import { newCommand, readHide, readLang, withCommonOptions } from "./options.ts";

const data = withCommonOptions(
  newCommand("source", "The full paragraph of the article and its translation").addIntegerOption(
    (option) =>
      option
        .setName("paragraph")
        .setDescription(`Paragraph number, 1 to ${PARAGRAPH_COUNT}`)
        .setRequired(true)
        .setMinValue(1)
        .setMaxValue(PARAGRAPH_COUNT),
  ),
);

export const sourceCommand = {
  data,
  execute(interaction, { engine }) {
    const paragraph = interaction.options.getInteger("paragraph");
    if (paragraph === null) throw new InvalidOptionError("The `paragraph` option is required.");
    const hide = readHide(interaction);
    const result = engine.source(String(paragraph), { lang: readLang(interaction) });
    // The answer is the paragraph itself, so a button to open it would only repeat it.
    const rendered = renderAnswer(result, { sourceButtons: false, hidden: hide });
    return { ...rendered, ephemeral: hide || isPrivateResult(result) };
  },
} satisfies Command;
