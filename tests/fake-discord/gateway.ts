import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";
import { nextSnowflake } from "./ids.ts";
import { guildCreatePayload, type JsonObject, userPayload } from "./payloads.ts";
import type { RecordLog } from "./recorder.ts";
import type { World } from "./world.ts";

/** Gateway opcodes the fake speaks. */
export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

/** A payload on the gateway, in either direction. */
export interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
  /** Which WebSocket connection (1-based, in connection order) carried it. */
  connection: number;
  at: number;
}

/** A WebSocket connection the client opened. */
export interface GatewayConnection {
  id: number;
  /** Request URL including the query, e.g. `/gateway?v=10&encoding=json`. */
  url: string;
  query: Record<string, string>;
  at: number;
  /** Close code once closed (by either side). */
  closeCode?: number;
}

interface Session {
  id: string;
  seq: number;
  /** Every dispatch of the session, so RESUME can replay what the client missed. */
  history: Array<{ s: number; t: string; d: unknown }>;
  intents: number;
}

/** Logs the gateway writes into, owned by the fake. */
export interface GatewayLogs {
  received: RecordLog<GatewayPayload>;
  sent: RecordLog<GatewayPayload>;
  connections: RecordLog<GatewayConnection>;
}

/**
 * The WebSocket half of the fake: HELLO, heartbeats, IDENTIFY → READY + GUILD_CREATE, RESUME with
 * replay, RECONNECT and scripted close codes. Only plain JSON text frames are spoken.
 */
export class FakeGateway {
  readonly #world: World;
  readonly #logs: GatewayLogs;
  readonly #heartbeatIntervalMs: number;
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #sockets = new Map<WebSocket, GatewayConnection>();
  #url = "";
  #session: Session | undefined;
  /** The socket that completed IDENTIFY or RESUME; dispatches go there. */
  #live: WebSocket | undefined;
  #identifyCloseCodes: number[] = [];

  constructor(world: World, logs: GatewayLogs, heartbeatIntervalMs: number) {
    this.#world = world;
    this.#logs = logs;
    this.#heartbeatIntervalMs = heartbeatIntervalMs;
  }

  /** Sets the public URL, known only once the HTTP server listens. */
  setUrl(url: string): void {
    this.#url = url;
  }

  /** Intents of the current session's IDENTIFY, or undefined before one arrived. */
  get intents(): number | undefined {
    return this.#session?.intents;
  }

  /** Whether a session is established and its socket is open. */
  get isLive(): boolean {
    return this.#live !== undefined && this.#live.readyState === this.#live.OPEN;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, req));
  }

  /** Makes the next IDENTIFY (or the next `count` ones) answer with a close code instead of READY. */
  failNextIdentify(code: number, count = 1): void {
    for (let i = 0; i < count; i += 1) this.#identifyCloseCodes.push(code);
  }

  /**
   * Sends a dispatch in the current session. While the client is between connections the event
   * is only kept in the session history, and RESUME replays it, as Discord does.
   *
   * @returns the sequence number assigned
   */
  dispatch(t: string, d: unknown): number {
    const session = this.#session;
    if (!session) {
      throw new Error(`cannot dispatch ${t}: no client has identified with the fake gateway yet`);
    }
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.history.push(event);
    if (this.#live && this.#live.readyState === this.#live.OPEN) {
      this.#send(this.#live, { op: Op.Dispatch, ...event });
    }
    return session.seq;
  }

  /** Sends op 7 RECONNECT on the current socket. */
  reconnect(): void {
    this.#send(this.#requireOpenSocket("reconnect"), { op: Op.Reconnect, d: null });
  }

  /** Sends op 9 INVALID_SESSION; with `resumable` false the session is forgotten. */
  invalidateSession(resumable: boolean): void {
    const socket = this.#requireOpenSocket("invalidate the session");
    if (!resumable) {
      this.#session = undefined;
      this.#live = undefined;
    }
    this.#send(socket, { op: Op.InvalidSession, d: resumable });
  }

  /** Sends op 1, asking the client for an immediate heartbeat. */
  requestHeartbeat(): void {
    this.#send(this.#requireOpenSocket("request a heartbeat"), { op: Op.Heartbeat, d: null });
  }

