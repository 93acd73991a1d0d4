// What a conflict shows of the text at fault.
import { describe, expect, it } from 'vitest';
import { conflict } from './conflicts.ts';

describe('conflict', () => {
  it('shows identifiers and values up to 1,000 characters whole, in the object and the message parameters', () => {
    const storedBy = 'y'.repeat(256);
    expect(conflict('E7637', { index: 0, row: 2 }, storedBy, { reason: 'too long' })).toEqual({
      errorCode: 'E7637',
      field: 'storedBy',
      object: storedBy,
      params: { object: storedBy, reason: 'too long' },
      indexes: [0],
      rows: [2],
    });
    expect(conflict('E7619', undefined, '9'.repeat(1_000)).object).toHaveLength(1_000);
  });

  it('cuts a longer value to its first 1,000 characters and an ellipsis, so a file of huge values does not come back twice over', () => {
    const shown = conflict('E7619', { index: 0, row: 2 }, '9'.repeat(60_000), { valueType: 'INTEGER' });
    expect(shown.object).toBe(`${'9'.repeat(1_000)}…`);
    expect(shown.params.object).toBe(shown.object);
  });
});
