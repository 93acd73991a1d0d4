// One process at a time on an embedded data directory: a second open (the CLI while the
// server runs) is refused with DATA_DIR_IN_USE instead of writing to files the server
// overwrites; a lock left by a process that died does not block the next start.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DenwError } from '../core/errors.ts';
import { lockDataDir, lockFileOf } from './dataDirLock.ts';
import { openDatabase } from './database.ts';

const scratch = mkdtempSync(join(tmpdir(), 'denw-lock-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The process id of a process that has exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('the data directory lock', () => {
  it('refuses a directory another live process holds, naming it', () => {
    const dataDir = join(scratch, 'held');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(lockFileOf(dataDir), String(other.pid));
      expect(() => lockDataDir(dataDir)).toThrow(DenwError);
      try {
        lockDataDir(dataDir);
      } catch (error) {
        expect(error).toMatchObject({ code: 'DATA_DIR_IN_USE', params: { dataDir, pid: other.pid } });
      }
      expect(readFileSync(lockFileOf(dataDir), 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock whose process has died, and gives it back', () => {
    const dataDir = join(scratch, 'stale');
    writeFileSync(lockFileOf(dataDir), String(deadPid()));
    const unlock = lockDataDir(dataDir);
    expect(readFileSync(lockFileOf(dataDir), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it("takes over a lock naming this process's id that this process does not hold (a restarted container's server)", () => {
    const dataDir = join(scratch, 'same-pid');
    writeFileSync(lockFileOf(dataDir), String(process.pid));
    const unlock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(DenwError);
    unlock();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it('keeps a second openDatabase off an embedded directory that is open, and frees it on close', async () => {
    const dataDir = join(scratch, 'db');
    const first = await openDatabase({ dataDir, poolSize: 1 });
    try {
      await expect(openDatabase({ dataDir, poolSize: 1 })).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });
      expect((await first.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir, poolSize: 1 });
    await again.close();
  }, 60_000);
});
