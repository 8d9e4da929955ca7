import { describe, expect, it } from 'vitest';
import {
  CLIENT_FAULT_WORDS,
  CONNECTION_WORDS,
  RESOURCE_WORDS,
  SATURATION_WORDS,
  TIMEOUT_WORDS,
} from '../../../src/core/logs/fault-words.ts';

// Error texts as real clients, servers and runtimes print them (not the simulator's wording).
const cases: [RegExp, string, string[]][] = [
  [
    RESOURCE_WORDS,
    'resource',
    [
      'java.lang.OutOfMemoryError: Java heap space',
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      'fatal error: runtime: out of memory',
      'HikariPool-1 - Connection is not available, request timed out after 30000ms.',
      'sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00',
      'accept4: too many open files; retrying in 1s',
      'ERR max number of clients reached',
      'FATAL: sorry, too many clients already',
      'FATAL: remaining connection slots are reserved for non-replication superuser connections',
      "OOM command not allowed when used memory > 'maxmemory'.",
      'write /var/lib/app/cache/blob: no space left on device',
      'java.util.concurrent.RejectedExecutionException: Task rejected from ThreadPoolExecutor',
      'java.lang.OutOfMemoryError: unable to create new native thread',
      'pthread_create failed: Resource temporarily unavailable',
      'The node was low on resource: memory. Container app was using 2012Mi, which exceeds its request of 512Mi.',
      'Data too long; ERROR 1040 (08004): Too many connections',
    ],
  ],
  [
    CONNECTION_WORDS,
    'connection',
    [
      'upstream connect error or disconnect/reset before headers. reset reason: connection failure',
      'dial tcp 10.0.0.7:5432: connect: connection refused',
      'getaddrinfo ENOTFOUND redis-primary',
      'psycopg2.OperationalError: could not connect to server: Connection refused',
      'SQLSTATE[HY000] [2006] MySQL server has gone away',
      'Lost connection to MySQL server during query',
      'java.net.UnknownHostException: orders-db: Name or service not known',
      'read tcp 10.1.2.3:41234->10.1.2.9:6379: read: connection reset by peer',
      'No connection could be made because the target machine actively refused it. (localhost:5672)',
      'java.net.NoRouteToHostException: No route to host (Host unreachable)',
      'write tcp 10.0.0.4:5432: write: broken pipe',
    ],
  ],
  [
    TIMEOUT_WORDS,
    'timeout',
    [
      'rpc error: code = DeadlineExceeded desc = context deadline exceeded',
      'java.net.SocketTimeoutException: Read timed out',
      'Error: connect ETIMEDOUT 10.0.0.7:443',
      "requests.exceptions.ReadTimeout: HTTPConnectionPool(host='pricing', port=80): Read timed out. (read timeout=2)",
    ],
  ],
  [
    CLIENT_FAULT_WORDS,
    'client fault',
    [
      'FATAL: password authentication failed for user "orders"',
      'NOAUTH Authentication required.',
      'WRONGPASS invalid username-password pair or user is disabled.',
      "Access denied for user 'app'@'10.0.0.5' (using password: YES)",
      'An error occurred (AccessDenied) when calling the GetObject operation: Access Denied',
      'The security token included in the request is invalid.',
      'rpc error: code = Unauthenticated desc = invalid token',
      'x509: certificate has expired or is not yet valid',
      'HTTP 401 Unauthorized',
    ],
  ],
  [
    SATURATION_WORDS,
    'saturation',
    [
      '429 Too Many Requests',
      'Rate limit exceeded, retry after 30s',
      'server is at capacity, try again later',
      'Request rejected: server overloaded',
    ],
  ],
];

// …and texts that must not be read as that class.
const not: [RegExp, string, string[]][] = [
  [
    CLIENT_FAULT_WORDS,
    'client fault',
    ['authz-service unavailable', 'GET /v1/auth/session 503', 'token refresh scheduled'],
  ],
  [RESOURCE_WORDS, 'resource', ['connection refused', 'request completed in 12 ms', 'cache miss for key user:42']],
  [CONNECTION_WORDS, 'connection', ['payment declined: insufficient funds', 'circuit breaker open for pricing']],
];

describe('fault words', () => {
  for (const [re, name, texts] of cases)
    it(`reads real-world ${name} errors`, () => {
      expect(texts.filter((t) => !re.test(t))).toEqual([]);
    });
  for (const [re, name, texts] of not)
    it(`does not read other errors as ${name}`, () => {
      expect(texts.filter((t) => re.test(t))).toEqual([]);
    });
});
