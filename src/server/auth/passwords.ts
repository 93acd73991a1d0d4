// Password hashing with scrypt, a memory-hard key-derivation function (RFC 7914), from
// Node's crypto. Parameters follow OWASP's Password Storage Cheat Sheet minimum for scrypt
// (N=2^17, r=8, p=1); they are stored with each hash so they can be raised later.
import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import process from 'node:process';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const productionCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

/**
 * The cost of new hashes. One hash at N=2^17 takes about 0.37 s on the 2-core test machine,
 * and every API test file creates 4 users on each of 2 engines, so under vitest (which sets
 * VITEST in the environment of its workers, never in a served process) N drops to 2^14
 * (about 0.05 s) — or to 2^DENW_TEST_SCRYPT_LOG2N when that is set. Verification always uses
 * the cost stored with the hash, so test hashes remain valid everywhere.
 */
function currentCost(): ScryptCost {
  if (!process.env.VITEST) return productionCost;
  const log2n = Number(process.env.DENW_TEST_SCRYPT_LOG2N ?? 14);
  return { ...productionCost, N: 2 ** log2n };
}

const keyLength = 32;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, cost: ScryptCost = currentCost()): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(rr), p: Number(pp) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// A sign-in for an unknown username still spends one scrypt derivation, so that the answer's
// timing does not tell which usernames exist (OWASP Authentication Cheat Sheet, "Login
// Throttling" and "Authentication Responses").
let decoyHash: Promise<string> | undefined;
export async function spendVerification(password: string): Promise<false> {
  decoyHash ??= hashPassword(newSecret().secret);
  await verifyPassword(password, await decoyHash);
  return false;
}

/** A random secret for sessions and API tokens, and the hash under which it is stored. */
export function newSecret(prefix = ''): { secret: string; hash: string } {
  const secret = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const alphanumerics = `0123456789${letters}`;

/** A DHIS2 UID: 11 characters, a letter then 10 letters or digits (DHIS2 CodeGenerator). */
export function newUid(): string {
  let uid = letters[randomInt(letters.length)]!;
  for (let i = 0; i < 10; i++) uid += alphanumerics[randomInt(alphanumerics.length)]!;
  return uid;
}

/** A password that a person can copy: 20 characters from 57 unambiguous ones (about 117 bits). */
export function newReadablePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let password = '';
  for (let i = 0; i < 20; i++) password += alphabet[randomInt(alphabet.length)]!;
  return password;
}

/**
 * What a new password must be: NIST SP 800-63B §5.1.1.2 asks for at least 8 characters, at
 * least 64 allowed, and no composition rules (no forced digits or symbols); the upper bound
 * only keeps request bodies small, since scrypt's cost does not depend on the length.
 */
export const passwordRule = { minLength: 8, maxLength: 256 } as const;
