import type { Lang } from '../../model/topology-model.ts';
import type { ErrText, FailureCtx } from '../err-text.ts';

type Table = Readonly<Record<Lang, (c: FailureCtx) => ErrText>>;

const POOL: Table = {
  java: (c) =>
    c.cat === 'redis'
      ? {
          type: 'io.lettuce.core.RedisException',
          message: 'java.util.NoSuchElementException: Timeout waiting for idle object',
        }
      : c.v % 2 === 0
        ? {
            type: 'java.sql.SQLTransientConnectionException',
            message: `HikariPool-1 - Connection is not available, request timed out after ${c.timeoutMs}ms (total=${10 + (c.v % 3) * 10}, active=${10 + (c.v % 3) * 10}, idle=0, waiting=${20 + (c.v % 50)})`,
          }
        : {
            type: 'org.springframework.jdbc.CannotGetJdbcConnectionException',
            message: `Failed to obtain JDBC Connection; nested exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after ${c.timeoutMs}ms.`,
          },
  go: (c) =>
    c.v % 2 === 0
      ? { type: '*errors.errorString', message: 'failed to acquire connection from pool: context deadline exceeded' }
      : { type: '*fmt.wrapError', message: `${c.target}: acquire conn: context deadline exceeded` },
  node: (c) =>
    c.v % 2 === 0
      ? {
          type: 'KnexTimeoutError',
          message:
            'Knex: Timeout acquiring a connection. The pool is probably full. Are you missing a .transacting(trx) call?',
        }
      : { type: 'TimeoutError', message: 'ResourceRequest timed out' },
  python: (c) => ({
    type: 'sqlalchemy.exc.TimeoutError',
    message: `QueuePool limit of size ${5 + (c.v % 3) * 5} overflow 10 reached, connection timed out, timeout ${Math.round(c.timeoutMs / 1000)}.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)`,
  }),
  dotnet: (c) =>
    c.system === 'postgresql'
      ? {
          type: 'Npgsql.NpgsqlException',
          message: `The connection pool has been exhausted, either raise 'Max Pool Size' (currently 100) or 'Timeout' (currently ${Math.round(c.timeoutMs / 1000)} seconds) in your connection string.`,
        }
      : {
          type: 'System.InvalidOperationException',
          message:
            'Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.',
        },
};

const THREADPOOL: Table = {
  java: (c) => ({
    type: 'org.springframework.core.task.TaskRejectedException',
    message: `Executor [java.util.concurrent.ThreadPoolExecutor@${(c.v % 0xfffffff).toString(16)}[Running, pool size = 200, active threads = 200, queued tasks = 1000, completed tasks = ${1_000_000 + c.v}]] did not accept task`,
  }),
  go: () => ({ type: '*errors.errorString', message: 'worker pool saturated: too many concurrent requests' }),
  node: () => ({ type: 'Error', message: 'Service Unavailable: event loop delay exceeded threshold' }),
  python: () => ({
    type: 'concurrent.futures.thread.BrokenThreadPool',
    message: 'worker queue full, rejecting request',
  }),
  dotnet: () => ({ type: 'System.InvalidOperationException', message: 'The concurrency limiter queue is full.' }),
};

const OVERLOAD: Table = {
  java: () => ({
    type: 'org.springframework.web.server.ResponseStatusException',
    message: '503 SERVICE_UNAVAILABLE "Server is overloaded, try again later"',
  }),
  go: () => ({ type: '*errors.errorString', message: 'too many in-flight requests, shedding load' }),
  node: () => ({ type: 'ServiceUnavailableError', message: 'Service Unavailable' }),
  python: () => ({ type: 'ServiceUnavailable', message: '503 Service Unavailable: server overloaded' }),
  dotnet: () => ({ type: 'Microsoft.AspNetCore.Http.BadHttpRequestException', message: 'Server is busy' }),
};

