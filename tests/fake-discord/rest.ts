import type { IncomingMessage, ServerResponse } from "node:http";
import { nextSnowflake } from "./ids.ts";
import {
  channelPayload,
  guildCreatePayload,
  type JsonObject,
  memberPayload,
  messagePayload,
  userPayload,
} from "./payloads.ts";
import type { RecordLog } from "./recorder.ts";
import {
  type DiscordError,
  discordError,
  validateAutocompleteChoices,
  validateMessageBody,
} from "./validate.ts";
import { findUser, type KnownInteraction, type World } from "./world.ts";

/** A file part of a multipart request. */
export interface RecordedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The file's bytes decoded as UTF-8, for asserting on small text attachments. */
  text: string;
}

/** One REST request the fake received, with what it answered. */
export interface RecordedRequest {
  method: string;
  /** Decoded pathname as received, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  /** `path` without the `/api/vN` prefix, e.g. `/webhooks/1/tok/messages/@original`. */
  route: string;
  query: Record<string, string>;
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; undefined if empty. */
  body: unknown;
  files: RecordedFile[];
  /** HTTP status the fake answered with. */
  status: number;
  /** Body the fake answered with (undefined for 204). */
  response: unknown;
  /** `Date.now()` when the request arrived. */
  at: number;
}

/** A canned answer installed by {@link RestOverride}. */
export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Replaces the fake's answer for matching requests, e.g. to simulate a 500 or a 429. */
export interface RestOverride {
  match: (request: Omit<RecordedRequest, "status" | "response">) => boolean;
  respond:
    | CannedResponse
    | ((request: Omit<RecordedRequest, "status" | "response">) => CannedResponse);
  /** How many more requests it applies to; `Infinity` for all. */
  remaining: number;
}

/** What the REST handler needs besides the world. */
export interface RestContext {
  world: World;
  requests: RecordLog<RecordedRequest>;
  overrides: RestOverride[];
  gatewayUrl: () => string;
}

type Incoming = Omit<RecordedRequest, "status" | "response">;
type Reply = CannedResponse;
type Params = Record<string, string>;
type Handler = (ctx: RestContext, params: Params, request: Incoming) => Reply;

const noContent: Reply = { status: 204 };
const ok = (body: unknown): Reply => ({ status: 200, body });
const fail = (error: DiscordError): Reply => ({ status: error.status, body: error.body });

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function bodyObject(request: Incoming): JsonObject {
  return isObject(request.body) ? request.body : {};
}

function attachmentsFrom(request: Incoming): JsonObject[] {
  return request.files.map((file) => ({
    id: nextSnowflake(),
    filename: file.filename,
    size: file.size,
    url: `https://cdn.discordapp.invalid/attachments/${file.filename}`,
    proxy_url: `https://media.discordapp.invalid/attachments/${file.filename}`,
    content_type: file.contentType,
  }));
}

/** Copies the editable message fields of a request body onto a stored message. */
function applyMessageEdit(message: JsonObject, request: Incoming): JsonObject {
  const body = bodyObject(request);
  for (const key of ["content", "embeds", "components", "allowed_mentions", "poll"] as const) {
    if (key in body) message[key] = body[key];
  }
  if (typeof body.flags === "number") {
    // The loading flag (128) goes away once a deferred response is edited.
    message.flags = body.flags & ~128;
  } else if (typeof message.flags === "number") {
    message.flags &= ~128;
  }
  if (request.files.length > 0 || "attachments" in body) {
    message.attachments = attachmentsFrom(request);
  }
  message.edited_timestamp = new Date().toISOString();
  return message;
}

function findChannel(world: World, channelId: string) {
  for (const guild of world.guilds) {
    const index = guild.channels.findIndex((c) => c.id === channelId);
    const channel = guild.channels[index];
    if (channel) return { guild, channel, index };
  }
  return undefined;
}

function commandList(ctx: RestContext, guildId: string | undefined): JsonObject[] {
  if (guildId === undefined) return ctx.world.globalCommands;
  let list = ctx.world.guildCommands.get(guildId);
  if (!list) {
    list = [];
    ctx.world.guildCommands.set(guildId, list);
  }
  return list;
}

/** Turns a command body into the stored command object Discord returns. */
function storeCommand(
  ctx: RestContext,
  body: JsonObject,
  guildId: string | undefined,
  existing: JsonObject | undefined,
): JsonObject {
  const command: JsonObject = {
    type: 1,
    description: "",
    options: [],
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    name_localizations: null,
    description_localizations: null,
    ...existing,
    ...body,
    id: existing?.id ?? nextSnowflake(),
    application_id: ctx.world.applicationId,
    version: nextSnowflake(),
  };
  if (guildId !== undefined) command.guild_id = guildId;
  return command;
}

