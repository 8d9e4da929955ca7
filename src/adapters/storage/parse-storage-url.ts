import { isAbsolute, resolve } from 'node:path';
import type { Result } from '../../core/result/result.ts';

/** Where the data lives: an SQLite file (or `:memory:`) or a PostgreSQL server. */
export type StorageLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

/**
 * `postgres://…` / `postgresql://…` → PostgreSQL; `sqlite:PATH` (also `sqlite://PATH`, so
 * `sqlite:///var/lib/causeway.db` is absolute), `sqlite::memory:`, or a bare path ending in
 * `.db`, `.sqlite` or `.sqlite3` → SQLite. Relative paths are resolved against `cwd`.
 */
export function parseStorageUrl(url: string, cwd: string): Result<StorageLocation, string> {
  const u = url.trim();
  if (/^postgres(?:ql)?:\/\//i.test(u)) return { ok: true, value: { kind: 'postgres', url: u } };
  let path: string | undefined;
  if (/^sqlite:/i.test(u)) path = u.replace(/^sqlite:(?:\/\/)?/i, '');
  else if (/^file:/i.test(u)) path = u.replace(/^file:(?:\/\/)?/i, '');
  else if (/\.(?:db|sqlite3?)$/i.test(u) && !u.includes('://')) path = u;
  if (path === undefined || path === '') {
    return {
      ok: false,
      error: `storage.url ${JSON.stringify(redactUrl(u))} is neither postgres://… nor sqlite:PATH`,
    };
  }
  if (path === ':memory:') return { ok: true, value: { kind: 'sqlite', path } };
  return { ok: true, value: { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) } };
}

/** A URL with its password masked, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@/\s]+@/i, '$1****@');
}
