/** Options of the `waitFor*` helpers. */
export interface WaitOptions {
  /**
   * Only entries at or after this index count. Capture `fake.requests.length` before acting so
   * that an earlier, similar entry cannot satisfy the wait. Defaults to 0 (everything recorded).
   */
  since?: number;
  /** Milliseconds before the wait rejects; 2000 unless said otherwise. */
  timeoutMs?: number;
}

interface Waiter<T> {
  predicate: (entry: T) => boolean;
  resolve: (entry: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const DEFAULT_TIMEOUT_MS = 2000;

/**
 * An append-only log that tests can wait on.
 *
 * Entries that arrived before the wait started still count (subject to `since`), so a test never
 * races the fake: it may act first and wait afterwards.
 */
export class RecordLog<T> {
  readonly entries: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  readonly #describe: (entry: T) => string;
  readonly #kind: string;
  #closed = false;

  constructor(kind: string, describe: (entry: T) => string) {
    this.#kind = kind;
    this.#describe = describe;
  }

  push(entry: T): void {
    this.entries.push(entry);
    for (const waiter of this.#waiters) {
      if (waiter.predicate(entry)) {
        this.#settle(waiter);
        waiter.resolve(entry);
      }
    }
  }

  waitFor(predicate: (entry: T) => boolean, options: WaitOptions = {}): Promise<T> {
    const since = options.since ?? 0;
    const already = this.entries.slice(since).find(predicate);
    if (already !== undefined) return Promise.resolve(already);
    if (this.#closed) {
      return Promise.reject(new Error(`fake Discord is closed; no ${this.#kind} can arrive`));
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.#settle(waiter);
          const seen = this.entries.slice(since).map(this.#describe);
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for a matching ${this.#kind}; ` +
                `${seen.length} arrived since index ${since}:\n  ${seen.join("\n  ") || "(none)"}`,
            ),
          );
        }, timeoutMs),
      };
      // A forgotten wait must not keep the test process alive.
      waiter.timer.unref();
      this.#waiters.add(waiter);
    });
  }

  /** Rejects every pending wait; later waits reject immediately unless already satisfied. */
  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiters) {
      this.#settle(waiter);
      waiter.reject(new Error(`fake Discord closed while waiting for a ${this.#kind}`));
    }
  }

  #settle(waiter: Waiter<T>): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
  }
}
