/** Severity order: a logger set to "warn" writes warn and error lines only. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line it writes. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Receives one complete JSON line, newline included. Defaults to stderr so stdout stays free for the chat. */
  write?: (line: string) => void;
  /** Values that must never reach the log, such as the bot token; replaced wherever they appear. */
  secrets?: readonly string[];
  now?: () => Date;
}

const REDACTED = "[redacted]";
const SECRET_KEYS = new Set(["token", "authorization", "password"]);
/** Interaction and webhook tokens sit in REST paths that discord.js puts in error messages. */
const URL_TOKEN_PATTERN = /(\/(?:interactions|webhooks)\/\d+\/)[\w.-]+/g;
/** Shorter "secrets" would redact ordinary words. */
const MIN_SECRET_LENGTH = 8;

/**
 * Structured logging: one JSON object per line on stderr, so a log collector can parse it
 * and the terminal chat on stdout stays clean.
 */
export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  const threshold = LOG_LEVELS.indexOf(options.level);

  const build = (bound: LogFields): Logger => {
    const log = (level: LogLevel, message: string, fields?: LogFields): void => {
      if (LOG_LEVELS.indexOf(level) < threshold) return;
      const entry = { time: now().toISOString(), level, msg: message, ...bound, ...fields };
      let line = JSON.stringify(entry, replaceForLog);
      for (const secret of secrets) line = line.replaceAll(secret, REDACTED);
      line = line.replace(URL_TOKEN_PATTERN, `$1${REDACTED}`);
      try {
        write(`${line}\n`);
      } catch {
        // A closed stderr must not take the bot down with it.
      }
    };
    return {
      debug: (message, fields) => log("debug", message, fields),
      info: (message, fields) => log("info", message, fields),
      warn: (message, fields) => log("warn", message, fields),
      error: (message, fields) => log("error", message, fields),
      child: (fields) => build({ ...bound, ...fields }),
    };
  };
  return build({});
}

/** For tests and tools that have nothing to report. */
export const silentLogger: Logger = createLogger({ level: "error", write: () => {} });

function replaceForLog(key: string, value: unknown): unknown {
  if (SECRET_KEYS.has(key.toLowerCase()) && value !== undefined && value !== null) return REDACTED;
  if (value instanceof Error) return describeError(value);
  if (typeof value === "bigint") return value.toString();
  return value;
}

function describeError(error: Error): Record<string, unknown> {
  const described: Record<string, unknown> = { name: error.name, message: error.message };
  const extra = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  if (extra.code !== undefined) described.code = extra.code;
  if (extra.status !== undefined) described.status = extra.status;
  if (extra.method !== undefined) described.method = extra.method;
  if (error.stack) described.stack = error.stack;
  if (error.cause !== undefined) described.cause = error.cause;
  return described;
}
