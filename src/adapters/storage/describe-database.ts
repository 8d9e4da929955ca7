import { parseStorageUrl, redactUrl } from './parse-storage-url.ts';

/**
 * Where `storage.url` points, resolved and safe to print: `SQLite file /abs/path`, `SQLite in
 * memory`, or `PostgreSQL postgres://user:****@host/db` (the password masked).
 */
export function describeDatabase(url: string, cwd: string): string {
  const where = parseStorageUrl(url, cwd);
  if (!where.ok) return `storage.url ${redactUrl(url)} (not a database URL)`;
  const loc = where.value;
  if (loc.kind === 'postgres') return `PostgreSQL ${redactUrl(loc.url)}`;
  return loc.path === ':memory:' ? 'SQLite in memory' : `SQLite file ${loc.path}`;
}
