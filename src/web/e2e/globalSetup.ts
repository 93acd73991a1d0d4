// Builds the web application and starts the real Denw server on a fresh embedded database,
// exactly as `npm start` does on a new laptop, then hands its address to the tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminPassword: string;
  }
}

const adminPassword = 'Admin-e2e-Denw-2026';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The production build, as `npm start` ships it (vitest sets NODE_ENV=test, which would
  // give React's development build).
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) throw new Error('web build failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'denw-e2e-'));
  const port = await freePort();
  const started = Date.now();
  const server: ChildProcess = spawn(process.execPath, ['bin/denw.js', 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, DENW_DATA: dataDir, DENW_ADMIN_PASSWORD: adminPassword, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
      if (output.includes('Denw : ')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
  process.stdout.write(`[e2e] server listening after ${((Date.now() - started) / 1000).toFixed(1)} s (first start: migrations, Mali, programme packages)\n`);
  // The demonstration data load in the background; the tests read them, so wait for them.
  for (;;) {
    const info = (await (await fetch(`http://127.0.0.1:${port}/api/system/info`)).json()) as { demo: { status: string; values: number } };
    if (info.demo.status === 'ready') break;
    if (info.demo.status === 'failed') throw new Error('the demonstration data failed to load');
    if (Date.now() - started > 600_000) throw new Error('the demonstration data took more than 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  process.stdout.write(`[e2e] demonstration data ready after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('adminPassword', adminPassword);
  return async () => {
    await new Promise<void>((resolve) => {
      server.once('exit', () => resolve());
      server.kill('SIGTERM');
    });
    rmSync(dataDir, { recursive: true, force: true });
  };
}
