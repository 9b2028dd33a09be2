import { REST, Routes } from "discord.js";
import { commandPayloads, commands } from "../commands/index.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { syncCommands } from "./discord/sync-commands.ts";
import { createLogger } from "./logger.ts";

/**
 * `npm run deploy-commands`: the same idempotent sync the bot runs when it connects, over REST
 * only, for registering commands without starting the bot.
 */
async function deployCommands(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (!config.token) {
    process.stderr.write(
      "DISCORD_TOKEN is not set. Put the bot token in .env first (see .env.example).\n",
    );
    return 1;
  }
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  try {
    const application = (await rest.get(Routes.currentApplication())) as { id: string };
    const result = await syncCommands({
      rest,
      applicationId: application.id,
      ...(config.guildId ? { guildId: config.guildId } : {}),
      commands: commandPayloads(commands),
    });
    const where = result.scope === "guild" ? `guild ${config.guildId}` : "all servers (global)";
    const what =
      result.action === "updated"
        ? `registered ${result.count} commands`
        : `${result.count} commands already up to date; nothing sent`;
    process.stdout.write(`Slash commands for ${where}: ${what}.\n`);
    return 0;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401) {
      process.stderr.write("Discord rejected the bot token (401). Check DISCORD_TOKEN in .env.\n");
    } else {
      logger.error("could not sync slash commands", { error });
    }
    return 1;
  }
}

process.exitCode = await deployCommands();
