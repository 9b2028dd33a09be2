import type { JsonObject } from "./payloads.ts";

/** A Discord-style error response. */
export interface DiscordError {
  status: number;
  body: { code: number; message: string; errors?: JsonObject };
}

/** Builds a Discord-style error reply. */
export function discordError(status: number, code: number, message: string): DiscordError {
  return { status, body: { code, message } };
}

function formError(path: string, errorCode: string, message: string): DiscordError {
  // Discord nests errors by the path of the offending field, e.g. embeds.0.description.
  const errors: JsonObject = {};
  let cursor = errors;
  for (const key of path.split(".")) {
    const next: JsonObject = {};
    cursor[key] = next;
    cursor = next;
  }
  cursor._errors = [{ code: errorCode, message }];
  return { status: 400, body: { code: 50035, message: "Invalid Form Body", errors } };
}

function tooLong(path: string, max: number): DiscordError {
  return formError(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function textLength(value: unknown): number {
  return typeof value === "string" ? [...value].length : 0;
}

/**
 * Applies the message limits Discord enforces server side and discord.js does not check, so
 * that a bot quoting long passages fails in tests the way it would in production.
 *
 * @param body - a message create/edit body (channel message, interaction response, webhook)
 * @param options.requireContent - whether an empty message is an error (true for creates)
 * @param options.fileCount - number of uploaded files, which make an otherwise empty message valid
 * @returns the error to answer with, or `undefined` when the body is acceptable
 */
export function validateMessageBody(
  body: unknown,
  options: { requireContent: boolean; fileCount: number },
): DiscordError | undefined {
  const message = isObject(body) ? body : {};
  if (textLength(message.content) > 2000) return tooLong("content", 2000);

  const embeds = Array.isArray(message.embeds) ? message.embeds : [];
  if (embeds.length > 10) return tooLong("embeds", 10);
  let total = 0;
  for (const [index, embed] of embeds.entries()) {
    if (!isObject(embed)) continue;
    const at = `embeds.${index}`;
    const limits: Array<[string, unknown, number]> = [
      ["title", embed.title, 256],
      ["description", embed.description, 4096],
      ["footer.text", isObject(embed.footer) ? embed.footer.text : undefined, 2048],
      ["author.name", isObject(embed.author) ? embed.author.name : undefined, 256],
    ];
    for (const [field, value, max] of limits) {
      if (textLength(value) > max) return tooLong(`${at}.${field}`, max);
      total += textLength(value);
    }
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > 25) return tooLong(`${at}.fields`, 25);
    for (const [fieldIndex, field] of fields.entries()) {
      if (!isObject(field)) continue;
      if (textLength(field.name) > 256) return tooLong(`${at}.fields.${fieldIndex}.name`, 256);
      if (textLength(field.value) > 1024) return tooLong(`${at}.fields.${fieldIndex}.value`, 1024);
      total += textLength(field.name) + textLength(field.value);
    }
  }
  if (total > 6000) return tooLong("embeds", 6000);

  if (options.requireContent) {
    const components = Array.isArray(message.components) ? message.components : [];
    const hasSomething =
      textLength(message.content) > 0 ||
      embeds.length > 0 ||
      components.length > 0 ||
      options.fileCount > 0 ||
      Array.isArray(message.sticker_ids) ||
      isObject(message.poll);
    if (!hasSomething) return discordError(400, 50006, "Cannot send an empty message");
  }
  return undefined;
}

/** Applies Discord's autocomplete limits: at most 25 choices, names and string values 1-100. */
export function validateAutocompleteChoices(data: unknown): DiscordError | undefined {
  const choices = isObject(data) && Array.isArray(data.choices) ? data.choices : undefined;
  if (choices === undefined) {
    return formError("data.choices", "BASE_TYPE_REQUIRED", "This field is required");
  }
  if (choices.length > 25) return tooLong("data.choices", 25);
  for (const [index, choice] of choices.entries()) {
    if (!isObject(choice)) continue;
    const name = textLength(choice.name);
    if (name < 1 || name > 100) {
      return formError(
        `data.choices.${index}.name`,
        "BASE_TYPE_BAD_LENGTH",
        "Must be between 1 and 100 in length.",
      );
    }
    if (typeof choice.value === "string" && textLength(choice.value) > 100) {
      return tooLong(`data.choices.${index}.value`, 100);
    }
  }
  return undefined;
}