function checkApplication(ctx: RestContext, params: Params): Reply | undefined {
  if (params.app === ctx.world.applicationId) return undefined;
  return fail(discordError(404, 10002, "Unknown Application"));
}

function listCommands(ctx: RestContext, params: Params): Reply {
  return checkApplication(ctx, params) ?? ok(commandList(ctx, params.guild));
}

function putCommands(ctx: RestContext, params: Params, request: Incoming): Reply {
  const bad = checkApplication(ctx, params);
  if (bad) return bad;
  if (!Array.isArray(request.body)) {
    return fail(discordError(400, 50035, "Invalid Form Body"));
  }
  const list = commandList(ctx, params.guild);
  const next = request.body.filter(isObject).map((body) =>
    storeCommand(
      ctx,
      body,
      params.guild,
      list.find((c) => c.name === body.name && (c.type ?? 1) === (body.type ?? 1)),
    ),
  );
  list.splice(0, list.length, ...next);
  return ok(next);
}

function createCommand(ctx: RestContext, params: Params, request: Incoming): Reply {
  const bad = checkApplication(ctx, params);
  if (bad) return bad;
  const body = bodyObject(request);
  const list = commandList(ctx, params.guild);
  const index = list.findIndex((c) => c.name === body.name);
  const command = storeCommand(ctx, body, params.guild, list[index]);
  if (index >= 0) list[index] = command;
  else list.push(command);
  return { status: index >= 0 ? 200 : 201, body: command };
}

function singleCommand(ctx: RestContext, params: Params, request: Incoming): Reply {
  const bad = checkApplication(ctx, params);
  if (bad) return bad;
  const list = commandList(ctx, params.guild);
  const index = list.findIndex((c) => c.id === params.command);
  const existing = list[index];
  if (!existing) return fail(discordError(404, 10063, "Unknown application command"));
  if (request.method === "GET") return ok(existing);
  if (request.method === "DELETE") {
    list.splice(index, 1);
    return noContent;
  }
  const updated = storeCommand(ctx, bodyObject(request), params.guild, existing);
  list[index] = updated;
  return ok(updated);
}

function interactionFor(ctx: RestContext, id: string | undefined, token: string | undefined) {
  for (const interaction of ctx.world.interactions.values()) {
    if ((id === undefined || interaction.id === id) && interaction.token === token) {
      return interaction;
    }
  }
  return undefined;
}

function expired(ctx: RestContext, interaction: KnownInteraction): boolean {
  const deadline = ctx.world.ackDeadlineMs;
  return deadline !== undefined && Date.now() - interaction.sentAt > deadline;
}

function interactionMessage(
  ctx: RestContext,
  interaction: KnownInteraction,
  request: Incoming,
  extra: { flags: number; type: number },
): JsonObject {
  const data = isObject(bodyObject(request).data) ? (bodyObject(request).data as JsonObject) : {};
  return messagePayload({
    channelId: interaction.channelId,
    guildId: interaction.guildId,
    author: ctx.world.botUser,
    content: typeof data.content === "string" ? data.content : "",
    embeds: Array.isArray(data.embeds) ? data.embeds : [],
    components: Array.isArray(data.components) ? data.components : [],
    attachments: attachmentsFrom(request),
    flags: extra.flags,
    type: extra.type,
    webhookId: ctx.world.applicationId,
    applicationId: ctx.world.applicationId,
  });
}