const DISK: Table = {
  java: () => ({ type: 'java.io.IOException', message: 'No space left on device' }),
  go: (c) => ({
    type: '*fs.PathError',
    message: `write /var/lib/${c.target}/tmp/upload-${c.v % 99999}: no space left on device`,
  }),
  node: () => ({ type: 'Error', message: 'ENOSPC: no space left on device, write' }),
  python: () => ({ type: 'OSError', message: '[Errno 28] No space left on device' }),
  dotnet: (c) => ({
    type: 'System.IO.IOException',
    message: `No space left on device : '/tmp/${c.target}-${c.v % 9999}.tmp'`,
  }),
};

const OOM: Table = {
  java: (c) => ({
    type: 'java.lang.OutOfMemoryError',
    message: c.v % 3 === 0 ? 'GC overhead limit exceeded' : 'Java heap space',
  }),
  go: () => ({ type: 'runtime.Error', message: 'runtime: out of memory' }),
  node: () => ({ type: 'RangeError', message: 'Array buffer allocation failed' }),
  python: () => ({ type: 'MemoryError', message: '' }),
  dotnet: () => ({
    type: 'System.OutOfMemoryException',
    message: "Exception of type 'System.OutOfMemoryException' was thrown.",
  }),
};

const FD: Table = {
  java: () => ({ type: 'java.net.SocketException', message: 'Too many open files' }),
  go: (c) => ({ type: '*net.OpError', message: `dial tcp ${c.ip}:${c.port}: socket: too many open files` }),
  node: (c) => ({ type: 'Error', message: `connect EMFILE ${c.ip}:${c.port} - Local (undefined:undefined)` }),
  python: () => ({ type: 'OSError', message: '[Errno 24] Too many open files' }),
  dotnet: () => ({ type: 'System.Net.Sockets.SocketException', message: 'Too many open files' }),
};

function dbText(lang: Lang, c: FailureCtx, pg: string, mysql: string, redis: string, state: string): ErrText {
  const text = c.cat === 'redis' ? redis : c.system === 'mysql' ? mysql : pg;
  switch (lang) {
    case 'java':
      return {
        type:
          c.cat === 'redis'
            ? 'io.lettuce.core.RedisCommandExecutionException'
            : c.system === 'mysql'
              ? 'java.sql.SQLNonTransientConnectionException'
              : 'org.postgresql.util.PSQLException',
        message: text,
      };
    case 'go':
      return {
        type: c.cat === 'redis' ? 'proto.RedisError' : '*pgconn.PgError',
        message: c.cat === 'redis' || c.system === 'mysql' ? text : `${text} (SQLSTATE ${state})`,
      };
    case 'node':
      return { type: c.cat === 'redis' ? 'ReplyError' : 'error', message: text.replace(/^FATAL:\s+|^ERROR:\s+/, '') };
    case 'python':
      return {
        type:
          c.cat === 'redis'
            ? 'redis.exceptions.ResponseError'
            : c.system === 'mysql'
              ? 'pymysql.err.OperationalError'
              : 'psycopg2.OperationalError',
        message: text.replace('FATAL:', 'FATAL: '),
      };
    case 'dotnet':
      return {
        type: c.cat === 'redis' ? 'StackExchange.Redis.RedisServerException' : 'Npgsql.PostgresException',
        message: c.cat === 'redis' ? text : `${state}: ${text.replace(/^FATAL:\s+|^ERROR:\s+/, '')}`,
      };
  }
}

