import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A throwaway PostgreSQL cluster for the storage contract suite (or DATABASE_URL's server), and
    // Elasticsearch for the connector tests (or ES_URL's server).
    globalSetup: ['./test/support/postgres-global-setup.ts', './test/support/elasticsearch-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