  /** Closes the most recent open socket with a close code and waits until it is closed. */
  async closeSocket(code: number, reason = ""): Promise<void> {
    const socket = this.#requireOpenSocket(`close with ${code}`);
    await new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      socket.close(code, reason);
    });
  }

  /** Drops every connection and stops accepting new ones. */
  async close(): Promise<void> {
    for (const socket of this.#sockets.keys()) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #requireOpenSocket(action: string): WebSocket {
    const open = [...this.#sockets.keys()].filter((s) => s.readyState === s.OPEN);
    const socket = open.at(-1);
    if (!socket) throw new Error(`cannot ${action}: no client is connected to the fake gateway`);
    return socket;
  }

  #send(socket: WebSocket, payload: Omit<GatewayPayload, "connection" | "at">): void {
    const connection = this.#sockets.get(socket);
    this.#logs.sent.push({ ...payload, connection: connection?.id ?? 0, at: Date.now() });
    socket.send(JSON.stringify(payload));
  }

  #onConnection(socket: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const connection: GatewayConnection = {
      id: this.#logs.connections.entries.length + 1,
      url: req.url ?? "/",
      query: Object.fromEntries(url.searchParams),
      at: Date.now(),
    };
    this.#sockets.set(socket, connection);
    this.#logs.connections.push(connection);
    socket.on("close", (code) => {
      connection.closeCode = code;
      this.#sockets.delete(socket);
      if (this.#live === socket) this.#live = undefined;
    });
    socket.on("message", (data, isBinary) => this.#onMessage(socket, connection, data, isBinary));

    const { v, encoding, compress } = connection.query;
    if (v !== "10" || (encoding !== undefined && encoding !== "json") || compress !== undefined) {
      // Failing loudly beats serving frames the client cannot decode: 4012 is unrecoverable, so
      // login() rejects instead of reconnecting forever.
      socket.close(4012, `fake Discord speaks only v=10 plain JSON, got ${connection.url}`);
      return;
    }
    this.#send(socket, { op: Op.Hello, d: { heartbeat_interval: this.#heartbeatIntervalMs } });
  }

  #onMessage(
    socket: WebSocket,
    connection: GatewayConnection,
    data: WebSocket.RawData,
    isBinary: boolean,
  ): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(Buffer.isBuffer(data) ? data.toString("utf8") : String(data));
    } catch {
      socket.close(4002, "Error while decoding payload.");
      return;
    }
    const op = typeof payload.op === "number" ? payload.op : -1;
    this.#logs.received.push({ op, d: payload.d, connection: connection.id, at: Date.now() });
    if (isBinary) {
      socket.close(4002, "fake Discord expects text frames");
      return;
    }
    switch (op) {
      case Op.Heartbeat:
        this.#send(socket, { op: Op.HeartbeatAck, d: null });
        return;
      case Op.Identify:
        this.#identify(socket, payload.d);
        return;
      case Op.Resume:
        this.#resume(socket, payload.d);
        return;
      case Op.PresenceUpdate:
      case Op.RequestGuildMembers:
        return;
      default:
        socket.close(4001, "Unknown opcode.");
    }
  }

  #identify(socket: WebSocket, d: unknown): void {
    const identify = (typeof d === "object" && d !== null ? d : {}) as JsonObject;
    const scripted = this.#identifyCloseCodes.shift();
    if (scripted !== undefined) {
      socket.close(scripted, "Scripted by the test");
      return;
    }
    const token = this.#world.token;
    if (token !== undefined && identify.token !== token) {
      socket.close(4004, "Authentication failed.");
      return;
    }
    const session: Session = {
      id: nextSnowflake(),
      seq: 0,
      history: [],
      intents: typeof identify.intents === "number" ? identify.intents : 0,
    };
    this.#session = session;
    this.#live = socket;
    this.dispatch("READY", {
      v: 10,
      user: {
        ...userPayload(this.#world.botUser),
        verified: true,
        mfa_enabled: false,
        email: null,
      },
      guilds: this.#world.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: "normal",
      resume_gateway_url: this.#url,
      shard: [0, 1],
      application: { id: this.#world.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
      user_settings: {},
      geo_ordered_rtc_regions: [],
      guild_join_requests: [],
      _trace: ['["fake-discord",{"micros":0}]'],
    });
    for (const guild of this.#world.guilds) {
      this.dispatch(
        "GUILD_CREATE",
        guildCreatePayload(guild, this.#world.botUser, this.#world.applicationId),
      );
    }
  }

  #resume(socket: WebSocket, d: unknown): void {
    const resume = (typeof d === "object" && d !== null ? d : {}) as JsonObject;
    const session = this.#session;
    if (!session || resume.session_id !== session.id) {
      this.#send(socket, { op: Op.InvalidSession, d: false });
      return;
    }
    this.#live = socket;
    const since = typeof resume.seq === "number" ? resume.seq : 0;
    for (const event of session.history) {
      if (event.s > since) this.#send(socket, { op: Op.Dispatch, ...event });
    }
    this.dispatch("RESUMED", { _trace: ['["fake-discord",{"micros":0}]'] });
  }
}
