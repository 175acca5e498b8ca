/** The scopes a personal API token may carry, narrowest first: core's list, the one the server checks. */
export { TOKEN_SCOPES, type TokenScope } from "@sohoa/core";
