import { createInterface } from "node:readline";
import type { Engine, EngineResult } from "../engine/types.ts";
import { formatReplyText } from "./embed-text.ts";
import { isCliCommand, runCommand } from "./run-command.ts";

export interface ChatDeps {
  engine: Engine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export const CHAT_HELP = [
  "Ask about the story: type a question, or use a command:",
  "  /who musk        profile of a person or organisation",
  "  /quote altman    what a speaker said, verbatim",
  "  /ask how much will stargate invest?",
  "  /source 6        the full paragraph and its translation",
  "  /timeline        the dated events in order",
  "  1..5             pick a numbered suggestion from the last reply",
  "  /help, /quit",
].join("\n");

/** Interprets one line typed in the chat; returns undefined for lines that are not a lookup. */
export function answerChatLine(
  engine: Engine,
  line: string,
  last: EngineResult | undefined,
): EngineResult | "help" | "quit" | undefined {
  const text = line.trim();
  if (!text) return undefined;
  const pick = /^\d$/.test(text) ? last?.suggestions[Number(text) - 1] : undefined;
  if (pick) return engine.resolve(pick.ref, { lang: last?.lang ?? "en" });
  const command = text.match(/^\/(\w+)\s*(.*)$/s);
  if (!command) return engine.ask(text);
  const [, typed = "", rest = ""] = command;
  const name = typed.toLowerCase();
  if (name === "help") return "help";
  if (name === "quit" || name === "exit") return "quit";
  return isCliCommand(name) ? runCommand(engine, name, rest) : engine.ask(text);
}

/** The offline chat: the same replies the bot gives on Discord, rendered as text in a terminal. */
export async function runChat({ engine, input, output }: ChatDeps): Promise<void> {
  const rl = createInterface({
    input,
    output,
    prompt: "story-desk> ",
    terminal: "isTTY" in input && Boolean(input.isTTY),
  });
  let last: EngineResult | undefined;
  output.write(`${CHAT_HELP}\n\n`);
  rl.prompt();
  for await (const line of rl) {
    const reply = answerChatLine(engine, line, last);
    if (reply === "quit") break;
    if (reply === "help") output.write(`${CHAT_HELP}\n`);
    else if (reply) {
      last = reply;
      output.write(`\n${formatReplyText(reply)}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
}
