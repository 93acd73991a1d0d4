import { describe, expect, it } from 'vitest';
import { generatePassword } from './usersApi.ts';

describe('generated passwords', () => {
  it('are 16 unambiguous letters and digits in groups of four', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
    expect(password).not.toMatch(/[01lIoO]/);
  });

  it('never use a byte that would make some characters likelier (rejection sampling)', () => {
    // 56 characters: bytes 224–255 would favour the first 32 characters, so they are skipped.
    let call = 0;
    const random = (bytes: Uint8Array) => bytes.fill(call++ === 0 ? 250 : 0);
    expect(generatePassword(random)).toBe('aaaa-aaaa-aaaa-aaaa');
    expect(call).toBe(2);
  });

  it('differ from one call to the next', () => {
    expect(new Set(Array.from({ length: 20 }, () => generatePassword())).size).toBe(20);
  });
});
