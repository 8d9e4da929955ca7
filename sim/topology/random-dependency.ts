import type { Rng } from '../core/rng.ts';
import type { DepKind } from '../model/topology-model.ts';
import type { FamilyDepSpec } from './family-spec.ts';

const EXTERNAL: readonly (readonly [string, string, string])[] = [
  ['stripe', 'api.stripe.com', 'POST /v1/charges'],
  ['twilio', 'api.twilio.com', 'POST /2010-04-01/Accounts/Messages.json'],
  ['sendgrid', 'api.sendgrid.com', 'POST /v3/mail/send'],
  ['google-maps', 'maps.googleapis.com', 'GET /maps/api/geocode/json'],
  ['segment', 'api.segment.io', 'POST /v1/batch'],
  ['auth0', 'tenant.eu.auth0.com', 'POST /oauth/token'],
  ['algolia', 'app-dsn.algolia.net', 'POST /1/indexes/*/queries'],
  ['slack-api', 'slack.com', 'POST /api/chat.postMessage'],
  ['salesforce', 'acme.my.salesforce.com', 'POST /services/data/v60.0/sobjects'],
  ['hubspot', 'api.hubapi.com', 'POST /crm/v3/objects/contacts'],
  ['adyen', 'checkout-live.adyen.com', 'POST /v71/payments'],
  ['pagerduty-events', 'events.pagerduty.com', 'POST /v2/enqueue'],
  ['openai', 'api.openai.com', 'POST /v1/chat/completions'],
  ['shippo', 'api.goshippo.com', 'POST /shipments'],
];

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'eu-central-1', 'ap-southeast-2'];

/** A randomly named dependency of a kind, plus a few calls that fit it. */
export function randomDependency(rng: Rng, kind: DepKind, noun: string): { spec: FamilyDepSpec; ops: string[] } {
  const table = noun.endsWith('s') ? noun.replace(/-/g, '_') : `${noun.replace(/-/g, '_')}s`;
  const region = rng.pick(REGIONS);
  switch (kind) {
    case 'sql': {
      const system = rng.weighted([
        ['postgresql', 6],
        ['mysql', 3],
        ['mssql', 1],
      ]);
      const short = system === 'postgresql' ? 'pg' : system === 'mysql' ? 'mysql' : 'sql';
      return {
        spec: {
          kind,
          system,
          peer: [
            `${noun}-db`,
            `${short}-${noun}`,
            `${noun}db`,
            `${noun}-${system === 'postgresql' ? 'postgres' : system}`,
          ],
          hosts: [
            `${short}-${noun}.internal`,
            `${noun}-db.{ns}.svc.cluster.local`,
            `${noun}-prod.cluster-${rng.hex(10)}.${region}.rds.amazonaws.com`,
            `10.${rng.int(0, 60)}.${rng.int(0, 255)}.${rng.int(2, 250)}`,
          ],
          db: noun.replace(/-/g, '_'),
          addressOnly: rng.float(0.2, 0.5),
        },
        ops: [`SELECT ${table}`, `SELECT ${table}`, `INSERT ${table}`, `UPDATE ${table}`],
      };
    }
    case 'cache':
      return {
        spec: {
          kind,
          system: rng.chance(0.85) ? 'redis' : 'memcached',
          peer: [`${noun}-cache`, `redis-${noun}`, `${noun}-redis`, 'redis'],
          hosts: [
            `redis-${noun}.internal`,
            `${noun}-cache.{ns}.svc.cluster.local`,
            `${noun}.${rng.hex(6)}.ng.0001.${region.replace(/-/g, '')}.cache.amazonaws.com`,
          ],
          addressOnly: rng.float(0.2, 0.5),
        },
        ops: ['GET', 'GET', 'SET', 'MGET', 'HGETALL'],
      };
    case 'nosql':
      return {
        spec: {
          kind,
          system: rng.pick(['mongodb', 'cassandra']),
          peer: [`${noun}-mongo`, `${noun}-store`],
          hosts: [`${noun}-mongo.internal`, `${noun}-0.${noun}.{ns}.svc.cluster.local`],
          db: noun.replace(/-/g, '_'),
        },
        ops: [`find ${table}`, `find ${table}`, `insert ${table}`],
      };
    case 'search':
      return {
        spec: {
          kind,
          system: rng.pick(['elasticsearch', 'opensearch']),
          peer: [`${noun}-search`, 'elasticsearch', `es-${noun}`],
          hosts: [`es-${noun}.internal`, `elasticsearch-master.{ns}.svc.cluster.local`],
          port: 9200,
        },
        ops: [`search ${table}`],
      };
    case 'storage':
      return {
        spec: {
          kind,
          system: 'http',
          peer: ['s3', `${noun}-bucket`],
          hosts: [`${noun}-prod.s3.${region}.amazonaws.com`, 'storage.googleapis.com'],
          port: 443,
          addressOnly: 0.6,
        },
        ops: [`PUT /${noun}`, `GET /${noun}`],
      };
    case 'queue':
      return {
        spec: {
          kind,
          system: rng.pick(['kafka', 'kafka', 'rabbitmq']),
          peer: ['kafka', 'event-bus', 'broker'],
          hosts: ['kafka.internal', 'kafka-bootstrap.kafka.svc.cluster.local', 'rabbitmq.{ns}.svc.cluster.local'],
          port: 9092,
          addressOnly: 0.3,
        },
        ops: [],
      };
    case 'external': {
      const [peer, host, op] = rng.pick(EXTERNAL);
      return {
        spec: { kind, system: 'http', peer: [peer, `${peer}-api`], hosts: [host], port: 443, addressOnly: 0.5 },
        ops: [op],
      };
    }
  }
}
