/**
 * A fake Discord for tests: a REST server and a WebSocket gateway on 127.0.0.1 that the real,
 * unmodified discord.js Client logs in to via `rest.api`. It records every REST request and every
 * gateway payload, answers like Discord does (including the errors Discord would return), and
 * lets tests push gateway events (interactions, messages, RECONNECT, close codes).
 *
 * @example
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * const ready = once(client, "clientReady");
 * await client.login("any-token");
 * await ready;
 * const sent = fake.sendInteraction({ kind: "command", commandName: "ask" });
 * const callback = await sent.callback;
 * await client.destroy();
 * await fake.close();
 * ```
 * @module
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway, type GatewayConnection, type GatewayPayload } from "./gateway.ts";
import { DEFAULT_IDS, nextSnowflake } from "./ids.ts";
import { buildInteraction, type InteractionInit, registerRawInteraction } from "./interactions.ts";
import {
  defaultBotUser,
  defaultGuild,
  defaultHumanUser,
  type FakeGuild,
  type FakeUser,
  type JsonObject,
  messagePayload,
} from "./payloads.ts";
import { RecordLog, type WaitOptions } from "./recorder.ts";
import {
  type CannedResponse,
  handleRest,
  matchRoute,
  type RecordedRequest,
  type RestOverride,
} from "./rest.ts";
import { findUser, guildOfChannel, type World } from "./world.ts";

export { Op } from "./gateway.ts";
export { DEFAULT_IDS } from "./ids.ts";
export type { CommandOptionInput, InteractionCommon, InteractionInit } from "./interactions.ts";
export type { FakeChannel, FakeGuild, FakeRole, FakeUser, JsonObject } from "./payloads.ts";
export type { WaitOptions } from "./recorder.ts";
export type { CannedResponse, RecordedFile, RecordedRequest } from "./rest.ts";
export type { GatewayConnection, GatewayPayload };

/** Gateway intent bits the fake looks at when delivering messages. */
export const Intents = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** Options of {@link startFakeDiscord}; every field has a sensible default. */
export interface FakeDiscordOptions {
  /** Guilds sent after READY. Default: one guild "Newsroom" with #general and #story-questions. */
  guilds?: FakeGuild[];
  /** The bot user. Default id {@link DEFAULT_IDS}.botUser, username "story-desk". */
  botUser?: Partial<FakeUser>;
  /** Application id. Defaults to the bot user id, as for every modern Discord bot. */
  applicationId?: string;
  /** When set, REST calls must send `Bot <token>` (else 401) and IDENTIFY must carry it (else 4004). */
  token?: string;
  /** HELLO's heartbeat interval. Default 41250 ms like Discord; lower it to observe heartbeats. */
  heartbeatIntervalMs?: number;
  /**
   * Interaction callbacks and webhooks later than this many ms after the interaction get
   * 10062 "Unknown interaction" (Discord allows 3000 ms). Default: not enforced.
   */
  ackDeadlineMs?: number;
  /**
   * Deliver MESSAGE_CREATE the way Discord does for the IDENTIFY intents: not at all without
   * GUILD_MESSAGES, and with content, embeds, attachments and components blanked without
   * MESSAGE_CONTENT unless the bot is mentioned. Default true.
   */
  enforceIntents?: boolean;
}

/** What {@link FakeDiscord.sendInteraction} returns. */
export interface SentInteraction {
  id: string;
  token: string;
  /** The INTERACTION_CREATE `d` that was dispatched. */
  payload: JsonObject;
  /**
   * Resolves with the recorded `POST /interactions/{id}/{token}/callback` (whatever its status);
   * rejects after 2 s without one. Never an unhandled rejection if left unawaited.
   */
  callback: Promise<RecordedRequest>;
  /** Route prefix of this interaction's webhook (`/webhooks/{app}/{token}`), for follow-ups and edits. */
  webhookRoute: string;
}

