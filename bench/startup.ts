import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./stats.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

/** Spawns a process and resolves with the milliseconds until `ready` appears in its output. */
export function timeUntilOutput(
  args: string[],
  ready: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(TSX, args, { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
    let seen = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no "${ready}" within 20 s; output so far: ${seen.slice(-500)}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(ready)) {
        clearTimeout(timer);
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        child.kill("SIGTERM");
        resolve(ms);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
  });
}

/** Cold start to the chat's first prompt, median of `runs` fresh processes. */
export async function measureChatStartup(runs: number): Promise<{ median: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++)
    all.push(await timeUntilOutput(["src/cli/main.ts", "chat"], "story-desk>"));
  return { median: median(all), all };
}
