import type { CooldownRule } from "../config.ts";

export type LimitVerdict =
  | { allowed: true }
  | {
      allowed: false;
      retryAfterMs: number;
      /** True for the first refusal since the last notice window: tell the user once, not on every try. */
      notify: boolean;
    };

/** Keys are swept of expired hits once the map grows past this, so idle users cost nothing. */
const SWEEP_THRESHOLD = 1000;

/**
 * At most `rule.max` hits per key in any `rule.windowMs`. Pure apart from the injected clock:
 * a refused attempt is not counted, so waiting always helps.
 */
export class SlidingWindowLimiter {
  readonly #rule: CooldownRule;
  readonly #now: () => number;
  readonly #hits = new Map<string, number[]>();
  readonly #noticeAt = new Map<string, number>();

  constructor(rule: CooldownRule, now: () => number = Date.now) {
    this.#rule = rule;
    this.#now = now;
  }

  /** Records a hit for `key` when allowed. */
  take(key: string): LimitVerdict {
    const now = this.#now();
    if (this.#hits.size > SWEEP_THRESHOLD) this.#sweep(now);
    const hits = this.#recentHits(key, now);
    if (hits.length < this.#rule.max) {
      hits.push(now);
      this.#hits.set(key, hits);
      return { allowed: true };
    }
    const oldest = hits[0] ?? now;
    const lastNotice = this.#noticeAt.get(key);
    const notify = lastNotice === undefined || now - lastNotice >= this.#rule.windowMs;
    if (notify) this.#noticeAt.set(key, now);
    return {
      allowed: false,
      retryAfterMs: Math.max(0, oldest + this.#rule.windowMs - now),
      notify,
    };
  }

  #recentHits(key: string, now: number): number[] {
    const since = now - this.#rule.windowMs;
    return (this.#hits.get(key) ?? []).filter((at) => at > since);
  }

  #sweep(now: number): void {
    for (const key of this.#hits.keys()) {
      const hits = this.#recentHits(key, now);
      if (hits.length === 0) this.#hits.delete(key);
      else this.#hits.set(key, hits);
    }
    for (const [key, at] of this.#noticeAt) {
      if (now - at >= this.#rule.windowMs) this.#noticeAt.delete(key);
    }
  }
}

/** The two limits the bot applies: per user (anything) and per channel (public answers only). */
export interface Cooldowns {
  user: SlidingWindowLimiter;
  channel: SlidingWindowLimiter;
}

export function createCooldowns(
  rules: { user: CooldownRule; channel: CooldownRule },
  now: () => number = Date.now,
): Cooldowns {
  return {
    user: new SlidingWindowLimiter(rules.user, now),
    channel: new SlidingWindowLimiter(rules.channel, now),
  };
}

/** "in 12 s" style wait, rounded up so the user never retries a moment too early. */
export function describeWait(retryAfterMs: number): string {
  return `${Math.max(1, Math.ceil(retryAfterMs / 1000))} s`;
}
