import type { Engine, EngineResult, Lang } from "../engine/types.ts";

export const CLI_COMMANDS = ["ask", "who", "quote", "source", "timeline"] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

export function isCliCommand(name: string): name is CliCommand {
  return (CLI_COMMANDS as readonly string[]).includes(name);
}

/** One entry point from a command name to the engine, shared by the cli, batch and chat. */
export function runCommand(engine: Engine, cmd: CliCommand, q: string, lang?: Lang): EngineResult {
  const options = lang ? { lang } : {};
  switch (cmd) {
    case "ask":
      return engine.ask(q, options);
    case "who":
      return engine.who(q, options);
    case "quote":
      return engine.quote(q, options);
    case "source":
      return engine.source(q, options);
    case "timeline":
      return engine.timeline(options);
  }
}
