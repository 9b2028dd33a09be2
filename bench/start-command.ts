import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

const PLAIN_ARGUMENT = /^[\w./=:-]+$/;

/**
 * The arguments `npm start` gives node, read from package.json so that the bench measures what
 * production runs and the command is written down once. The bench spawns node with them itself,
 * not npm, so that the pid it reads memory from and sends SIGTERM to is the bot's own.
 */
function nodeArgumentsOfStart(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    scripts?: { start?: string };
  };
  const script = pkg.scripts?.start ?? "";
  const [program, ...args] = script.trim().split(/\s+/);
  if (program !== "node" || args.length === 0 || !args.every((a) => PLAIN_ARGUMENT.test(a))) {
    throw new Error(
      `the bench spawns npm start's node command directly, so package.json's start must be a plain "node …" command; it is "${script}"`,
    );
  }
  return args;
}

export const START_ARGS: readonly string[] = nodeArgumentsOfStart();

/** The command as a reader would type it, for the report. */
export const START_COMMAND = `node ${START_ARGS.join(" ")}`;

let built = false;

/**
 * `npm start` compiles first (its prestart script); the bench does the same once per process,
 * before anything is timed, so that no measurement includes the compiler.
 */
export function buildBotOnce(): void {
  if (built) return;
  const result = spawnSync("npm", ["run", "--silent", "prestart"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`npm run prestart exited with ${result.status}`);
  built = true;
}
