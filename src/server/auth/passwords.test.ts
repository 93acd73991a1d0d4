import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, hashSecret, newReadablePassword, newSecret, newUid, productionCost, verifyPassword } from './passwords.ts';

describe('password hashes', () => {
  it('use at least OWASP’s minimum scrypt cost in production (N=2^17, r=8, p=1)', () => {
    expect(productionCost).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('store the scheme, cost, salt and key, the key being scrypt(password, salt) per RFC 7914', async () => {
    const stored = await hashPassword('Bamako-2024', { N: 1024, r: 8, p: 1 });
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '1024', '8', '1']);
    const expected = scryptSync('Bamako-2024', Buffer.from(salt!, 'base64'), 32, { N: 1024, r: 8, p: 1 });
    expect(Buffer.from(key!, 'base64').equals(expected)).toBe(true);
  });

  it('verify with the cost stored beside the hash, so that the cost can be raised later', async () => {
    const cheap = await hashPassword('Ségou 1', { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('Ségou 1', cheap)).toBe(true);
    expect(await verifyPassword('Ségou 2', cheap)).toBe(false);
  });

  it('treat the composed and decomposed forms of an accented password alike (Unicode NFC)', async () => {
    const stored = await hashPassword('S\u00e9gou', { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('Se\u0301gou', stored)).toBe(true);
  });

  it('salt every hash differently', async () => {
    const cost = { N: 1024, r: 8, p: 1 };
    expect(await hashPassword('same', cost)).not.toBe(await hashPassword('same', cost));
  });

  it('refuse anything that is not a scrypt hash', async () => {
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$10$abc')).toBe(false);
  });
});

describe('secrets and identifiers', () => {
  it('are stored as the SHA-256 of the secret', () => {
    const { secret, hash } = newSecret('denw_pat_');
    expect(secret).toMatch(/^denw_pat_[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashSecret(secret));
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 example
  });

  it('make DHIS2 UIDs: a letter then 10 letters or digits', () => {
    for (let i = 0; i < 100; i++) expect(newUid()).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
  });

  it('make readable passwords without look-alike characters', () => {
    expect(newReadablePassword()).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
  });
});
