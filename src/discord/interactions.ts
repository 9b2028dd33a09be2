import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  RepliableInteraction,
  StringSelectMenuInteraction,
} from "discord.js";
import type { AutocompleteChoice } from "../engine/types.ts";
import { type Command, type CommandContext, InvalidOptionError } from "./command.ts";
import { parseComponentId } from "./custom-ids.ts";
import { escapeUserText } from "./escape.ts";
import { DISCORD_LIMITS, truncate } from "./limits.ts";
import { type Cooldowns, describeWait } from "./rate-limit.ts";
import { isPrivateResult, renderAnswer } from "./render.ts";
import { describeInteraction, type ReplyPayload, sendReply } from "./reply.ts";

export interface InteractionContext extends CommandContext {
  commands: ReadonlyMap<string, Command>;
  cooldowns: Cooldowns;
}

const FAILURE_MESSAGE =
  "Sorry, something went wrong while answering. It has been logged; please try again in a moment.";
const STALE_COMPONENT_MESSAGE =
  "This button or menu is from an older version of the bot. Run the command again.";
const BUSY_CHANNEL_NOTE = "This channel is busy, so only you can see this answer.";

/** discord.js errors for an option that is missing or of the wrong type. */
const OPTION_ERROR_CODES = new Set([
  "CommandInteractionOptionNotFound",
  "CommandInteractionOptionType",
  "CommandInteractionOptionEmpty",
  "CommandInteractionOptionNoSubcommand",
  "CommandInteractionOptionNoSubcommandGroup",
  "AutocompleteInteractionOptionNoFocusedOption",
]);

/**
 * Routes every interaction: slash commands, autocomplete, source buttons and "did you mean"
 * menus. Never rejects: whatever goes wrong is logged with the command and user, and the user
 * gets a readable ephemeral message.
 */
export async function handleInteraction(
  interaction: Interaction,
  context: InteractionContext,
): Promise<void> {
  if (interaction.isAutocomplete()) {
    await answerAutocomplete(interaction, context);
    return;
  }
  if (!interaction.isRepliable()) return;
  try {
    if (interaction.isChatInputCommand()) await runCommand(interaction, context);
    else if (interaction.isButton()) await openSourceButton(interaction, context);
    else if (interaction.isStringSelectMenu()) await chooseSuggestion(interaction, context);
    else await replyStale(interaction, context);
  } catch (error) {
    await reportFailure(interaction, error, context);
  }
}

/** A component this bot no longer understands (or never made): say so instead of failing silently. */
async function replyStale(interaction: RepliableInteraction, context: InteractionContext) {
  await sendReply(
    interaction,
    { content: STALE_COMPONENT_MESSAGE, ephemeral: true },
    context.logger,
  );
}

async function runCommand(
  interaction: ChatInputCommandInteraction,
  context: InteractionContext,
): Promise<void> {
  const command = context.commands.get(interaction.commandName);
  if (!command) {
    context.logger.warn("unknown command", {
      command: interaction.commandName,
      userId: interaction.user.id,
    });
    const name = escapeUserText(truncate(interaction.commandName, DISCORD_LIMITS.commandName));
    await sendReply(
      interaction,
      { content: `I don't know the command \`/${name}\`. Try /help.`, ephemeral: true },
      context.logger,
    );
    return;
  }
  if (await refuseIfUserLimited(interaction, context)) return;
  const payload = command.execute(interaction, context);
  await deliver(interaction, payload, context);
}

async function openSourceButton(interaction: ButtonInteraction, context: InteractionContext) {
  const id = parseComponentId(interaction.customId);
  if (id?.kind !== "source") {
    await replyStale(interaction, context);
    return;
  }
  if (await refuseIfUserLimited(interaction, context)) return;
  const result = context.engine.source(String(id.paragraph), { lang: id.lang });
  const rendered = renderAnswer(result, { sourceButtons: false, hidden: true });
  await sendReply(interaction, { ...rendered, ephemeral: true }, context.logger);
}

