import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readJson = (path: string) => JSON.parse(readFileSync(path, "utf8"));
const pkg = readJson("package.json") as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const tsconfig = readJson("tsconfig.json") as { compilerOptions: { types?: string[] } };

/** The programs a script runs: the first word of each `&&`-joined command. */
function programsOf(script: string): string[] {
  return script.split("&&").map((command) => command.trim().split(/\s+/)[0] ?? "");
}

/** The command names a package installs (`bin` as a string is named after the package). */
function binsOf(name: string): string[] {
  const { bin } = readJson(`node_modules/${name}/package.json`) as {
    bin?: string | Record<string, string>;
  };
  if (typeof bin === "string") return [name.replace(/^@[^/]+\//, "")];
  return Object.keys(bin ?? {});
}

// Servers are often installed with `npm ci --omit=dev`; `npm start` compiles first, so whatever
// the compile and the run need must come with the production dependencies.
describe("npm start on a production install", () => {
  const production = Object.keys(pkg.dependencies);

  it("runs only programs that node or a production dependency provides", () => {
    const provided = new Set(["node", ...production.flatMap(binsOf)]);
    const programs = ["prestart", "start"].flatMap((s) => programsOf(pkg.scripts[s] ?? ""));
    expect(programs).toContain("tsc");
    expect(programs.filter((p) => !provided.has(p))).toEqual([]);
  });

  it("compiles against type packages that are production dependencies", () => {
    const types = (tsconfig.compilerOptions.types ?? []).map((t) => `@types/${t}`);
    expect(types.length).toBeGreaterThan(0);
    expect(types.filter((t) => !production.includes(t))).toEqual([]);
  });
});
