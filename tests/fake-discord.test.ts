import diagnosticsChannel from "node:diagnostics_channel";
import type { Socket } from "node:net";
import {
  AttachmentBuilder,
  Client,
  DiscordAPIError,
  type GatewayIntentBits,
  IntentsBitField,
  type Interaction,
  type Message,
  MessageFlags,
} from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_IDS,
  type FakeDiscord,
  type FakeDiscordOptions,
  Intents,
  Op,
  requestTo,
  startFakeDiscord,
} from "./fake-discord/index.ts";

const TOKEN = "fake-token.for.tests";
const ALL_INTENTS = Intents.Guilds | Intents.GuildMessages | Intents.MessageContent;

// Any socket to somewhere other than loopback means a test escaped the fake.
const escapes: string[] = [];
const isLoopback = (address: string | undefined) =>
  address === undefined ||
  address === "127.0.0.1" ||
  address === "::1" ||
  address === "::ffff:127.0.0.1";
const watchSocket = (message: unknown) => {
  const { socket } = message as { socket: Socket };
  socket.once("lookup", (_error: Error | null, address: string) => {
    if (!isLoopback(address)) {
      escapes.push(address);
      socket.destroy();
    }
  });
  socket.once("connect", () => {
    if (!isLoopback(socket.remoteAddress)) {
      escapes.push(String(socket.remoteAddress));
      socket.destroy();
    }
  });
};
beforeAll(() => diagnosticsChannel.subscribe("net.client.socket", watchSocket));
afterAll(() => {
  diagnosticsChannel.unsubscribe("net.client.socket", watchSocket);
  expect(escapes).toEqual([]);
});

const clients: Client[] = [];
const fakes: FakeDiscord[] = [];
/** Errors thrown by the test clients' own handlers; every test expects none. */
let handlerErrors: unknown[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.destroy();
  for (const fake of fakes.splice(0)) await fake.close();
  const errors = handlerErrors;
  handlerErrors = [];
  expect(errors).toEqual([]);
});

async function start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord(options);
  fakes.push(fake);
  return fake;
}

function newClient(fake: FakeDiscord, intents: number = ALL_INTENTS): Client {
  const client = new Client({
    intents: intents as GatewayIntentBits,
    // Fail fast: a request the fake cannot answer should fail the test, not stall it.
    rest: { api: fake.apiUrl, timeout: 1000, retries: 0 },
  });
  clients.push(client);
  return client;
}

async function loginReady(fake: FakeDiscord, intents: number = ALL_INTENTS): Promise<Client<true>> {
  const client = newClient(fake, intents);
  const ready = new Promise<Client<true>>((resolve) => client.once("clientReady", resolve));
  await client.login(TOKEN);
  return ready;
}

/** Runs an async event handler, keeping its failures for the afterEach check. */
function handle<T>(
  client: Client,
  event: "interactionCreate" | "messageCreate",
  fn: (arg: T) => Promise<unknown>,
) {
  client.on(event, (arg: unknown) => {
    fn(arg as T).catch((error: unknown) => handlerErrors.push(error));
  });
}