async function chooseSuggestion(
  interaction: StringSelectMenuInteraction,
  context: InteractionContext,
) {
  const id = parseComponentId(interaction.customId);
  const ref = interaction.values[0];
  if (id?.kind !== "suggest" || ref === undefined) {
    await replyStale(interaction, context);
    return;
  }
  if (await refuseIfUserLimited(interaction, context)) return;
  const result = context.engine.resolve(ref, { lang: id.lang });
  const rendered = renderAnswer(result, { hidden: id.hidden });
  await deliver(
    interaction,
    { ...rendered, ephemeral: id.hidden || isPrivateResult(result) },
    context,
  );
}

/** Sends a reply, answering privately instead when a public one would flood the channel. */
async function deliver(
  interaction: RepliableInteraction,
  payload: ReplyPayload,
  context: InteractionContext,
): Promise<void> {
  if (!payload.ephemeral && interaction.channelId) {
    const verdict = context.cooldowns.channel.take(interaction.channelId);
    if (!verdict.allowed) {
      context.logger.info("channel rate limited; answering privately", {
        channelId: interaction.channelId,
        userId: interaction.user.id,
        ...describeInteraction(interaction),
      });
      await sendReply(
        interaction,
        { ...payload, content: BUSY_CHANNEL_NOTE, ephemeral: true },
        context.logger,
      );
      return;
    }
  }
  await sendReply(interaction, payload, context.logger);
}

/**
 * An interaction must get a response or Discord shows "interaction failed", and an
 * ephemeral notice cannot flood anyone, so every refused interaction gets one.
 */
async function refuseIfUserLimited(
  interaction: RepliableInteraction,
  context: InteractionContext,
): Promise<boolean> {
  const verdict = context.cooldowns.user.take(interaction.user.id);
  if (verdict.allowed) return false;
  if (verdict.notify) {
    context.logger.info("user rate limited", {
      userId: interaction.user.id,
      ...describeInteraction(interaction),
    });
  }
  await sendReply(
    interaction,
    {
      content: `⏳ You're asking faster than I answer. Try again in ${describeWait(verdict.retryAfterMs)}.`,
      ephemeral: true,
    },
    context.logger,
  );
  return true;
}

async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  context: InteractionContext,
): Promise<void> {
  let choices: AutocompleteChoice[] = [];
  try {
    const command = context.commands.get(interaction.commandName);
    choices = fitChoices(command?.autocomplete?.(interaction, context) ?? []);
  } catch (error) {
    context.logger.error("autocomplete failed", {
      error,
      command: interaction.commandName,
      userId: interaction.user.id,
    });
  }
  try {
    await interaction.respond(choices);
  } catch (error) {
    // Usually the user typed on and Discord expired this request; nothing to tell them.
    context.logger.warn("could not send autocomplete choices", {
      error,
      command: interaction.commandName,
      userId: interaction.user.id,
    });
  }
}

/**
 * Discord rejects the whole response for one oversized or duplicate choice; a value cannot be
 * shortened without changing what it means, so such a choice is dropped rather than clipped.
 */
export function fitChoices(choices: readonly AutocompleteChoice[]): AutocompleteChoice[] {
  const seen = new Set<string>();
  const fitted: AutocompleteChoice[] = [];
  for (const choice of choices) {
    const value = choice.value;
    if (value === "" || value.length > DISCORD_LIMITS.autocompleteChoiceValue || seen.has(value)) {
      continue;
    }
    seen.add(value);
    const name = truncate(choice.name.trim() || value, DISCORD_LIMITS.autocompleteChoiceName);
    fitted.push({ name, value });
    if (fitted.length === DISCORD_LIMITS.autocompleteChoices) break;
  }
  return fitted;
}

async function reportFailure(
  interaction: RepliableInteraction,
  error: unknown,
  context: InteractionContext,
): Promise<void> {
  const optionProblem = describeOptionProblem(error);
  const fields = { userId: interaction.user.id, ...describeInteraction(interaction) };
  if (optionProblem) {
    context.logger.warn("invalid option", { ...fields, reason: optionProblem });
  } else {
    context.logger.error("interaction failed", { ...fields, error });
  }
  await sendReply(
    interaction,
    { content: optionProblem ?? FAILURE_MESSAGE, ephemeral: true },
    context.logger,
  );
}

function describeOptionProblem(error: unknown): string | undefined {
  if (error instanceof InvalidOptionError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && OPTION_ERROR_CODES.has(code)) {
    return "An option of this command is missing or malformed. Check the command and try again, or see /help.";
  }
  return undefined;
}
