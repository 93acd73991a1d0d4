// Runs in a child process: opens the embedded PostgreSQL (PGlite) on a data directory and
// serves it over the PostgreSQL wire protocol on a Unix socket. PGlite executes queries on
// the thread that calls it and blocks that thread for the whole query (stack-notes.md §2,
// "Single connection, runs on the calling thread"), so it must not live in the HTTP
// process; behind a socket the server talks to it through `pg`, exactly as to PostgreSQL.
//
// Protocol with the parent (IPC): the child sends {ready: true} once listening, or
// {error: message} if it cannot start; it closes the database cleanly on SIGTERM/SIGINT or
// when the parent disconnects.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';
import process from 'node:process';

const [dataDir, socketPath] = process.argv.slice(2);
if (!dataDir || !socketPath) {
  process.stderr.write('usage: pgliteProcess <dataDir> <socketPath>\n');
  process.exit(2);
}

let shuttingDown = false;
async function main(): Promise<void> {
  mkdirSync(dataDir!, { recursive: true });
  const db = await PGlite.create(dataDir!);
  // Every connection of the parent's pool gets its own handler; PGlite still runs one query
  // at a time (the socket server queues them) and an open transaction holds the others.
  const server = new PGLiteSocketServer({ db, path: socketPath!, maxConnections: 16 });
  await server.start();
  const shutdown = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('disconnect', shutdown);
  process.send?.({ ready: true });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
