/** Milliseconds of the Discord epoch (2015-01-01T00:00:00Z); snowflakes count from here. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/**
 * Mints a fresh snowflake for "now".
 *
 * discord.js derives `createdAt` from ids, so they have to be real snowflakes rather than
 * arbitrary strings; the increment keeps ids unique within one millisecond.
 */
export function nextSnowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/**
 * Fixed ids used by the default world, so tests can refer to them without reading them back.
 * They are valid snowflakes dated in 2024.
 */
export const DEFAULT_IDS = {
  guild: "1300000000000000001",
  generalChannel: "1300000000000000011",
  newsChannel: "1300000000000000012",
  botUser: "1300000000000000100",
  humanUser: "1300000000000000200",
  otherUser: "1300000000000000201",
} as const;