describe("fake Discord with a bare discord.js client", () => {
  it("logs in over the fake gateway and caches the guild before clientReady", async () => {
    const fake = await start();
    const client = await loginReady(fake);

    expect(fake.requests[0]).toMatchObject({ method: "GET", route: "/gateway/bot", status: 200 });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(fake.gatewayConnections[0]?.query).toEqual({ v: "10", encoding: "json" });
    const identify = fake.gatewayPayloads.find((p) => p.op === Op.Identify);
    expect(identify?.d).toMatchObject({ token: TOKEN, intents: ALL_INTENTS, shard: [0, 1] });
    expect(fake.intents).toBe(new IntentsBitField(ALL_INTENTS).bitfield);

    expect(client.user.id).toBe(DEFAULT_IDS.botUser);
    expect(client.application.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.name).toBe("Newsroom");
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(["general", "story-questions"]);
    expect(guild?.members.cache.has(DEFAULT_IDS.humanUser)).toBe(true);
    expect(guild?.roles.everyone.id).toBe(fake.guildId);
  });

  it("records a slash command reply as a type 4 callback with content and allowed_mentions", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    handle<Interaction>(client, "interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand() || interaction.commandName !== "ask") return;
      const question = interaction.options.getString("question", true);
      await interaction.reply({
        content: `You asked: ${question}`,
        allowedMentions: { parse: [] },
      });
    });

    const sent = fake.sendInteraction({
      kind: "command",
      commandName: "ask",
      options: [{ name: "question", value: "Who wrote it?" }],
    });
    const callback = await sent.callback;

    expect(callback.status).toBe(204);
    expect(callback.query).toEqual({ with_response: "false" });
    expect(callback.headers.authorization).toBeUndefined();
    expect(callback.body).toEqual({
      type: 4,
      data: expect.objectContaining({
        content: "You asked: Who wrote it?",
        allowed_mentions: { parse: [] },
      }),
    });
    expect(fake.messages.size).toBeGreaterThan(0);
  });

  it("answers with_response=true with a callback object discord.js can read", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    const replyIds: Array<string | undefined> = [];
    handle<Interaction>(client, "interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: "Answer.", withResponse: true });
      replyIds.push(response.resource?.message?.id);
    });

    const callback = await fake.sendInteraction({ kind: "command", commandName: "ask" }).callback;

    expect(callback).toMatchObject({ status: 200, query: { with_response: "true" } });
    expect(callback.response).toMatchObject({
      interaction: { type: 2, response_message_loading: false },
      resource: { type: 4, message: { content: "Answer." } },
    });
    await expect.poll(() => replyIds).toEqual([expect.stringMatching(/^\d+$/)]);
    expect(fake.messages.get(replyIds[0] ?? "")).toMatchObject({ content: "Answer." });
  });

  it("sends button and string select interactions that update or defer their message", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    const picked: string[][] = [];
    handle<Interaction>(client, "interactionCreate", async (interaction) => {
      if (interaction.isButton()) {
        await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
      } else if (interaction.isStringSelectMenu()) {
        picked.push(interaction.values);
        await interaction.deferUpdate();
      }
    });

    const button = fake.sendInteraction({ kind: "button", customId: "more:1" });
    const select = fake.sendInteraction({ kind: "select", customId: "source", values: ["a", "b"] });
    const [clicked, selected] = await Promise.all([button.callback, select.callback]);

    expect(clicked.body).toMatchObject({
      type: 7,
      data: { content: "clicked more:1", components: [] },
    });
    const buttonMessage = button.payload.message as { id: string };
    expect(fake.messages.get(buttonMessage.id)).toMatchObject({
      content: "clicked more:1",
      components: [],
    });
    expect(selected.body).toEqual({ type: 6 });
    expect(picked).toEqual([["a", "b"]]);
  });

  it("answers an autocomplete interaction with the choices from interaction.respond", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    const focused: string[] = [];
    handle<Interaction>(client, "interactionCreate", async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      focused.push(typed);
      await interaction.respond(
        ["floods", "flights"]
          .filter((t) => t.startsWith(typed))
          .map((t) => ({ name: t, value: t })),
      );
    });

    const sent = fake.sendInteraction({
      kind: "autocomplete",
      commandName: "ask",
      options: [{ name: "topic", value: "fl" }],
    });
    const callback = await sent.callback;

    expect(focused).toEqual(["fl"]);
    expect(callback.status).toBe(204);
    expect(callback.body).toEqual({
      type: 8,
      data: {
        choices: [
          { name: "floods", value: "floods" },
          { name: "flights", value: "flights" },
        ],
      },
    });
  });

  it("takes a deferred reply, its editReply on the webhook, and a follow-up", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    handle<Interaction>(client, "interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const edited = await interaction.editReply({ content: "Here is the answer [1]." });
      expect(edited.content).toBe("Here is the answer [1].");
      await interaction.followUp({ content: "[1] The source." });
    });

    const sent = fake.sendInteraction({ kind: "command", commandName: "ask" });
    const callback = await sent.callback;
    expect(callback.body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });

    const edit = await fake.waitForRequest(
      (r) => r.method === "PATCH" && r.route === `${sent.webhookRoute}/messages/@original`,
    );
    expect(edit.path).toBe(
      `/api/v10/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
    );
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: "Here is the answer [1]." });
    // Editing clears the loading flag and keeps the ephemeral one, like Discord.
    expect(edit.response).toMatchObject({
      content: "Here is the answer [1].",
      flags: MessageFlags.Ephemeral,
    });

    const followUp = await fake.waitForRequest(
      (r) => r.method === "POST" && r.route === sent.webhookRoute,
    );
    expect(followUp).toMatchObject({ status: 200, query: { wait: "true" } });
    expect(followUp.body).toMatchObject({ content: "[1] The source." });
  });

  it("parses multipart bodies: payload_json becomes the body, parts become files", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    handle<Interaction>(client, "interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const file = new AttachmentBuilder(Buffer.from("line one\n"), { name: "sources.txt" });
      await interaction.reply({ content: "Sources attached.", files: [file] });
    });

    const callback = await fake.sendInteraction({ kind: "command", commandName: "sources" })
      .callback;

    expect(callback.headers["content-type"]).toMatch(/^multipart\/form-data/);
    expect(callback.body).toMatchObject({ type: 4, data: { content: "Sources attached." } });
    expect(callback.files).toEqual([
      expect.objectContaining({ filename: "sources.txt", size: 9, text: "line one\n" }),
    ]);
  });

  it("delivers MESSAGE_CREATE and records message.reply and message.react", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    const seen: string[] = [];
    handle<Message>(client, "messageCreate", async (message) => {
      if (message.author.bot) return;
      seen.push(`${message.channelId}:${message.content}`);
      await message.react("👍");
      await message.reply({ content: `pong: ${message.content}` });
    });

    const sent = fake.sendMessage({ channelId: DEFAULT_IDS.newsChannel, content: "ping" });
    expect(sent.delivered).toBe(true);
    const reply = await fake.waitForRequest(requestTo("POST", "/channels/:channel/messages"));

    expect(seen).toEqual([`${DEFAULT_IDS.newsChannel}:ping`]);
    expect(reply.route).toBe(`/channels/${DEFAULT_IDS.newsChannel}/messages`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      content: "pong: ping",
      message_reference: { message_id: sent.id },
    });
    expect(reply.response).toMatchObject({ type: 19, author: { id: DEFAULT_IDS.botUser } });
    const reaction = fake.requests.find(
      (r) => r.method === "PUT" && r.route.includes("/reactions/"),
    );
    expect(reaction).toMatchObject({
      route: `/channels/${DEFAULT_IDS.newsChannel}/messages/${sent.id}/reactions/👍/@me`,
      status: 204,
    });
  });

  it("blanks message content without the MESSAGE_CONTENT intent unless the bot is mentioned", async () => {
    const fake = await start();
    const client = await loginReady(fake, Intents.Guilds | Intents.GuildMessages);
    const contents: string[] = [];
    client.on("messageCreate", (message) => contents.push(message.content));

    fake.sendMessage({ content: "not for the bot" });
    fake.sendMessage({ content: `<@${DEFAULT_IDS.botUser}> for the bot`, mentionBot: true });
    await expect.poll(() => contents.length).toBe(2);

    expect(contents).toEqual(["", `<@${DEFAULT_IDS.botUser}> for the bot`]);
  });

  it("answers heartbeats with op 11 and records the client's heartbeat", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    const since = fake.gatewayPayloads.length;

    fake.requestHeartbeat();
    const beat = await fake.waitForGatewayPayload((p) => p.op === Op.Heartbeat, { since });

    // d is the last sequence number seen: READY (1) + one GUILD_CREATE (2).
    expect(beat.d).toBe(2);
    // Every heartbeat gets its ack. The client may also send one of its own: the first comes at
    // a random share of the interval, now and then within the test.
    const count = (op: number, payloads: readonly { op: number }[]) =>
      payloads.filter((p) => p.op === op).length;
    await expect
      .poll(() => [
        count(Op.HeartbeatAck, fake.gatewaySent),
        count(Op.Heartbeat, fake.gatewayPayloads),
      ])
      .toSatisfy(([acks = 0, beats = 0]) => acks >= 1 && acks === beats);
    await expect.poll(() => client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("resumes after op 7 RECONNECT and keeps answering interactions", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    handle<Interaction>(client, "interactionCreate", async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply("still here");
    });
    const ready = fake.gatewaySent.find((p) => p.t === "READY");
    const sessionId = (ready?.d as { session_id?: string } | undefined)?.session_id;
    expect(sessionId).toBeTruthy();

    await fake.reconnect();

    const resume = fake.gatewayPayloads.find((p) => p.op === Op.Resume);
    expect(resume).toMatchObject({
      connection: 2,
      d: { token: TOKEN, session_id: sessionId, seq: 2 },
    });
    expect(fake.gatewayPayloads.filter((p) => p.op === Op.Identify)).toHaveLength(1);
    expect(fake.gatewayConnections.map((c) => c.closeCode)).toEqual([4200, undefined]);

    const callback = await fake.sendInteraction({ kind: "command", commandName: "ask" }).callback;
    expect(callback.body).toMatchObject({ type: 4, data: { content: "still here" } });
  });

  it.each([
    [4004, "Authentication failed"],
    [4014, "Used disallowed intents"],
  ])("rejects login() when IDENTIFY is answered with close code %i", async (code, message) => {
    const fake = await start();
    fake.failNextIdentify(code);
    const client = newClient(fake);
    const shardErrors: string[] = [];
    const disconnects: number[] = [];
    const clientErrors: unknown[] = [];
    client.on("shardError", (error) => shardErrors.push(error.message));
    client.on("shardDisconnect", (event) => disconnects.push(event.code));
    client.on("error", (error) => clientErrors.push(error));

    await expect(client.login(TOKEN)).rejects.toThrow(message);

    expect(shardErrors).toEqual([message]);
    expect(disconnects).toEqual([code]);
    expect(clientErrors).toEqual([]);
    expect(client.isReady()).toBe(false);
    // Unrecoverable: discord.js does not come back.
    expect(fake.gatewayConnections).toHaveLength(1);
  });

  it("emits shardError and shardDisconnect, without reconnecting, on 4014 after ready", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    const shardError = new Promise<Error>((resolve) => client.once("shardError", resolve));
    const disconnect = new Promise<number>((resolve) =>
      client.once("shardDisconnect", (event) => resolve(event.code)),
    );

    await fake.closeGateway(4014);

    expect((await shardError).message).toBe("Used disallowed intents");
    expect(await disconnect).toBe(4014);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(fake.gatewayConnections).toHaveLength(1);
  });

  it("rejects login() with TokenInvalid when /gateway/bot answers 401", async () => {
    const fake = await start({ token: "the-right-token" });
    const client = newClient(fake);

    await expect(client.login("a-wrong-token")).rejects.toThrow("An invalid token was provided.");

    expect(fake.requests).toMatchObject([{ route: "/gateway/bot", status: 401 }]);
    expect(fake.gatewayConnections).toHaveLength(0);
  });

  it("round-trips global and guild application commands through PUT and GET", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    const definition = {
      name: "ask",
      description: "Ask about the story",
      options: [{ type: 3, name: "question", description: "Your question", required: true }],
    };

    const set = await client.application.commands.set([definition]);
    const fetched = await client.application.commands.fetch();
    const guildSet = await client.guilds.cache
      .get(fake.guildId)
      ?.commands.set([{ ...definition, name: "sources", options: [] }]);

    const put = fake.requests.find((r) => r.method === "PUT");
    expect(put?.route).toBe(`/applications/${fake.applicationId}/commands`);
    expect(put?.body).toEqual([
      expect.objectContaining({ name: "ask", description: "Ask about the story" }),
    ]);
    const id = set.first()?.id;
    expect(id).toMatch(/^\d{17,20}$/);
    expect(fetched.map((c) => [c.id, c.name])).toEqual([[id, "ask"]]);
    expect(fetched.first()?.options).toEqual([
      expect.objectContaining({ name: "question", required: true }),
    ]);
    expect(fetched.first()?.applicationId).toBe(fake.applicationId);
    expect(guildSet?.first()?.guildId).toBe(fake.guildId);
    expect(fake.commands(fake.guildId).map((c) => c.name)).toEqual(["sources"]);

    // Interactions for a registered command carry its id.
    const commandIds: string[] = [];
    handle<Interaction>(client, "interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      commandIds.push(interaction.commandId);
      await interaction.reply("ok");
    });
    await fake.sendInteraction({ kind: "command", commandName: "ask" }).callback;
    expect(commandIds).toEqual([id]);
  });

  it("answers unknown routes with a Discord-style 404 and honours REST overrides", async () => {
    const fake = await start();
    const client = newClient(fake);
    client.rest.setToken(TOKEN);

    const unknown = await client.rest.get("/no/such/route").catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(DiscordAPIError);
    expect(unknown).toMatchObject({ status: 404, code: 0 });
    expect(fake.requests).toMatchObject([{ method: "GET", route: "/no/such/route", status: 404 }]);

    fake.overrideRest(
      requestTo("GET", "/users/@me"),
      { status: 403, body: { code: 50001, message: "Missing Access" } },
      { times: 1 },
    );
    await expect(client.rest.get("/users/@me")).rejects.toMatchObject({ status: 403, code: 50001 });
    await expect(client.rest.get("/users/@me")).resolves.toMatchObject({
      id: DEFAULT_IDS.botUser,
      bot: true,
    });
  });

  it("rejects a second acknowledgement of the same interaction with 40060", async () => {
    const fake = await start();
    const client = await loginReady(fake);
    const sent = fake.sendInteraction({ kind: "command", commandName: "ask" });
    const route = `/interactions/${sent.id}/${sent.token}/callback`;
    const body = { type: 4, data: { content: "first" } };

    await client.rest.post(route as `/${string}`, { body, auth: false });
    const second = await client.rest
      .post(route as `/${string}`, { body, auth: false })
      .catch((e: unknown) => e);

    expect(second).toMatchObject({ status: 400, code: 40060 });
    await expect(sent.callback).resolves.toMatchObject({ status: 204 });
  });
});
