import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server for the storage contract suite ('' when none could be started). */
    postgresUrl: string;
    /** Why there is no server, when `postgresUrl` is ''. */
    postgresError: string;
  }
}

/**
 * vitest globalSetup: a throwaway PostgreSQL cluster for the whole run (started once, stopped at
 * teardown), or the server in DATABASE_URL when set. Test files isolate themselves in schemas.
 * When no server can be had, the PostgreSQL tests fail with the reason; other tests are unaffected.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.DATABASE_URL;
  if (existing) {
    project.provide('postgresUrl', existing);
    project.provide('postgresError', '');
    return undefined;
  }
  try {
    const cluster = await startPostgresCluster({ fsync: false });
    project.provide('postgresUrl', cluster.url);
    project.provide('postgresError', '');
    return () => cluster.stop();
  } catch (e) {
    project.provide('postgresUrl', '');
    project.provide('postgresError', (e as Error).message);
    return undefined;
  }
}
