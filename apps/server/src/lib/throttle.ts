/**
 * Sign-in throttling, counted in the database before the password is checked (one atomic statement per attempt,
 * so a burst cannot slip past the limit). Three keys per attempt: the address with the username (the usual
 * guessing), the address alone (a gentler ceiling, so one address cannot try every username), and the username
 * alone from anywhere (a spread-out attack) — counted alike for usernames that exist and those that do not, so a
 * refusal says nothing about which usernames exist.
 */
import { clearSignInAttempts, countSignInAttempt, purgeSignInAttempts, type AttemptCount, type Sql } from "@sohoa/db";

export interface ThrottleLimits {
  windowMs: number;
  /** Attempts per address and username in a window. */
  perAddressUser: number;
  /** Attempts per address, whatever the username. */
  perAddress: number;
  /** Attempts per username, whatever the address. */
  perUser: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { windowMs: 15 * 60_000, perAddressUser: 5, perAddress: 50, perUser: 10 };

const keysOf = (address: string, username: string) => ({ pair: `a:${address}|${username}`, address: `ip:${address}`, user: `u:${username}` });

/**
 * Counts this attempt; the milliseconds until it may be tried again if a limit is now exceeded, else 0. The
 * username's own count takes only attempts within their address's limits: one address adds at most perAddressUser
 * to it, so locking a username out for everyone takes many addresses.
 */
export async function countAttempt(sql: Sql, limits: ThrottleLimits, address: string, username: string, now: Date): Promise<number> {
  const keys = keysOf(address, username);
  const limitOf = new Map([[keys.pair, limits.perAddressUser], [keys.address, limits.perAddress], [keys.user, limits.perUser]]);
  const over = (counts: AttemptCount[]) => counts.filter((c) => c.count > limitOf.get(c.key)!).map((c) => c.windowStart.getTime() + limits.windowMs - now.getTime());
  let waits = over(await countSignInAttempt(sql, [keys.pair, keys.address], now, limits.windowMs));
  if (waits.length === 0) waits = over(await countSignInAttempt(sql, [keys.user], now, limits.windowMs));
  return waits.length ? Math.max(1000, ...waits) : 0;
}

/**
 * A successful sign-in forgets its username's attempts and takes itself back from the address's count, which so
 * counts failures: an office behind one address signs in all day. It also drops keys whose window is over (their
 * next attempt would start again at 1), so that a flood of made-up usernames does not stay in the table.
 */
export async function clearAttempts(sql: Sql, limits: ThrottleLimits, address: string, username: string, now: Date): Promise<void> {
  const keys = keysOf(address, username);
  await clearSignInAttempts(sql, [keys.pair, keys.user], [keys.address]);
  await purgeSignInAttempts(sql, new Date(now.getTime() - limits.windowMs));
}
