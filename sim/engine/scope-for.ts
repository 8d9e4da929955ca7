import type { Service } from '../model/topology-model.ts';

export type ScopeUse =
  | 'server'
  | 'grpc-server'
  | 'http-client'
  | 'grpc-client'
  | 'internal'
  | 'job'
  | 'messaging'
  | 'db';

type Table = Partial<Record<ScopeUse | `db:${string}`, string>>;

const JAVA: Table = {
  server: 'io.opentelemetry.tomcat-10.0@2.10.0',
  'grpc-server': 'io.opentelemetry.grpc-1.6@2.10.0',
  'http-client': 'io.opentelemetry.java-http-client@2.10.0',
  'grpc-client': 'io.opentelemetry.grpc-1.6@2.10.0',
  internal: 'io.opentelemetry.spring-webmvc-6.0@2.10.0',
  job: 'io.opentelemetry.spring-scheduling-3.1@2.10.0',
  messaging: 'io.opentelemetry.kafka-clients-2.6@2.10.0',
  db: 'io.opentelemetry.jdbc@2.10.0',
  'db:redis': 'io.opentelemetry.lettuce-5.1@2.10.0',
  'db:mongodb': 'io.opentelemetry.mongo-3.1@2.10.0',
  'db:cassandra': 'io.opentelemetry.cassandra-4.4@2.10.0',
  'db:elasticsearch': 'io.opentelemetry.elasticsearch-rest-7.0@2.10.0',
  'db:memcached': 'io.opentelemetry.spymemcached-2.12@2.10.0',
};
const GO: Table = {
  server: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp@0.58.0',
  'grpc-server': 'go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc@0.58.0',
  'http-client': 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp@0.58.0',
  'grpc-client': 'go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc@0.58.0',
  messaging: 'github.com/IBM/sarama/otelsarama@0.58.0',
  db: 'github.com/XSAM/otelsql@0.35.0',
  'db:postgresql': 'github.com/exaring/otelpgx@0.8.0',
  'db:redis': 'github.com/redis/go-redis/extra/redisotel@9.7.0',
  'db:mongodb': 'go.opentelemetry.io/contrib/instrumentation/go.mongodb.org/mongo-driver/mongo/otelmongo@0.58.0',
};
const NODE: Table = {
  server: '@opentelemetry/instrumentation-http@0.57.1',
  'grpc-server': '@opentelemetry/instrumentation-grpc@0.57.1',
  'http-client': '@opentelemetry/instrumentation-undici@0.10.0',
  'grpc-client': '@opentelemetry/instrumentation-grpc@0.57.1',
  internal: '@opentelemetry/instrumentation-express@0.47.0',
  messaging: '@opentelemetry/instrumentation-kafkajs@0.7.0',
  db: '@opentelemetry/instrumentation-pg@0.50.0',
  'db:mysql': '@opentelemetry/instrumentation-mysql2@0.45.0',
  'db:redis': '@opentelemetry/instrumentation-ioredis@0.47.0',
  'db:mongodb': '@opentelemetry/instrumentation-mongodb@0.51.0',
};
const PYTHON: Table = {
  server: 'opentelemetry.instrumentation.flask@0.50b0',
  'grpc-server': 'opentelemetry.instrumentation.grpc@0.50b0',
  'http-client': 'opentelemetry.instrumentation.requests@0.50b0',
  'grpc-client': 'opentelemetry.instrumentation.grpc@0.50b0',
  messaging: 'opentelemetry.instrumentation.confluent_kafka@0.50b0',
  db: 'opentelemetry.instrumentation.psycopg2@0.50b0',
  'db:mysql': 'opentelemetry.instrumentation.pymysql@0.50b0',
  'db:redis': 'opentelemetry.instrumentation.redis@0.50b0',
  'db:mongodb': 'opentelemetry.instrumentation.pymongo@0.50b0',
  'db:elasticsearch': 'opentelemetry.instrumentation.elasticsearch@0.50b0',
};
const DOTNET: Table = {
  server: 'Microsoft.AspNetCore@',
  'grpc-server': 'Microsoft.AspNetCore@',
  'http-client': 'System.Net.Http@',
  'grpc-client': 'System.Net.Http@',
  messaging: 'Confluent.Kafka.Extensions.OpenTelemetry@0.4.0',
  db: 'OpenTelemetry.Instrumentation.SqlClient@1.10.0-beta.1',
  'db:postgresql': 'Npgsql@8.0.6',
  'db:redis': 'OpenTelemetry.Instrumentation.StackExchangeRedis@1.10.0-beta.1',
};

const FRAMEWORK_SERVER: Readonly<Record<string, string>> = {
  gin: 'github.com/gin-gonic/gin/otelgin@0.58.0',
  echo: 'github.com/labstack/echo/otelecho@0.58.0',
  fastapi: 'opentelemetry.instrumentation.fastapi@0.50b0',
  django: 'opentelemetry.instrumentation.django@0.50b0',
  quarkus: 'io.quarkus.opentelemetry@',
  fastify: '@fastify/otel@0.2.0',
  nginx: 'nginx@',
  envoy: 'envoy@',
};

/** The instrumentation scope (`name@version`) that a service's library would use for a kind of span. */
export function scopeFor(service: Service, use: ScopeUse, system?: string): string {
  const table = { java: JAVA, go: GO, node: NODE, python: PYTHON, dotnet: DOTNET }[service.lang];
  if (use === 'server' || use === 'grpc-server') {
    const fw = FRAMEWORK_SERVER[service.framework];
    if (fw && (use === 'server' || service.framework === 'nginx' || service.framework === 'envoy')) return fw;
  }
  if (use === 'db' && system) {
    const specific = table[`db:${system}`];
    if (specific) return specific;
  }
  if (use === 'job' || use === 'internal') return table[use] ?? `${service.codeBase}@${service.version}`;
  return table[use] ?? table.server ?? 'unknown@';
}
