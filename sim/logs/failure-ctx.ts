import { hashString } from '../core/hash-string.ts';
import type { Failure } from '../model/failure-model.ts';
import type { FailureCtx } from './err-text.ts';

const CAT: Readonly<Record<string, string>> = {
  postgresql: 'sql',
  mysql: 'sql',
  mssql: 'sql',
  oracle: 'sql',
  clickhouse: 'sql',
  cassandra: 'nosql',
  mongodb: 'nosql',
  redis: 'redis',
  memcached: 'redis',
  elasticsearch: 'search',
  opensearch: 'search',
  kafka: 'queue',
  rabbitmq: 'queue',
  grpc: 'grpc',
  http: 'http',
};

/** A stable private IP for a host name (the same host always resolves to the same address). */
export function ipOf(host: string): string {
  const h = hashString(host);
  return `10.${(h >>> 24) % 64}.${(h >>> 16) & 255}.${Math.max(2, (h >>> 8) & 255)}`;
}

/** Collects the facts about a failure's other side that the per-language texts use. */
export function failureCtx(f: Failure, variant: number): FailureCtx {
  const host = f.address ?? f.target ?? 'localhost';
  const port = f.port ?? 80;
  const url = f.url ?? `http://${host}:${port}/`;
  const path = /^[a-z]+:\/\/[^/]+(\/.*)?$/.exec(url)?.[1] ?? '/';
  return {
    host,
    ip: ipOf(host),
    port,
    url,
    path,
    method: (f.method ?? 'GET').toUpperCase(),
    target: f.target ?? host,
    system: f.system ?? 'http',
    cat: CAT[f.system ?? 'http'] ?? 'http',
    timeoutMs: f.timeoutMs ?? 5000,
    v: variant,
  };
}
