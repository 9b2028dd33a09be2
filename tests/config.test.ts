import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-part.do-not-echo";

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected loadConfig to throw");
}

describe("loadConfig", () => {
  it("gives defaults for an empty environment, with no token meaning no Discord", () => {
    const config = loadConfig({});
    expect(config).toEqual({
      answerChannelIds: [],
      logLevel: "info",
      cooldown: {
        user: { max: 5, windowMs: 30_000 },
        channel: { max: 15, windowMs: 60_000 },
      },
    });
    expect("token" in config).toBe(false);
  });

  it("treats empty values, as in a copied .env.example, as unset", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "",
      DISCORD_GUILD_ID: " ",
      ANSWER_CHANNEL_IDS: "",
      LOG_LEVEL: "",
    });
    expect(config.token).toBeUndefined();
    expect(config.guildId).toBeUndefined();
    expect(config.answerChannelIds).toEqual([]);
    expect(config.logLevel).toBe("info");
  });

  it("reads every variable when all are valid", () => {
    const config = loadConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_GUILD_ID: "111111111111111111",
      DISCORD_API_URL: "http://127.0.0.1:4000/api/",
      ANSWER_CHANNEL_IDS: " 222222222222222222 ,333333333333333333,222222222222222222,",
      LOG_LEVEL: "WARN",
      USER_COOLDOWN_MAX: "2",
      USER_COOLDOWN_SECONDS: "10",
      CHANNEL_COOLDOWN_MAX: "7",
      CHANNEL_COOLDOWN_SECONDS: "120",
    });
    expect(config).toEqual({
      token: TOKEN,
      guildId: "111111111111111111",
      apiUrl: "http://127.0.0.1:4000/api",
      answerChannelIds: ["222222222222222222", "333333333333333333"],
      logLevel: "warn",
      cooldown: {
        user: { max: 2, windowMs: 10_000 },
        channel: { max: 7, windowMs: 120_000 },
      },
    });
  });

  it("reports every bad variable at once, each by name with what is wrong", () => {
    const problems = problemsOf({
      DISCORD_GUILD_ID: "my-server",
      DISCORD_API_URL: "discord.com/api",
      ANSWER_CHANNEL_IDS: "222222222222222222,general",
      LOG_LEVEL: "verbose",
      USER_COOLDOWN_MAX: "0",
      USER_COOLDOWN_SECONDS: "ten",
      CHANNEL_COOLDOWN_MAX: "-3",
      CHANNEL_COOLDOWN_SECONDS: "99999999",
    });
    expect(problems.map((problem) => problem.split(" ")[0])).toEqual([
      "DISCORD_GUILD_ID",
      "DISCORD_API_URL",
      "ANSWER_CHANNEL_IDS",
      "LOG_LEVEL",
      "USER_COOLDOWN_MAX",
      "USER_COOLDOWN_SECONDS",
      "CHANNEL_COOLDOWN_MAX",
      "CHANNEL_COOLDOWN_SECONDS",
    ]);
    expect(problems[0]).toContain("snowflake");
    expect(problems[0]).toContain('"my-server"');
    expect(problems[1]).toContain("http(s) URL");
    expect(problems[2]).toContain('"general"');
    expect(problems[2]).not.toContain('"222222222222222222"');
    expect(problems[3]).toContain("debug, info, warn, error");
    expect(problems[4]).toContain("at least 1");
    expect(problems[5]).toContain("whole number");
    expect(problems[7]).toContain("at most 86400");
  });

  it("names a bad token without ever echoing it", () => {
    const secret = `Bot ${TOKEN}`;
    let message = "";
    try {
      loadConfig({ DISCORD_TOKEN: secret, LOG_LEVEL: "nope" });
    } catch (error) {
      message = (error as Error).message;
      expect((error as ConfigError).problems).toHaveLength(2);
    }
    expect(message).toContain("DISCORD_TOKEN");
    expect(message).toContain("value hidden");
    expect(message).not.toContain("secret-part");
    expect(message).not.toContain(TOKEN.slice(0, 12));
  });
});
