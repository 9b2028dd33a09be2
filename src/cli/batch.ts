import { createInterface } from "node:readline";
import { z } from "zod";
import type { Engine } from "../engine/types.ts";
import { formatResultJson } from "./format.ts";
import { runCommand } from "./run-command.ts";

const batchLineSchema = z.strictObject({
  cmd: z.enum(["ask", "who", "quote", "source"]),
  q: z.string(),
  lang: z.enum(["en", "ar"]).optional(),
});

/** Answers one JSON line; a malformed line becomes an `invalid` result rather than stopping the batch. */
export function answerBatchLine(engine: Engine, line: string): string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ status: "invalid", error: "not valid JSON" });
  }
  const parsed = batchLineSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `${i.path.join(".") || "line"}: ${i.message}`)
      .join("; ");
    return JSON.stringify({ status: "invalid", error: problems });
  }
  const { cmd, q, lang } = parsed.data;
  return formatResultJson(runCommand(engine, cmd, q, lang));
}

export async function runBatch(
  engine: Engine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) output.write(`${answerBatchLine(engine, line)}\n`);
}