const BROKER: Table = {
  java: (c) =>
    c.system === 'rabbitmq'
      ? {
          type: 'com.rabbitmq.client.AlreadyClosedException',
          message:
            'connection is already closed due to connection error; cause: java.net.SocketException: Connection reset',
        }
      : c.v % 2 === 0
        ? {
            type: 'org.apache.kafka.common.errors.TimeoutException',
            message: `Topic ${c.path.replace(/^\//, '') || 'events'} not present in metadata after 60000 ms.`,
          }
        : {
            type: 'org.apache.kafka.common.errors.TimeoutException',
            message: `Expiring ${1 + (c.v % 40)} record(s) for ${c.path.replace(/^\//, '') || 'events'}-${c.v % 12}:120000 ms has passed since batch creation`,
          },
  go: (c) =>
    c.system === 'rabbitmq'
      ? { type: '*amqp.Error', message: 'Exception (504) Reason: "channel/connection is not open"' }
      : {
          type: '*errors.errorString',
          message: `kafka: client has run out of available brokers to talk to: dial tcp ${c.ip}:${c.port}: connect: connection refused`,
        },
  node: (c) =>
    c.system === 'rabbitmq'
      ? { type: 'IllegalOperationError', message: 'Channel closed' }
      : { type: 'KafkaJSNumberOfRetriesExceeded', message: `Connection error: connect ECONNREFUSED ${c.ip}:${c.port}` },
  python: (c) =>
    c.system === 'rabbitmq'
      ? { type: 'pika.exceptions.AMQPConnectionError', message: '' }
      : {
          type: 'cimpl.KafkaException',
          message: 'KafkaError{code=_MSG_TIMED_OUT,val=-192,str="Local: Message timed out"}',
        },
  dotnet: (c) =>
    c.system === 'rabbitmq'
      ? {
          type: 'RabbitMQ.Client.Exceptions.BrokerUnreachableException',
          message: 'None of the specified endpoints were reachable',
        }
      : { type: 'Confluent.Kafka.ProduceException`2', message: 'Local: Message timed out' },
};

function auth(lang: Lang, c: FailureCtx): ErrText {
  if (c.cat === 'http') {
    const msg =
      c.v % 2 === 0
        ? 'Invalid API Key provided: sk_live_********************' + String(1000 + (c.v % 9000))
        : '401 Unauthorized: invalid client credentials';
    return lang === 'java'
      ? {
          type: 'org.springframework.web.client.HttpClientErrorException$Unauthorized',
          message: `401 Unauthorized: "{"error":{"message":"${msg}"}}"`,
        }
      : lang === 'python'
        ? { type: 'requests.exceptions.HTTPError', message: `401 Client Error: Unauthorized for url: ${c.url}` }
        : { type: lang === 'node' ? 'AxiosError' : 'HttpError', message: `${msg}` };
  }
  if (c.cat === 'queue')
    return {
      type: 'SaslAuthenticationException',
      message:
        'Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512',
    };
  const user = `${c.target.replace(/[^a-z]/g, '_').slice(0, 12)}_app`;
  return dbText(
    lang,
    c,
    `FATAL: password authentication failed for user "${user}"`,
    `Access denied for user '${user}'@'${c.ip}' (using password: YES)`,
    'WRONGPASS invalid username-password pair or user is disabled.',
    '28P01',
  );
}

/** Resource and server-state failures: pools, threads, disk, memory, file descriptors, database limits, credentials, brokers. */
export function resourceText(cls: string, lang: Lang, c: FailureCtx): ErrText | undefined {
  switch (cls) {
    case 'pool':
      return POOL[lang](c);
    case 'threadpool':
      return THREADPOOL[lang](c);
    case 'overload':
      return OVERLOAD[lang](c);
    case 'ratelimit':
      return {
        type: lang === 'java' ? 'org.springframework.web.server.ResponseStatusException' : 'RateLimitError',
        message: lang === 'java' ? '429 TOO_MANY_REQUESTS "Rate limit exceeded"' : 'rate limit exceeded',
      };
    case 'disk':
      return DISK[lang](c);
    case 'oom':
      return OOM[lang](c);
    case 'fd':
      return FD[lang](c);
    case 'too-many-clients':
      return dbText(
        lang,
        c,
        'FATAL: sorry, too many clients already',
        'Too many connections',
        'ERR max number of clients reached',
        '53300',
      );
    case 'readonly':
      return dbText(
        lang,
        c,
        `ERROR: cannot execute ${c.method === 'SELECT' ? 'UPDATE' : c.method} in a read-only transaction`,
        'The MySQL server is running with the --read-only option so it cannot execute this statement',
        "READONLY You can't write against a read only replica.",
        '25006',
      );
    case 'auth':
      return auth(lang, c);
    case 'broker':
      return BROKER[lang](c);
    default:
      return undefined;
  }
}
