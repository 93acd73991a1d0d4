import { describe, expect, it } from 'vitest';
import { generateUid, UID_PATTERN } from './uid.ts';

describe('DHIS2 UIDs', () => {
  it('accepts the UIDs DHIS2 itself ships (default combo, Sierra Leone demo)', () => {
    for (const uid of ['HllvX50cXC0', 'bjDvmb4bfuf', 'xYerKDKCefk', 'GLevLNI9wkl', 'ImspTQPwCqd', 'O6uvpzGd5pu']) expect(uid).toMatch(UID_PATTERN);
  });

  it('rejects a digit first, a wrong length and other characters', () => {
    for (const value of ['0llvX50cXC0', 'HllvX50cXC', 'HllvX50cXC00', 'Hllv-50cXC0', 'Hllv_50cXC0', '']) expect(value).not.toMatch(UID_PATTERN);
  });

  it('generates valid, distinct UIDs', () => {
    const uids = new Set(Array.from({ length: 2000 }, () => generateUid()));
    expect(uids.size).toBe(2000);
    for (const uid of uids) expect(uid).toMatch(UID_PATTERN);
  });

  it('skips bytes above the last whole multiple of the alphabet, so every character is equally likely', () => {
    // 255 is above 208 (52 × 4) and 248 (62 × 4) and must be skipped; 0 maps to 'a'; 61 to '9'.
    const bytes = [255, 0, 255, 61, 61, 61, 61, 61, 61, 61, 61, 61, 61];
    const source = (buffer: Uint8Array) => {
      buffer.fill(0);
      buffer.set(bytes);
      return buffer;
    };
    expect(generateUid(source)).toBe('a9999999999');
  });
});