/** What {@link FakeDiscord.sendMessage} accepts. */
export interface MessageInit {
  content: string;
  /** Default: the first channel of the first guild. */
  channelId?: string;
  /** Default: the human user. */
  author?: FakeUser;
  /** Users mentioned, by id or as users. Unknown ids get a synthesized user. */
  mentions?: Array<string | FakeUser>;
  /** Adds the bot to `mentions` (the content is left as given). */
  mentionBot?: boolean;
  embeds?: unknown[];
  attachments?: unknown[];
  /** Id of a message this one replies to. */
  replyTo?: string;
  /** Shallow-merged over the built message last. */
  raw?: JsonObject;
}

/** What {@link FakeDiscord.sendMessage} returns. */
export interface SentMessage {
  id: string;
  /** The MESSAGE_CREATE `d` as delivered (possibly blanked by intent rules). */
  payload: JsonObject;
  /** False when the intents in IDENTIFY mean Discord would not deliver it at all. */
  delivered: boolean;
}

/** A running fake Discord. Create with {@link startFakeDiscord}, always {@link FakeDiscord.close}. */
export interface FakeDiscord {
  /** `http://127.0.0.1:PORT/api`: give it to discord.js as `rest.api` (DISCORD_API_URL). */
  readonly apiUrl: string;
  /** `ws://127.0.0.1:PORT/gateway`, as returned by `GET /gateway/bot`. */
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUser: FakeUser;
  readonly humanUser: FakeUser;
  readonly guilds: readonly FakeGuild[];
  /** The first guild's id. */
  readonly guildId: string;
  /** The first guild's first channel id, where interactions and messages go by default. */
  readonly channelId: string;
  /** Every REST request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Every gateway payload the client sent (IDENTIFY, RESUME, heartbeats...). */
  readonly gatewayPayloads: readonly GatewayPayload[];
  /** Every gateway payload the fake sent. */
  readonly gatewaySent: readonly GatewayPayload[];
  /** Every WebSocket connection the client opened. */
  readonly gatewayConnections: readonly GatewayConnection[];
  /** Intents of the current session's IDENTIFY; undefined before it. */
  readonly intents: number | undefined;
  /** Application commands as stored by PUT/POST, global or per guild. */
  commands(guildId?: string): readonly JsonObject[];
  /** Messages known to the fake (sent by tests or created by the bot), by id. */
  readonly messages: ReadonlyMap<string, JsonObject>;

  /**
   * Resolves with the first request matching `predicate` at or after `options.since` (including
   * ones that already arrived); rejects with the list of requests seen on timeout (2 s default).
   * A number is taken as `timeoutMs`.
   */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    options?: WaitOptions | number,
  ): Promise<RecordedRequest>;
  /** Same as {@link FakeDiscord.waitForRequest} for payloads the client sent on the gateway. */
  waitForGatewayPayload(
    predicate: (payload: GatewayPayload) => boolean,
    options?: WaitOptions | number,
  ): Promise<GatewayPayload>;

  /** Sends a dispatch (op 0) with the next sequence number; returns that number. */
  dispatch(t: string, d: unknown): number;
  /** Dispatches a complete INTERACTION_CREATE for a command, autocomplete, button or select. */
  sendInteraction(init: InteractionInit): SentInteraction;
  /** Dispatches a complete MESSAGE_CREATE in a guild channel. */
  sendMessage(init: MessageInit): SentMessage;

  /** Sends op 7 RECONNECT and resolves once the client has resumed (RESUMED sent). */
  reconnect(options?: { timeoutMs?: number }): Promise<void>;
  /** Sends op 9 INVALID_SESSION. */
  invalidateSession(resumable: boolean): void;
  /** Sends op 1, which makes the client heartbeat at once. */
  requestHeartbeat(): void;
  /** Closes the client's current socket with `code` (e.g. 4004, 4014); resolves once closed. */
  closeGateway(code: number, reason?: string): Promise<void>;
  /** Answers the next IDENTIFY by closing with `code` instead of sending READY. */
  failNextIdentify(code: number): void;
  /**
   * Answers matching REST requests with a canned response instead (e.g. a 500), `times` times
   * (default: forever). The requests are still recorded.
   */
  overrideRest(
    match: (request: Omit<RecordedRequest, "status" | "response">) => boolean,
    respond:
      | CannedResponse
      | ((request: Omit<RecordedRequest, "status" | "response">) => CannedResponse),
    options?: { times?: number },
  ): void;

  /** Stops both servers and rejects pending waits. Destroy the client first. */
  close(): Promise<void>;
}

