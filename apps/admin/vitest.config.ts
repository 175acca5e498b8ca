import { defineConfig } from "vitest/config";

// Every package writes a JSON report so that scripts/test.mjs can sum all suites into one line.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    testTimeout: 120_000,
    passWithNoTests: true,
    // Browser steps on a loaded 2-core machine: poll long enough that a slow render is not a failure.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 120_000,
  },
});
