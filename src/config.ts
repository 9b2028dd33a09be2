import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "./logger.ts";

/** A sliding-window allowance: at most `max` answers per `windowMs`. */
export interface CooldownRule {
  max: number;
  windowMs: number;
}

export interface Config {
  /** Absent means: no Discord; `npm start` opens the terminal chat instead. */
  token?: string;
  /** Commands are registered to this guild (instant) instead of globally. */
  guildId?: string;
  /** REST base such as "http://127.0.0.1:8080/api"; discord.js adds the version. */
  apiUrl?: string;
  /** Channels where every confident question gets an answer; needs the Message Content intent. */
  answerChannelIds: readonly string[];
  logLevel: LogLevel;
  cooldown: { user: CooldownRule; channel: CooldownRule };
}

/** Every problem found in the environment, one line each, naming the variable. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Variables whose values are never repeated back, not even in an error. */
const SECRET_VARIABLES = new Set(["DISCORD_TOKEN"]);
const MAX_ECHOED_VALUE = 60;

const SNOWFLAKE = /^\d{17,20}$/;
const SNOWFLAKE_RULE = "a Discord id (snowflake) of 17 to 20 digits";

/** dotenv leaves `NAME=` as an empty string; treating it as unset keeps `.env.example` copyable as is. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }, schema.optional());

const wholeNumber = (min: number, max: number, fallback: number) =>
  optional(
    z
      .string()
      .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
  ).transform((value) => value ?? fallback);

const environmentSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .regex(/^[^\s"'`]+$/, 'must be the bare token, without spaces, quotes or a "Bot " prefix'),
  ),
  DISCORD_GUILD_ID: optional(z.string().regex(SNOWFLAKE, `must be ${SNOWFLAKE_RULE}`)),
  DISCORD_API_URL: optional(
    z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://discord.com/api",
      })
      .transform((url) => url.replace(/\/+$/, "")),
  ),
  ANSWER_CHANNEL_IDS: optional(z.string()).transform((value, context) => {
    const ids = (value ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    const bad = ids.filter((id) => !SNOWFLAKE.test(id));
    if (bad.length > 0) {
      context.addIssue({
        code: "custom",
        message: `must be comma-separated channel ids, each ${SNOWFLAKE_RULE}; not ids: ${bad
          .map((id) => JSON.stringify(id))
          .join(", ")}`,
      });
    }
    return [...new Set(ids)];
  }),
  LOG_LEVEL: optional(
    z.preprocess(
      (value) => (typeof value === "string" ? value.toLowerCase() : value),
      z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }),
    ),
  ).transform((value): LogLevel => value ?? "info"),
  USER_COOLDOWN_MAX: wholeNumber(1, 1000, 5),
  USER_COOLDOWN_SECONDS: wholeNumber(1, 86_400, 30),
  CHANNEL_COOLDOWN_MAX: wholeNumber(1, 1000, 15),
  CHANNEL_COOLDOWN_SECONDS: wholeNumber(1, 86_400, 60),
});

/** The variables `loadConfig` reads, for `.env.example` and error messages. */
export const CONFIG_VARIABLES = Object.keys(environmentSchema.shape);

type Environment = Record<string, string | undefined>;

/**
 * Reads and checks the configuration. Without an argument it first loads `.env` into the
 * process environment (real environment variables win), so this is the project's only
 * reader of `process.env`. Throws `ConfigError` listing every bad variable at once.
 */
export function loadConfig(env?: Environment): Config {
  const source = env ?? readProcessEnvironment();
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(describeProblems(parsed.error, source));
  }
  const values = parsed.data;
  const config: Config = {
    answerChannelIds: values.ANSWER_CHANNEL_IDS,
    logLevel: values.LOG_LEVEL,
    cooldown: {
      user: { max: values.USER_COOLDOWN_MAX, windowMs: values.USER_COOLDOWN_SECONDS * 1000 },
      channel: {
        max: values.CHANNEL_COOLDOWN_MAX,
        windowMs: values.CHANNEL_COOLDOWN_SECONDS * 1000,
      },
    },
  };
  if (values.DISCORD_TOKEN !== undefined) config.token = values.DISCORD_TOKEN;
  if (values.DISCORD_GUILD_ID !== undefined) config.guildId = values.DISCORD_GUILD_ID;
  if (values.DISCORD_API_URL !== undefined) config.apiUrl = values.DISCORD_API_URL;
  return config;
}

function readProcessEnvironment(): Environment {
  loadDotenv({ quiet: true });
  return process.env;
}

function describeProblems(error: z.ZodError, source: Environment): string[] {
  const problems = new Map<string, string[]>();
  for (const issue of error.issues) {
    const variable = String(issue.path[0] ?? "environment");
    const reasons = problems.get(variable) ?? [];
    if (!reasons.includes(issue.message)) reasons.push(issue.message);
    problems.set(variable, reasons);
  }
  return [...problems].map(([variable, reasons]) => {
    const line = `${variable} ${reasons.join("; ")}`;
    if (SECRET_VARIABLES.has(variable)) return `${line} (value hidden)`;
    const raw = source[variable];
    if (raw === undefined) return line;
    const shown = raw.length > MAX_ECHOED_VALUE ? `${raw.slice(0, MAX_ECHOED_VALUE)}…` : raw;
    return `${line} (got ${JSON.stringify(shown)})`;
  });
}
