import { describe, expect, it } from "vitest";
import { describeWait, SlidingWindowLimiter } from "../src/discord/rate-limit.ts";

function setup(max: number, windowMs: number) {
  let now = 1_000_000;
  const limiter = new SlidingWindowLimiter({ max, windowMs }, () => now);
  return {
    limiter,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("SlidingWindowLimiter", () => {
  it("allows max hits in a window, then refuses with the time until the oldest expires", () => {
    const { limiter, advance } = setup(2, 10_000);
    expect(limiter.take("user")).toEqual({ allowed: true });
    advance(3_000);
    expect(limiter.take("user")).toEqual({ allowed: true });
    advance(1_000);
    expect(limiter.take("user")).toEqual({ allowed: false, retryAfterMs: 6_000, notify: true });
  });

  it("slides: a hit leaves the window exactly windowMs later", () => {
    const { limiter, advance } = setup(1, 10_000);
    limiter.take("user");
    advance(9_999);
    expect(limiter.take("user").allowed).toBe(false);
    advance(1);
    expect(limiter.take("user").allowed).toBe(true);
  });

  it("asks for one notice per window, never one per refused attempt", () => {
    const { limiter, advance } = setup(1, 10_000);
    limiter.take("user");
    const notices = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const verdict = limiter.take("user");
      notices.push(verdict.allowed ? "allowed" : verdict.notify);
      advance(1_000);
    }
    expect(notices).toEqual([true, false, false, false, false]);
    advance(5_000);
    limiter.take("user");
    const again = limiter.take("user");
    expect(again.allowed === false && again.notify).toBe(true);
  });

  it("does not count refused attempts, so waiting always helps", () => {
    const { limiter, advance } = setup(1, 10_000);
    limiter.take("user");
    for (let attempt = 0; attempt < 20; attempt += 1) {
      advance(400);
      limiter.take("user");
    }
    advance(2_000);
    expect(limiter.take("user").allowed).toBe(true);
  });

  it("keeps keys apart", () => {
    const { limiter } = setup(1, 10_000);
    expect(limiter.take("alice").allowed).toBe(true);
    expect(limiter.take("bob").allowed).toBe(true);
    expect(limiter.take("alice").allowed).toBe(false);
  });

  it("keeps limiting correctly after sweeping thousands of idle keys", () => {
    const { limiter, advance } = setup(1, 1_000);
    for (let user = 0; user < 1500; user += 1) limiter.take(`user-${user}`);
    limiter.take("active");
    advance(500);
    expect(limiter.take("active").allowed).toBe(false);
    advance(600);
    expect(limiter.take("user-1").allowed).toBe(true);
  });
});

describe("describeWait", () => {
  it("rounds up to whole seconds, never below one", () => {
    expect(describeWait(0)).toBe("1 s");
    expect(describeWait(1_001)).toBe("2 s");
    expect(describeWait(30_000)).toBe("30 s");
  });
});
