// DHIS2 identifiers: 11 characters from [A-Za-z0-9], the first a letter, drawn at random
// (dhis2-core CodeGenerator: `generateUid`, `isValidUid`, pattern ^[a-zA-Z][a-zA-Z0-9]{10}$).
// Denw gives one to every metadata object that arrives without one, so that its exports load
// into DHIS2 and back.

export const UID_PATTERN = /^[A-Za-z][A-Za-z0-9]{10}$/;

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALPHANUMERIC = `${LETTERS}0123456789`;
const UID_LENGTH = 11;

/** Fills a buffer with random bytes; Web Crypto by default (a global in Node 20 and browsers). */
export type RandomBytes = (buffer: Uint8Array) => Uint8Array;
const webCrypto: RandomBytes = (buffer) => globalThis.crypto.getRandomValues(buffer);

/**
 * A new UID. Characters are drawn without modulo bias: a byte is used only when it falls below
 * the largest multiple of the alphabet's size (208 for 52 letters, 248 for 62 characters).
 */
export function generateUid(randomBytes: RandomBytes = webCrypto): string {
  let uid = '';
  const buffer = new Uint8Array(32);
  while (uid.length < UID_LENGTH) {
    randomBytes(buffer);
    for (const byte of buffer) {
      const alphabet = uid.length === 0 ? LETTERS : ALPHANUMERIC;
      const limit = 256 - (256 % alphabet.length);
      if (byte >= limit) continue;
      uid += alphabet[byte % alphabet.length];
      if (uid.length === UID_LENGTH) break;
    }
  }
  return uid;
}
