// One process at a time on an embedded data directory. PGlite keeps the whole database in its
// own process's memory and writes the files back on its own schedule; it takes no lock on the
// directory (unlike PostgreSQL's postmaster.pid), so a second process — `npx denw import`
// while `npm start` serves the same ./denw-data — opens the files too, reports its import as
// done, and the server neither sees it nor keeps it (measured: the CLI answered "1 imported",
// the server's export never showed the value). The lock is a file beside the directory (not
// inside it: the directory is PostgreSQL's data directory) holding the owner's process id.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import process from 'node:process';
import { DenwError } from '../core/errors.ts';

/** The lock file of a data directory (an absolute path). */
export function lockFileOf(dataDir: string): string {
  return `${dataDir}.lock`;
}

/** Whether a process with this id runs (EPERM: it runs under another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// The directories this process holds. A lock file naming this process's own id that is not
// in here was left by an earlier process that had the same id — in a container restarted
// with its volume, the server gets the same small pid every time — and is stale.
const heldHere = new Set<string>();

/**
 * Takes the data directory for this process; returns the function that gives it back.
 * Throws DATA_DIR_IN_USE while another live process (or this one, through another open
 * database) holds it; a lock left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = lockFileOf(dataDir);
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        // Only our own lock: never remove one another process took over meanwhile.
        if (readOwner(path) === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    const live = owner === process.pid ? heldHere.has(path) : owner !== undefined && isRunning(owner);
    if (live) throw new DenwError('DATA_DIR_IN_USE', { dataDir, pid: owner ?? 0, lockFile: path });
    rmSync(path, { force: true });
  }
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
