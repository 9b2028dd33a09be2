import type { FaqEntry } from "../knowledge/schema.ts";
import { TO, wordSet } from "../text/word-lists.ts";
import type { DetectedEntity } from "./entity-index.ts";
import type { ReadEntry } from "./store-reading.ts";

/**
 * Whose sum a question asks. "How much money does Musk actually have?" asks Musk's, which the
 * story never gives; his claim about SoftBank's money is someone else's sum, though it names him.
 * The holder is the name right before "have", "has", "holds" or "owns", with at most one word such
 * as "actually" between ("have to" is no holding). An amount question with a holder is answered
 * only by an entry one of whose phrasings asks of the same holder ("how much does SoftBank
 * really have").
 */
const HOLDING = wordSet("have has had hold holds held own owns");
const BETWEEN = wordSet("actually really even truly still already personally");

export function holderIn(
  tokens: readonly string[],
  names: readonly DetectedEntity[],
): string | undefined {
  for (const d of names) {
    const at = BETWEEN.has(tokens[d.end] ?? "") ? d.end + 1 : d.end;
    if (HOLDING.has(tokens[at] ?? "") && tokens[at + 1] !== TO) return d.entity.id;
  }
  return undefined;
}

export interface HolderIndex {
  /** One of the entry's phrasings asks of `holder`'s holding. */
  asksOf(entry: FaqEntry, holder: string): boolean;
}

export function buildHolderIndex(store: readonly ReadEntry[]): HolderIndex {
  const holders = new Map<FaqEntry, Set<string>>();
  for (const { entry, phrasings } of store) {
    const ids = new Set<string>();
    for (const p of phrasings) {
      // Names are looked for only where a word of holding is: most phrasings have none.
      if (!p.tokens.some((t) => HOLDING.has(t))) continue;
      const holder = holderIn(p.tokens, p.names());
      if (holder) ids.add(holder);
    }
    holders.set(entry, ids);
  }
  return { asksOf: (entry, holder) => holders.get(entry)?.has(holder) ?? false };
}
