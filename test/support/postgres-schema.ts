import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh schema on the test server: a URL whose connections use it, and `drop` to remove it. */
export type PostgresSchema = { readonly url: string; readonly name: string; drop(): Promise<void> };

/** Creates an empty schema so each test (file) gets its own tables on the shared server. */
export async function createPostgresSchema(serverUrl: string): Promise<PostgresSchema> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.searchParams.set('options', `-c search_path=${name}`);
  return {
    url: u.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
