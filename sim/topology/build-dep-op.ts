import { hashString } from '../core/hash-string.ts';
import type { Rng } from '../core/rng.ts';
import type { Dependency, DepOp } from '../model/topology-model.ts';

const PLACEHOLDER: Readonly<Record<string, (i: number) => string>> = {
  postgresql: (i) => `$${i}`,
  mysql: () => '?',
  mssql: (i) => `@p${i - 1}`,
  oracle: (i) => `:${i}`,
  clickhouse: () => '?',
  cassandra: () => '?',
};

const COLUMNS = ['id', 'status', 'created_at', 'updated_at', 'tenant_id', 'amount', 'currency', 'user_id', 'version'];

function sqlStatement(system: string, verb: string, table: string, rng: Rng): string {
  const ph = PLACEHOLDER[system] ?? PLACEHOLDER.postgresql!;
  const cols = rng.shuffle(COLUMNS).slice(0, rng.int(2, 5));
  switch (verb) {
    case 'INSERT':
      return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => ph(i + 1)).join(', ')})`;
    case 'UPDATE':
      return `UPDATE ${table} SET ${cols[0]} = ${ph(1)}, updated_at = now() WHERE id = ${ph(2)}`;
    case 'DELETE':
      return `DELETE FROM ${table} WHERE id = ${ph(1)}`;
    default: {
      const where = rng.pick(['id', 'tenant_id', 'user_id', 'account_id']);
      const limit = rng.chance(0.4) ? ` LIMIT ${rng.pick([20, 50, 100])}` : '';
      return `SELECT ${rng.chance(0.3) ? '*' : cols.join(', ')} FROM ${table} WHERE ${where} = ${ph(1)}${limit}`;
    }
  }
}

/**
 * Turns a dependency call written in a family spec (`SELECT orders`, `GET`, `find reviews`,
 * `search products`, `POST /v1/charges`) into span naming, statement and latency for the
 * dependency's system.
 */
export function buildDepOp(dep: Dependency, text: string, legacy: boolean, rng: Rng): DepOp {
  const [verbRaw = 'GET', ...rest] = text.split(/\s+/);
  const obj = rest.join(' ') || undefined;
  const verb = verbRaw.toUpperCase();
  const sys = dep.system;
  // latency is a property of the dependency and the operation, the same for every caller
  const unit = (salt: string) => hashString(`${dep.key}|${salt}`) / 4294967296;
  const lat = (m: number, s = 0.5) => ({ medianMs: m * (0.7 + 0.7 * unit(text)), sigma: s });
  const write = /^(INSERT|UPDATE|DELETE|SET|HSET|EXPIRE|DEL|GEOADD|INDEX|POST|PUT|PATCH)$/.test(verb);
  if (['postgresql', 'mysql', 'mssql', 'oracle', 'clickhouse'].includes(sys)) {
    const table = obj ?? 'items';
    const qualified = legacy && dep.dbNamespace ? `${dep.dbNamespace}.${table}` : table;
    const base = verb === 'SELECT' ? 1.6 : sys === 'clickhouse' ? 9 : 3.2;
    return {
      spanName: `${verb} ${qualified}`,
      operation: verb,
      collection: table,
      statement: sqlStatement(sys, verb, table, rng),
      ...lat(base),
      write,
    };
  }
  if (sys === 'cassandra') {
    const table = obj ?? 'items';
    const ks = dep.dbNamespace ?? 'app';
    const stmt =
      verb === 'SELECT'
        ? `SELECT * FROM ${ks}.${table} WHERE id = ?`
        : `${verb === 'INSERT' ? 'INSERT INTO' : 'UPDATE'} ${ks}.${table} ${verb === 'INSERT' ? '(id, payload, ts) VALUES (?, ?, ?)' : 'SET payload = ? WHERE id = ?'}`;
    return {
      spanName: `${verb} ${ks}.${table}`,
      operation: verb,
      collection: table,
      statement: stmt,
      ...lat(2.5),
      write,
    };
  }
  if (sys === 'redis' || sys === 'memcached') {
    const key = rng.pick(['session', 'cart', 'user', 'cache', 'rl', 'feat', 'geo', 'tok']);
    const name = sys === 'memcached' || rng.chance(0.25) ? verb.toLowerCase() : verb;
    return {
      spanName: name,
      operation: verb,
      collection: undefined,
      statement: `${verb} ${key}:?`,
      ...lat(0.6, 0.45),
      write,
    };
  }
  if (sys === 'mongodb') {
    const coll = obj ?? 'items';
    const op = verbRaw.toLowerCase();
    return {
      spanName: `${op} ${coll}`,
      operation: op,
      collection: coll,
      statement: JSON.stringify({ [op]: coll, filter: { _id: '?' } }),
      ...lat(2.8),
      write,
    };
  }
  if (sys === 'elasticsearch' || sys === 'opensearch') {
    const index = obj ?? 'docs';
    const op = verbRaw.toLowerCase();
    return {
      spanName: op,
      operation: op,
      collection: index,
      statement: op === 'search' ? '{"query":{"multi_match":{"query":"?"}}}' : undefined,
      ...lat(op === 'search' ? 14 : 6),
      write,
    };
  }
  // HTTP API (third-party, object storage, model serving)
  const path = obj ?? '/';
  const external = dep.kind === 'external' && !dep.address.endsWith('.internal') && !dep.address.includes('.svc');
  return {
    spanName: verb,
    operation: verb,
    collection: path,
    statement: undefined,
    ...lat(external ? rng.float(70, 260) : dep.kind === 'storage' ? 35 : 18, 0.45),
    write,
  };
}
