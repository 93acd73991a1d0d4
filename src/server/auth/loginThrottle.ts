// Failed sign-ins are counted per username and per client address; past a threshold, that
// username or address is locked out for a while, each further failure doubling the wait —
// OWASP Authentication Cheat Sheet, "Protect Against Automated Attacks" (account lockout with
// an exponentially increasing duration rather than a permanent lock, so that an attacker
// cannot lock an account for good). Form sign-ins, HTTP Basic credentials and the old
// password of a password change all count.
//
// The counts live in this process's memory: Denw serves from one process, and a restart
// forgetting them costs an attacker a restart it cannot cause. Time enters as an argument.

export interface LockoutPolicy {
  /** Consecutive failures that start a lockout. */
  threshold: number;
  /** The first lockout; each further failure doubles it. */
  firstLockMs: number;
  maxLockMs: number;
  /** A key without failure for this long (counted from the end of its lockout) starts again from zero. */
  forgetAfterMs: number;
}

const minute = 60_000;
const hour = 60 * minute;

/** Per username: 5 failures → 15 min, then 30 min, 1 h … at most 24 h. */
export const usernamePolicy: LockoutPolicy = { threshold: 5, firstLockMs: 15 * minute, maxLockMs: 24 * hour, forgetAfterMs: 24 * hour };

/**
 * Per client address: higher, because a ministry or a regional office shares one address
 * behind its router, and one person's typing must not lock out the building.
 */
export const addressPolicy: LockoutPolicy = { threshold: 20, firstLockMs: 15 * minute, maxLockMs: 24 * hour, forgetAfterMs: 24 * hour };

interface Failures {
  count: number;
  lastFailure: number;
  lockedUntil: number;
}

/** Failure counts by key, bounded in size: when full, the key failed least recently goes. */
class FailureCounts {
  private readonly entries = new Map<string, Failures>();

  constructor(
    private readonly policy: LockoutPolicy,
    private readonly capacity: number,
  ) {}

  lockedFor(key: string, now: number): number {
    return Math.max(0, (this.entries.get(key)?.lockedUntil ?? 0) - now);
  }

  fail(key: string, now: number): void {
    const previous = this.entries.get(key);
    const quietSince = previous ? Math.max(previous.lastFailure, previous.lockedUntil) : now;
    const count = previous && now - quietSince < this.policy.forgetAfterMs ? previous.count + 1 : 1;
    const excess = count - this.policy.threshold;
    const lockMs = excess < 0 ? 0 : Math.min(this.policy.firstLockMs * 2 ** excess, this.policy.maxLockMs);
    this.entries.delete(key); // re-inserted last: the Map's order is the order of last failure
    this.entries.set(key, { count, lastFailure: now, lockedUntil: now + lockMs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

export interface LoginThrottle {
  /** Milliseconds until this username may try again from this address (0: now). */
  lockedFor(username: string, address: string, now: number): number;
  failed(username: string, address: string, now: number): void;
  /**
   * A success clears the username's count but not the address's: otherwise an attacker
   * with one account of its own could reset its address between guesses at others.
   */
  succeeded(username: string): void;
}

export function createLoginThrottle(
  policies: { username: LockoutPolicy; address: LockoutPolicy } = { username: usernamePolicy, address: addressPolicy },
  capacity = 100_000,
): LoginThrottle {
  const byUsername = new FailureCounts(policies.username, capacity);
  const byAddress = new FailureCounts(policies.address, capacity);
  const key = (username: string) => username.trim().toLowerCase();
  return {
    lockedFor: (username, address, now) => Math.max(byUsername.lockedFor(key(username), now), byAddress.lockedFor(address, now)),
    failed(username, address, now) {
      byUsername.fail(key(username), now);
      byAddress.fail(address, now);
    },
    succeeded: (username) => byUsername.forget(key(username)),
  };
}
