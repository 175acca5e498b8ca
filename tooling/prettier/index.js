/** One format for the whole repository; `pnpm format` writes it, `npm test` checks it. */
export default {
  printWidth: 150,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  arrowParens: "always",
};
