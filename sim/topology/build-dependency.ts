import type { Rng } from '../core/rng.ts';
import type { Dependency } from '../model/topology-model.ts';
import type { FamilyDepSpec } from './family-spec.ts';

const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  postgresql: 5432,
  mysql: 3306,
  mssql: 1433,
  oracle: 1521,
  clickhouse: 8123,
  cassandra: 9042,
  redis: 6379,
  memcached: 11211,
  mongodb: 27017,
  elasticsearch: 9200,
  opensearch: 9200,
  kafka: 9092,
  rabbitmq: 5672,
  http: 443,
};

const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  postgresql: ['postgres', 'pg-', 'rds'],
  mysql: ['mysql', 'rds'],
  mssql: ['sql-', 'mssql'],
  oracle: ['ora', 'oracle'],
  cassandra: ['cassandra'],
  mongodb: ['mongo'],
  redis: ['redis', 'valkey', 'cache.amazonaws'],
  memcached: ['memcached'],
  elasticsearch: ['elasticsearch', 'es-', '.es.'],
  opensearch: ['opensearch'],
  kafka: ['kafka', 'msk'],
  rabbitmq: ['rabbitmq'],
  clickhouse: ['clickhouse'],
};

/** Drops candidate names that mention another system than the chosen one (`pg-main` for a MySQL). */
function consistent(candidates: readonly string[], system: string): readonly string[] {
  const others = Object.entries(KEYWORDS)
    .filter(([k]) => k !== system)
    .flatMap(([, words]) => words)
    .filter((w) => !(KEYWORDS[system] ?? []).includes(w));
  const kept = candidates.filter((c) => !others.some((w) => c.includes(w)));
  return kept.length > 0 ? kept : candidates;
}

/** Draws the concrete identity of one uninstrumented dependency (system, peer.service, address). */
export function buildDependency(key: string, spec: FamilyDepSpec, namespace: string, rng: Rng): Dependency {
  const system = rng.pick(spec.system.split('|'));
  const address = rng.pick(consistent(spec.hosts, system)).replace('{ns}', namespace);
  const addressOnly = rng.chance(spec.addressOnly ?? 0.25);
  const peerService = addressOnly ? undefined : rng.pick(consistent(spec.peer, system));
  const port = system === 'rabbitmq' ? 5672 : (spec.port ?? DEFAULT_PORTS[system] ?? 443);
  const http = system === 'http';
  const internalHttp = address.endsWith('.internal') || address.includes('.svc');
  const baseUrl = http
    ? `${internalHttp && port !== 443 ? 'http' : 'https'}://${address}${port === 443 ? '' : `:${port}`}`
    : undefined;
  return {
    key,
    name: peerService ?? address,
    peerService,
    address,
    port,
    kind: spec.kind,
    system,
    dbNamespace: spec.db,
    baseUrl,
  };
}
