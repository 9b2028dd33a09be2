import { wordSet } from "../text/word-lists.ts";

/**
 * The story names Stargate, xAI and the rest, but never says why they bear their names. "Why is
 * it called Stargate?" asks what it never says, though the name meets every entry about the
 * venture: it was answered with Trump's role in it. So is "ليش سموه ستارغيت؟".
 */
const NAMING = wordSet(
  "called named name naming سمي سميت سموه سموها سماه سماها تسميه تسميته اسمه اسمها",
);

/** Whether a question asking a reason (`asksReason`) asks why something bears its name. */
export function asksNameOrigin(tokens: readonly string[], asksReason: boolean): boolean {
  return asksReason && tokens.some((t) => NAMING.has(t));
}