function interactionCallback(ctx: RestContext, params: Params, request: Incoming): Reply {
  const interaction = interactionFor(ctx, params.interaction, params.token);
  if (!interaction || expired(ctx, interaction)) {
    return fail(discordError(404, 10062, "Unknown interaction"));
  }
  if (interaction.acknowledged) {
    return fail(discordError(400, 40060, "Interaction has already been acknowledged."));
  }
  const body = bodyObject(request);
  const type = body.type;
  const data = isObject(body.data) ? body.data : {};
  const dataFlags = typeof data.flags === "number" ? data.flags : 0;
  const isAutocomplete = interaction.type === 4;
  const isComponent = interaction.type === 3 || interaction.type === 5;
  const invalidType = fail(
    discordError(400, 50035, `Interaction response type ${String(type)} is not valid here`),
  );

  let message: JsonObject | undefined;
  switch (type) {
    case 4: {
      if (isAutocomplete) return invalidType;
      const error = validateMessageBody(data, {
        requireContent: true,
        fileCount: request.files.length,
      });
      if (error) return fail(error);
      message = interactionMessage(ctx, interaction, request, { flags: dataFlags, type: 20 });
      break;
    }
    case 5:
      if (isAutocomplete) return invalidType;
      message = interactionMessage(ctx, interaction, request, { flags: dataFlags | 128, type: 20 });
      break;
    case 6:
    case 7: {
      if (!isComponent || !interaction.message) return invalidType;
      message = interaction.message;
      if (type === 7) {
        const error = validateMessageBody(data, {
          requireContent: false,
          fileCount: request.files.length,
        });
        if (error) return fail(error);
        applyMessageEdit(message, { ...request, body: data });
      }
      break;
    }
    case 8: {
      if (!isAutocomplete) return invalidType;
      const error = validateAutocompleteChoices(data);
      if (error) return fail(error);
      break;
    }
    case 9:
      if (isAutocomplete) return invalidType;
      break;
    default:
      return invalidType;
  }

  interaction.acknowledged = true;
  if (message) {
    ctx.world.messages.set(String(message.id), message);
    ctx.world.originalMessageIds.set(interaction.token, String(message.id));
  }
  if (request.query.with_response !== "true") return noContent;

  const flags = typeof message?.flags === "number" ? message.flags : 0;
  const callback: JsonObject = { id: interaction.id, type: interaction.type };
  if (message) {
    callback.response_message_id = message.id;
    callback.response_message_loading = (flags & 128) !== 0;
    callback.response_message_ephemeral = (flags & 64) !== 0;
  }
  const resource: JsonObject = { type };
  if (message) resource.message = message;
  return ok({ interaction: callback, resource });
}

function webhookInteraction(ctx: RestContext, params: Params): KnownInteraction | Reply {
  const interaction =
    params.app === ctx.world.applicationId
      ? interactionFor(ctx, undefined, params.token)
      : undefined;
  if (!interaction || expired(ctx, interaction)) {
    return fail(discordError(404, 10015, "Unknown Webhook"));
  }
  return interaction;
}

function webhookMessage(ctx: RestContext, params: Params, request: Incoming): Reply {
  const found = webhookInteraction(ctx, params);
  if (!("token" in found)) return found;
  const messageId =
    params.message === "@original" ? ctx.world.originalMessageIds.get(found.token) : params.message;
  const message = messageId === undefined ? undefined : ctx.world.messages.get(messageId);
  if (!message || messageId === undefined) return fail(discordError(404, 10008, "Unknown Message"));
  if (request.method === "GET") return ok(message);
  if (request.method === "DELETE") {
    ctx.world.messages.delete(messageId);
    return noContent;
  }
  const error = validateMessageBody(request.body, {
    requireContent: false,
    fileCount: request.files.length,
  });
  if (error) return fail(error);
  return ok(applyMessageEdit(message, request));
}

function executeWebhook(ctx: RestContext, params: Params, request: Incoming): Reply {
  const found = webhookInteraction(ctx, params);
  if (!("token" in found)) return found;
  // Discord only accepts follow-ups once the interaction has been acknowledged.
  if (!found.acknowledged) return fail(discordError(404, 10015, "Unknown Webhook"));
  const error = validateMessageBody(request.body, {
    requireContent: true,
    fileCount: request.files.length,
  });
  if (error) return fail(error);
  const body = bodyObject(request);
  const message = messagePayload({
    channelId: found.channelId,
    guildId: found.guildId,
    author: ctx.world.botUser,
    content: typeof body.content === "string" ? body.content : "",
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    attachments: attachmentsFrom(request),
    flags: typeof body.flags === "number" ? body.flags : 0,
    webhookId: ctx.world.applicationId,
    applicationId: ctx.world.applicationId,
  });
  ctx.world.messages.set(String(message.id), message);
  return ok(message);
}

function getChannel(ctx: RestContext, params: Params): Reply {
  const found = params.channel === undefined ? undefined : findChannel(ctx.world, params.channel);
  if (!found) return fail(discordError(404, 10003, "Unknown Channel"));
  return ok(channelPayload(found.channel, found.guild.id, found.index));
}

