import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // tests/eval holds the evaluation harness and its fixtures, run by `npm run eval`, not vitest.
    exclude: ["tests/eval/**", "**/node_modules/**"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
