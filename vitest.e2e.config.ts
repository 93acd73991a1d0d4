import { defineConfig } from 'vitest/config';

// The browser suite: the real server (built web app, embedded database, Mali and the demo
// data) driven by Debian's Chromium through playwright-core. `npm run test:e2e`.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['src/web/e2e/**/*.e2e.ts'],
    globalSetup: ['src/web/e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