function createChannelMessage(ctx: RestContext, params: Params, request: Incoming): Reply {
  const found = params.channel === undefined ? undefined : findChannel(ctx.world, params.channel);
  if (!found) return fail(discordError(404, 10003, "Unknown Channel"));
  const error = validateMessageBody(request.body, {
    requireContent: true,
    fileCount: request.files.length,
  });
  if (error) return fail(error);
  const body = bodyObject(request);
  const reference = isObject(body.message_reference) ? body.message_reference : undefined;
  if (reference && reference.fail_if_not_exists !== false) {
    const referenced = ctx.world.messages.get(String(reference.message_id));
    if (!referenced) {
      return fail({
        status: 400,
        body: {
          code: 50035,
          message: "Invalid Form Body",
          errors: {
            message_reference: {
              _errors: [{ code: "REPLIES_UNKNOWN_MESSAGE", message: "Unknown message" }],
            },
          },
        },
      });
    }
  }
  const message = messagePayload({
    channelId: found.channel.id,
    guildId: found.guild.id,
    author: ctx.world.botUser,
    content: typeof body.content === "string" ? body.content : "",
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    attachments: attachmentsFrom(request),
    flags: typeof body.flags === "number" ? body.flags : 0,
    type: reference ? 19 : 0,
    messageReference: reference
      ? {
          type: 0,
          message_id: reference.message_id,
          channel_id: found.channel.id,
          guild_id: found.guild.id,
        }
      : null,
  });
  ctx.world.messages.set(String(message.id), message);
  return ok(message);
}

function channelMessage(ctx: RestContext, params: Params, request: Incoming): Reply {
  const message = params.message === undefined ? undefined : ctx.world.messages.get(params.message);
  if (!message || message.channel_id !== params.channel) {
    return fail(discordError(404, 10008, "Unknown Message"));
  }
  if (request.method === "GET") return ok(message);
  if (request.method === "DELETE") {
    ctx.world.messages.delete(String(message.id));
    return noContent;
  }
  const error = validateMessageBody(request.body, {
    requireContent: false,
    fileCount: request.files.length,
  });
  if (error) return fail(error);
  return ok(applyMessageEdit(message, request));
}

function reaction(ctx: RestContext, params: Params): Reply {
  const message = params.message === undefined ? undefined : ctx.world.messages.get(params.message);
  if (!message) return fail(discordError(404, 10008, "Unknown Message"));
  return noContent;
}

function getGuild(ctx: RestContext, params: Params): Reply {
  const guild = ctx.world.guilds.find((g) => g.id === params.guild);
  if (!guild) return fail(discordError(404, 10004, "Unknown Guild"));
  return ok(guildCreatePayload(guild, ctx.world.botUser, ctx.world.applicationId));
}

function getMember(ctx: RestContext, params: Params): Reply {
  const guild = ctx.world.guilds.find((g) => g.id === params.guild);
  const user = params.user === undefined ? undefined : findUser(ctx.world, params.user);
  const isMember =
    user !== undefined &&
    (user.id === ctx.world.botUser.id || guild?.members.some((m) => m.id === user.id) === true);
  if (!guild) return fail(discordError(404, 10004, "Unknown Guild"));
  if (!isMember) return fail(discordError(404, 10007, "Unknown Member"));
  return ok(memberPayload(user));
}

function getUser(ctx: RestContext, params: Params): Reply {
  const user = params.user === undefined ? undefined : findUser(ctx.world, params.user);
  return user ? ok(userPayload(user)) : fail(discordError(404, 10013, "Unknown User"));
}

function gatewayBot(ctx: RestContext): Reply {
  return ok({
    url: ctx.gatewayUrl(),
    shards: 1,
    session_start_limit: {
      total: 1000,
      remaining: 999,
      reset_after: 14_400_000,
      max_concurrency: 1,
    },
  });
}

function application(ctx: RestContext): Reply {
  return ok({
    id: ctx.world.applicationId,
    name: ctx.world.botUser.username,
    icon: null,
    description: "",
    summary: "",
    type: null,
    bot: userPayload(ctx.world.botUser),
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: 0,
    owner: userPayload(ctx.world.humanUser),
    team: null,
    tags: [],
    install_params: null,
    approximate_guild_count: ctx.world.guilds.length,
  });
}

const commandRoutes = (prefix: string): Array<[string, string, Handler]> => [
  ["GET", `${prefix}/commands`, listCommands],
  ["PUT", `${prefix}/commands`, putCommands],
  ["POST", `${prefix}/commands`, createCommand],
  ["GET", `${prefix}/commands/:command`, singleCommand],
  ["PATCH", `${prefix}/commands/:command`, singleCommand],
  ["DELETE", `${prefix}/commands/:command`, singleCommand],
];

