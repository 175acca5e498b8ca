/**
 * The lint every package shares (flat config). Rules that catch bugs, not style: prettier owns the format.
 * Type-aware rules are left out on purpose: `tsc --noUnusedLocals` already runs per package, and typed
 * linting would double the test command's time on a 2-core machine.
 */
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export const ignores = {
  ignores: ["**/node_modules/**", "**/dist/**", "**/reports/**", "**/generated/**", "**/.tools/**", "**/coverage/**", "**/*.d.ts", "**/.turbo/**", "**/test-artifacts/**", "**/data/**", "**/.certs/**"],
};

export default [
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Tests read answers loosely on purpose; the product's code may not.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/test/**", "**/test-kit.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["apps/admin/src/**/*.tsx", "apps/excel-addin/src/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
];
