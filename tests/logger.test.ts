import { describe, expect, it } from "vitest";
import { createLogger, type LogLevel } from "../src/logger.ts";

function setup(level: LogLevel, secrets: string[] = []) {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    secrets,
    write: (line) => lines.push(line),
    now: () => new Date("2025-01-23T10:00:00.000Z"),
  });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe("createLogger", () => {
  it("writes one JSON line per entry with time, level, message and fields", () => {
    const { logger, lines, entries } = setup("info");
    logger.child({ command: "who" }).info("answered", { userId: "42" });
    expect(lines).toEqual([
      '{"time":"2025-01-23T10:00:00.000Z","level":"info","msg":"answered","command":"who","userId":"42"}\n',
    ]);
    expect(entries()[0]?.command).toBe("who");
  });

  it("drops entries below its level", () => {
    const { logger, entries } = setup("warn");
    logger.debug("a");
    logger.info("b");
    logger.warn("c");
    logger.error("d");
    expect(entries().map((entry) => entry.msg)).toEqual(["c", "d"]);
  });

  it("never writes the token, whether as a field, inside a message or inside an error", () => {
    const token = "MTIzNDU2.abcdef.very-secret-token";
    const { logger, lines } = setup("debug", [token]);
    logger.info(`login with ${token}`, { token, nested: { authorization: `Bot ${token}` } });
    logger.error("failed", { error: new Error(`bad token ${token}`) });
    expect(lines.join("")).not.toContain("very-secret-token");
    expect(lines.join("")).toContain("[redacted]");
  });

  it("hides interaction tokens that discord.js puts in REST paths", () => {
    const { logger, lines } = setup("info");
    logger.error("reply failed", {
      error: new Error(
        "Unknown interaction: POST /interactions/123456/aW50ZXJhY3Rpb24.tok-en/callback",
      ),
    });
    expect(lines[0]).toContain("/interactions/123456/[redacted]/callback");
    expect(lines[0]).not.toContain("aW50ZXJhY3Rpb24");
  });

  it("describes errors with name, message and code", () => {
    const { logger, entries } = setup("info");
    logger.error("failed", { error: Object.assign(new TypeError("boom"), { code: "E_BOOM" }) });
    expect(entries()[0]?.error).toMatchObject({
      name: "TypeError",
      message: "boom",
      code: "E_BOOM",
    });
  });
});