/** Method, route pattern (`:name` captures one segment) and handler, first match wins. */
const ROUTES: Array<[string, string, Handler]> = [
  ["GET", "/gateway/bot", gatewayBot],
  ["GET", "/gateway", (ctx) => ok({ url: ctx.gatewayUrl() })],
  ["GET", "/users/@me", (ctx) => ok(userPayload(ctx.world.botUser))],
  ["GET", "/users/:user", getUser],
  ["GET", "/applications/@me", application],
  ["GET", "/oauth2/applications/@me", application],
  ...commandRoutes("/applications/:app/guilds/:guild"),
  ...commandRoutes("/applications/:app"),
  ["POST", "/interactions/:interaction/:token/callback", interactionCallback],
  ["GET", "/webhooks/:app/:token/messages/:message", webhookMessage],
  ["PATCH", "/webhooks/:app/:token/messages/:message", webhookMessage],
  ["DELETE", "/webhooks/:app/:token/messages/:message", webhookMessage],
  ["POST", "/webhooks/:app/:token", executeWebhook],
  ["GET", "/channels/:channel", getChannel],
  ["POST", "/channels/:channel/typing", () => noContent],
  ["POST", "/channels/:channel/messages", createChannelMessage],
  ["GET", "/channels/:channel/messages/:message", channelMessage],
  ["PATCH", "/channels/:channel/messages/:message", channelMessage],
  ["DELETE", "/channels/:channel/messages/:message", channelMessage],
  ["PUT", "/channels/:channel/messages/:message/reactions/:emoji/@me", reaction],
  ["DELETE", "/channels/:channel/messages/:message/reactions/:emoji/@me", reaction],
  ["GET", "/guilds/:guild", getGuild],
  ["GET", "/guilds/:guild/members/:user", getMember],
];

/** Matches a route against a pattern where `:name` captures one segment. */
export function matchRoute(pattern: string, route: string): Params | undefined {
  const want = pattern.split("/");
  const have = route.split("/");
  if (want.length !== have.length) return undefined;
  const params: Params = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? "";
    if (part.startsWith(":")) {
      if (actual === "") return undefined;
      params[part.slice(1)] = actual;
    } else if (part !== actual) {
      return undefined;
    }
  }
  return params;
}

function needsAuth(route: string): boolean {
  // Interaction callbacks and interaction webhooks are authorised by their token alone.
  return !route.startsWith("/interactions/") && !route.startsWith("/webhooks/");
}

function answer(ctx: RestContext, request: Incoming): Reply {
  const override = ctx.overrides.find((o) => o.remaining > 0 && o.match(request));
  if (override) {
    override.remaining -= 1;
    return typeof override.respond === "function" ? override.respond(request) : override.respond;
  }
  const token = ctx.world.token;
  if (
    token !== undefined &&
    needsAuth(request.route) &&
    request.headers.authorization !== `Bot ${token}`
  ) {
    return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
  }
  for (const [method, pattern, handler] of ROUTES) {
    if (method !== request.method) continue;
    const params = matchRoute(pattern, request.route);
    if (params) return handler(ctx, params, request);
  }
  return { status: 404, body: { message: "404: Not Found", code: 0 } };
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: RecordedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value);
        continue;
      }
      const bytes = Buffer.from(await value.arrayBuffer());
      files.push({
        field,
        filename: value.name,
        contentType: value.type,
        size: bytes.length,
        text: bytes.toString("utf8"),
      });
    }
    return { body, files };
  }
  const text = raw.toString("utf8");
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

/**
 * Handles one HTTP request: parses it, answers like Discord would, and records it.
 * Never throws and never leaves a request hanging, so a bug here shows up as a 500 in the log
 * instead of a REST timeout in the client.
 */
export async function handleRest(
  ctx: RestContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const at = Date.now();
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const path = decodeURIComponent(url.pathname);
  const route = path.replace(/^\/api\/v\d+/, "").replace(/^\/api(?=\/)/, "");
  let incoming: Incoming = {
    method: req.method ?? "GET",
    path,
    route,
    query: Object.fromEntries(url.searchParams),
    headers: lowerCaseHeaders(req),
    body: undefined,
    files: [],
    at,
  };
  let reply: Reply;
  try {
    const { body, files } = await readBody(req);
    incoming = { ...incoming, body, files };
    reply = answer(ctx, incoming);
  } catch (error) {
    reply = {
      status: 500,
      body: {
        message: `fake Discord failed: ${error instanceof Error ? error.message : String(error)}`,
        code: 0,
      },
    };
  }
  ctx.requests.push({ ...incoming, status: reply.status, response: reply.body });
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined || reply.status === 204) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers["content-type"] ??= "application/json";
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}
