import { describe, expect, it } from 'vitest';
import { addressPolicy, createLoginThrottle, usernamePolicy } from './loginThrottle.ts';

const minute = 60_000;
const t0 = Date.UTC(2025, 0, 6, 8, 0, 0);

describe('sign-in throttle, per username', () => {
  it('lets four wrong passwords through, and locks the username for 15 minutes at the fifth', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 4; i++) throttle.failed('awa', '10.0.0.1', t0 + i);
    expect(throttle.lockedFor('awa', '10.0.0.1', t0 + 4)).toBe(0);
    throttle.failed('awa', '10.0.0.1', t0 + 4);
    expect(throttle.lockedFor('awa', '10.0.0.1', t0 + 4)).toBe(15 * minute);
    expect(throttle.lockedFor('awa', '10.0.0.1', t0 + 4 + 15 * minute)).toBe(0);
  });

  it('locks the username from every address, and ignores its case', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 5; i++) throttle.failed('Awa', `10.0.0.${i}`, t0);
    expect(throttle.lockedFor('AWA', '192.168.1.9', t0)).toBe(15 * minute);
  });

  it('doubles the lockout with each further failure: 15, 30, 60 minutes … at most 24 hours', () => {
    const throttle = createLoginThrottle();
    let now = t0;
    for (let i = 0; i < 5; i++) throttle.failed('awa', '10.0.0.1', now);
    const locks: number[] = [];
    for (let i = 0; i < 10; i++) {
      locks.push(throttle.lockedFor('awa', '10.0.0.1', now) / minute);
      now += throttle.lockedFor('awa', '10.0.0.1', now);
      throttle.failed('awa', '10.0.0.1', now);
    }
    expect(locks).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
  });

  it('starts again from zero after a success, or after a day without failure', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 4; i++) throttle.failed('awa', '10.0.0.1', t0);
    throttle.succeeded('awa');
    throttle.failed('awa', '10.0.0.1', t0);
    expect(throttle.lockedFor('awa', '10.0.0.1', t0)).toBe(0);

    const later = createLoginThrottle();
    for (let i = 0; i < 4; i++) later.failed('awa', '10.0.0.1', t0);
    later.failed('awa', '10.0.0.1', t0 + usernamePolicy.forgetAfterMs);
    expect(later.lockedFor('awa', '10.0.0.1', t0 + usernamePolicy.forgetAfterMs)).toBe(0);
  });
});

describe('sign-in throttle, per address', () => {
  it('locks an address after 20 failures spread over many usernames', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < addressPolicy.threshold - 1; i++) throttle.failed(`user${i}`, '10.0.0.1', t0);
    expect(throttle.lockedFor('someone', '10.0.0.1', t0)).toBe(0);
    throttle.failed('user19', '10.0.0.1', t0);
    expect(throttle.lockedFor('someone', '10.0.0.1', t0)).toBe(15 * minute);
    expect(throttle.lockedFor('someone', '10.0.0.2', t0)).toBe(0);
  });

  it('is not reset by a success, which would let one account cover guesses at others', () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 20; i++) {
      throttle.failed(`victim${i}`, '10.0.0.1', t0);
      throttle.succeeded('attacker');
    }
    expect(throttle.lockedFor('attacker', '10.0.0.1', t0)).toBe(15 * minute);
  });
});

it('keeps at most `capacity` keys, forgetting the one that failed least recently', () => {
  const throttle = createLoginThrottle(undefined, 3);
  for (let i = 0; i < 5; i++) throttle.failed('first', '10.0.0.1', t0);
  for (const name of ['b', 'c', 'd']) throttle.failed(name, '10.0.0.2', t0);
  expect(throttle.lockedFor('first', '10.0.0.3', t0)).toBe(0);
});
