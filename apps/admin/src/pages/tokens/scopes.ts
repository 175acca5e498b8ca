/** The scopes a personal API token may carry (the server's TokenScope), narrowest first. */
export const TOKEN_SCOPES = ["SUBMIT", "READ", "ADMIN"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
