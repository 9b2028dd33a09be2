import { runChat } from "./cli/chat.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { startBot } from "./discord/bot.ts";
import { createEngine } from "./engine/index.ts";
import type { Engine } from "./engine/types.ts";
import { KnowledgeError, loadKnowledge } from "./knowledge/load.ts";
import { createLogger, type Logger } from "./logger.ts";

/** How long SIGINT/SIGTERM may take before the process leaves anyway. */
const SHUTDOWN_TIMEOUT_MS = 4500;

const NO_TOKEN_MESSAGE =
  "DISCORD_TOKEN is not set, so Story Desk is not connecting to Discord. To connect, set DISCORD_TOKEN in .env (see .env.example).";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** Never starts half-loaded: a broken store stops everything before Discord sees the bot. */
function buildEngine(): Engine {
  try {
    return createEngine(loadKnowledge());
  } catch (error) {
    if (error instanceof KnowledgeError) fail(error.message);
    throw error;
  }
}

async function runDiscordBot(config: Config, engine: Engine, logger: Logger): Promise<void> {
  const bot = startBot({ config, engine, logger });
  let shuttingDown = false;
  const shutDown = (signal: NodeJS.Signals) => {
    // A second Ctrl-C changes nothing: the timer below already bounds the wait.
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info("shutting down", { signal });
    setTimeout(() => {
      logger.warn("disconnect took too long; exiting anyway");
      process.exit(0);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    void bot.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutDown);
  process.on("SIGTERM", shutDown);

  const end = await bot.ended;
  if (shuttingDown) return;
  await bot.stop();
  fail(end.message);
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger({
    level: config.logLevel,
    secrets: config.token ? [config.token] : [],
  });
  process.on("unhandledRejection", (reason) => {
    logger.error("unhandled promise rejection", { error: reason });
  });
  const engine = buildEngine();

  if (config.token) {
    await runDiscordBot(config, engine, logger);
    return;
  }
  if (!process.stdin.isTTY) fail(NO_TOKEN_MESSAGE);
  process.stdout.write(`${NO_TOKEN_MESSAGE} Starting the terminal chat instead.\n`);
  await runChat({ engine, input: process.stdin, output: process.stdout });
}

await main();