/**
 * Builds a request predicate from a method and a route pattern (without `/api/v10`), where
 * `:name` matches one path segment: `requestTo("POST", "/channels/:id/messages")`.
 */
export function requestTo(
  method: string,
  pattern: string,
): (request: Pick<RecordedRequest, "method" | "route">) => boolean {
  return (request) => request.method === method && matchRoute(pattern, request.route) !== undefined;
}

function waitOptions(options: WaitOptions | number | undefined): WaitOptions {
  return typeof options === "number" ? { timeoutMs: options } : (options ?? {});
}

function describeRequest(request: RecordedRequest): string {
  return `${request.method} ${request.route} -> ${request.status}`;
}

function describePayload(payload: GatewayPayload): string {
  return `op ${payload.op}${payload.t ? ` ${payload.t}` : ""} (connection ${payload.connection})`;
}

function resolveMentioned(world: World, mention: string | FakeUser): FakeUser {
  if (typeof mention !== "string") return mention;
  return findUser(world, mention) ?? { id: mention, username: `user-${mention}` };
}

/**
 * Starts the fake on a random 127.0.0.1 port.
 *
 * @param options - the world to serve; see {@link FakeDiscordOptions} for the defaults
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const botUser = defaultBotUser(options.botUser);
  const humanUser = defaultHumanUser();
  const guilds = options.guilds ?? [defaultGuild(humanUser)];
  const firstGuild = guilds[0];
  const world: World = {
    applicationId: options.applicationId ?? botUser.id,
    botUser,
    humanUser,
    guilds,
    token: options.token,
    ackDeadlineMs: options.ackDeadlineMs,
    globalCommands: [],
    guildCommands: new Map(),
    interactions: new Map(),
    messages: new Map(),
    originalMessageIds: new Map(),
  };
  const enforceIntents = options.enforceIntents ?? true;

  const requests = new RecordLog<RecordedRequest>("REST request", describeRequest);
  const received = new RecordLog<GatewayPayload>("gateway payload", describePayload);
  const sent = new RecordLog<GatewayPayload>("gateway payload sent", describePayload);
  const connections = new RecordLog<GatewayConnection>("gateway connection", (c) => c.url);
  const overrides: RestOverride[] = [];
  const gateway = new FakeGateway(
    world,
    { received, sent, connections },
    options.heartbeatIntervalMs ?? 41_250,
  );

  let gatewayUrl = "";
  const server = createServer((req, res) => {
    void handleRest({ world, requests, overrides, gatewayUrl: () => gatewayUrl }, req, res);
  });
  server.on("upgrade", (req, socket, head) => {
    if (new URL(req.url ?? "/", "http://127.0.0.1").pathname === "/gateway") {
      gateway.handleUpgrade(req, socket, head);
    } else {
      socket.end("HTTP/1.1 404 Not Found\r\n\r\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
  gateway.setUrl(gatewayUrl);

  const dispatch = (t: string, d: unknown): number => {
    if (t === "INTERACTION_CREATE") registerRawInteraction(world, d);
    // Remembered so that replies to raw messages pass the message_reference check.
    if (t === "MESSAGE_CREATE" && typeof d === "object" && d !== null && "id" in d) {
      world.messages.set(String(d.id), d as JsonObject);
    }
    return gateway.dispatch(t, d);
  };

  const fake: FakeDiscord = {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    applicationId: world.applicationId,
    botUser,
    humanUser,
    guilds,
    guildId: firstGuild?.id ?? DEFAULT_IDS.guild,
    channelId: firstGuild?.channels[0]?.id ?? DEFAULT_IDS.generalChannel,
    requests: requests.entries,
    gatewayPayloads: received.entries,
    gatewaySent: sent.entries,
    gatewayConnections: connections.entries,
    get intents() {
      return gateway.intents;
    },
    commands: (guildId) =>
      guildId === undefined ? world.globalCommands : (world.guildCommands.get(guildId) ?? []),
    messages: world.messages,

    waitForRequest: (predicate, opts) => requests.waitFor(predicate, waitOptions(opts)),
    waitForGatewayPayload: (predicate, opts) => received.waitFor(predicate, waitOptions(opts)),

    dispatch,
    sendInteraction(init) {
      const built = buildInteraction(world, init);
      const since = requests.entries.length;
      const route = `/interactions/${built.id}/${built.token}/callback`;
      dispatch("INTERACTION_CREATE", built.payload);
      const callback = requests.waitFor((r) => r.route === route, { since });
      // Tests that assert on other requests may ignore the callback; that must not crash the run.
      callback.catch(() => undefined);
      return {
        id: built.id,
        token: built.token,
        payload: built.payload,
        callback,
        webhookRoute: `/webhooks/${world.applicationId}/${built.token}`,
      };
    },
    sendMessage(init) {
      const channelId = init.channelId ?? fake.channelId;
      const guild = guildOfChannel(world, channelId);
      if (!guild) {
        throw new Error(
          `sendMessage: channel ${channelId} is in no guild of the fake; discord.js would drop the message`,
        );
      }
      const mentions = (init.mentions ?? []).map((m) => resolveMentioned(world, m));
      if (init.mentionBot && !mentions.some((m) => m.id === botUser.id)) mentions.push(botUser);
      const author = init.author ?? humanUser;
      const message = messagePayload({
        id: nextSnowflake(),
        channelId,
        guildId: guild.id,
        author,
        content: init.content,
        mentions,
        embeds: init.embeds ?? [],
        attachments: init.attachments ?? [],
        type: init.replyTo === undefined ? 0 : 19,
        messageReference:
          init.replyTo === undefined
            ? null
            : { type: 0, message_id: init.replyTo, channel_id: channelId, guild_id: guild.id },
      });
      Object.assign(message, init.raw);
      const id = String(message.id);
      world.messages.set(id, message);

      const intents = gateway.intents ?? 0;
      if (enforceIntents && (intents & Intents.GuildMessages) === 0) {
        return { id, payload: message, delivered: false };
      }
      const addressedToBot = author.id === botUser.id || mentions.some((m) => m.id === botUser.id);
      const payload =
        enforceIntents && (intents & Intents.MessageContent) === 0 && !addressedToBot
          ? { ...message, content: "", embeds: [], attachments: [], components: [] }
          : message;
      dispatch("MESSAGE_CREATE", payload);
      return { id, payload, delivered: true };
    },

    async reconnect(opts = {}) {
      const since = sent.entries.length;
      gateway.reconnect();
      await sent.waitFor((p) => p.t === "RESUMED", { since, timeoutMs: opts.timeoutMs ?? 5000 });
    },
    invalidateSession: (resumable) => gateway.invalidateSession(resumable),
    requestHeartbeat: () => gateway.requestHeartbeat(),
    closeGateway: (code, reason) => gateway.closeSocket(code, reason),
    failNextIdentify: (code) => gateway.failNextIdentify(code),
    overrideRest(match, respond, opts = {}) {
      overrides.push({ match, respond, remaining: opts.times ?? Number.POSITIVE_INFINITY });
    },

    async close() {
      for (const log of [requests, received, sent, connections]) log.close();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
