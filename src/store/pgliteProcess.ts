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

// Frontend message types of the extended query protocol (PostgreSQL manual, "Message
// Formats"): Parse, Bind, Describe, Execute, Close and Flush open or continue a sequence that
// Sync ends; a simple Query stands alone.
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = 'S'.charCodeAt(0);
const QUERY = 'Q'.charCodeAt(0);

/**
 * PGlite as the socket server should see it: "in a transaction" also between the Parse and
 * the Sync of one connection's extended-protocol query. pglite-socket 0.2.17 queues single
 * protocol messages from every connection and keeps to one connection only while a
 * transaction is open, so the Parse, Bind and Execute of two parameterised queries sent at the
 * same time interleave in PGlite's one session and answer each other's statements (requests
 * failing with 500, a valid password refused — electric-sql/pglite#1046). Holding the
 * connection until its Sync makes each query whole, as a PostgreSQL backend sees it.
 */
function holdingExtendedQueries(db: PGlite): PGlite {
  let inSequence = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === 'isInTransaction') return () => target.isInTransaction() || inSequence;
      if (property === 'execProtocolRawStream') {
        return async (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          const type = message[0]!;
          if (EXTENDED.has(type)) inSequence = true;
          else if (type === SYNC || type === QUERY) inSequence = false;
          return target.execProtocolRawStream(message, options);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

let shuttingDown = false;
async function main(): Promise<void> {
  mkdirSync(dataDir!, { recursive: true });
  const db = await PGlite.create(dataDir!);
  // Every connection of the parent's pool gets its own handler; PGlite still runs one query
  // at a time (the socket server queues them) and an open transaction holds the others.
  const server = new PGLiteSocketServer({ db: holdingExtendedQueries(db), path: socketPath!, maxConnections: 16 });
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
