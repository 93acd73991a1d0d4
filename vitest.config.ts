import { defineConfig } from 'vitest/config';

// Two tiers, each a vitest project:
// - core: pure domain logic, milliseconds, no database;
// - store: store and API tests, run against every database engine by the harness in
//   src/store/testing/ (embedded PGlite always, plus a real PostgreSQL server).
// The browser suite runs apart: `npm run test:e2e`.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: ['src/core/**/*.test.ts', 'src/programmes/**/*.test.ts', 'src/cli/**/*.test.ts', 'src/web/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'store',
          include: ['src/store/**/*.test.ts', 'src/server/**/*.test.ts'],
          globalSetup: ['src/store/testing/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
    ],
  },
});
