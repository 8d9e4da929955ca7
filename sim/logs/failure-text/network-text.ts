import type { Lang } from '../../model/topology-model.ts';
import type { ErrText, FailureCtx } from '../err-text.ts';

type Gen = (c: FailureCtx) => ErrText;
const pick = (list: readonly Gen[], c: FailureCtx): ErrText => (list[c.v % list.length] as Gen)(c);
const secs = (ms: number): string => String(Math.round(ms / 100) / 10);

const TIMEOUT: Readonly<Record<Lang, (c: FailureCtx) => ErrText>> = {
  java: (c) => {
    if (c.cat === 'grpc')
      return {
        type: 'io.grpc.StatusRuntimeException',
        message: `DEADLINE_EXCEEDED: deadline exceeded after ${secs(c.timeoutMs - 1)}s. Name resolution delay 0.000 seconds. [closed=[], open=[[remote_addr=${c.host}/${c.ip}:${c.port}]]]`,
      };
    if (c.cat === 'redis')
      return {
        type: 'io.lettuce.core.RedisCommandTimeoutException',
        message: `Command timed out after ${c.timeoutMs >= 1000 ? `${Math.round(c.timeoutMs / 1000)} second(s)` : `${c.timeoutMs} millisecond(s)`}`,
      };
    if (c.cat === 'sql')
      return pick(
        [
          (x) => ({
            type: 'org.springframework.dao.QueryTimeoutException',
            message: `PreparedStatementCallback; SQL [${x.method} ...]; ERROR: canceling statement due to statement timeout`,
          }),
          () => ({ type: 'java.net.SocketTimeoutException', message: 'Read timed out' }),
        ],
        c,
      );
    return pick(
      [
        (x) => ({
          type: 'org.springframework.web.client.ResourceAccessException',
          message: `I/O error on ${x.method} request for "${x.url}": Read timed out`,
        }),
        () => ({ type: 'java.net.SocketTimeoutException', message: 'Read timed out' }),
        () => ({ type: 'java.net.http.HttpTimeoutException', message: 'request timed out' }),
        (x) => ({ type: 'feign.RetryableException', message: `Read timed out executing ${x.method} ${x.url}` }),
      ],
      c,
    );
  },
  go: (c) => {
    if (c.cat === 'grpc')
      return { type: '*status.Error', message: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded' };
    if (c.cat === 'redis')
      return {
        type: '*net.OpError',
        message: `read tcp 10.${c.v % 60}.3.17:${40000 + (c.v % 20000)}->${c.ip}:${c.port}: i/o timeout`,
      };
    if (c.cat === 'sql')
      return pick(
        [
          () => ({ type: '*errors.errorString', message: 'context deadline exceeded' }),
          () => ({ type: '*pgconn.PgError', message: 'timeout: context deadline exceeded' }),
        ],
        c,
      );
    return pick(
      [
        (x) => ({
          type: '*url.Error',
          message: `${x.method.charAt(0)}${x.method.slice(1).toLowerCase()} "${x.url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
        }),
        (x) => ({
          type: '*url.Error',
          message: `${x.method.charAt(0)}${x.method.slice(1).toLowerCase()} "${x.url}": context deadline exceeded`,
        }),
      ],
      c,
    );
  },
  node: (c) => {
    if (c.cat === 'grpc')
      return {
        type: 'Error',
        message: `4 DEADLINE_EXCEEDED: Deadline exceeded after ${secs(c.timeoutMs + 1)}s,LB pick: 0.001s,remote_addr=${c.ip}:${c.port}`,
      };
    if (c.cat === 'redis') return { type: 'Error', message: 'Command timed out' };
    if (c.cat === 'sql') return { type: 'Error', message: 'Query read timeout' };
    return pick(
      [
        (x) => ({ type: 'AxiosError', message: `timeout of ${x.timeoutMs}ms exceeded` }),
        (x) => ({ type: 'TimeoutError', message: `Timeout awaiting 'request' for ${x.timeoutMs}ms` }),
        () => ({ type: 'TimeoutError', message: 'The operation was aborted due to timeout' }),
      ],
      c,
    );
  },
  python: (c) => {
    if (c.cat === 'grpc')
      return {
        type: 'grpc._channel._InactiveRpcError',
        message: `<_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.DEADLINE_EXCEEDED\n\tdetails = "Deadline Exceeded"\n\tdebug_error_string = "UNKNOWN:Error received from peer  {grpc_message:"Deadline Exceeded", grpc_status:4}"\n>`,
      };
    if (c.cat === 'redis') return { type: 'redis.exceptions.TimeoutError', message: 'Timeout reading from socket' };
    if (c.cat === 'sql')
      return { type: 'psycopg2.errors.QueryCanceled', message: 'canceling statement due to statement timeout' };
    return pick(
      [
        (x) => ({
          type: 'requests.exceptions.ReadTimeout',
          message: `HTTPConnectionPool(host='${x.host}', port=${x.port}): Read timed out. (read timeout=${secs(x.timeoutMs)})`,
        }),
        () => ({ type: 'httpx.ReadTimeout', message: 'timed out' }),
        () => ({ type: 'asyncio.exceptions.TimeoutError', message: '' }),
      ],
      c,
    );
  },
  dotnet: (c) => {
    if (c.cat === 'grpc')
      return { type: 'Grpc.Core.RpcException', message: 'Status(StatusCode="DeadlineExceeded", Detail="")' };
    if (c.cat === 'redis')
      return {
        type: 'StackExchange.Redis.RedisTimeoutException',
        message: `Timeout performing GET (${c.timeoutMs}ms), next: GET session:${c.v % 9000}, inst: 0, qu: 0, qs: ${c.v % 40}, aw: False, bw: SpinningDown, rs: ReadAsync, ws: Idle, in: 0, serverEndpoint: ${c.host}:${c.port}`,
      };
    if (c.cat === 'sql')
      return {
        type: 'Microsoft.Data.SqlClient.SqlException',
        message:
          'Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.',
      };
    return {
      type: 'System.Threading.Tasks.TaskCanceledException',
      message: `The request was canceled due to the configured HttpClient.Timeout of ${secs(c.timeoutMs)} seconds elapsing.`,
    };
  },
};

const REFUSED: Readonly<Record<Lang, (c: FailureCtx) => ErrText>> = {
  java: (c) => {
    if (c.system === 'postgresql')
      return {
        type: 'org.postgresql.util.PSQLException',
        message: `Connection to ${c.host}:${c.port} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.`,
      };
    if (c.system === 'mysql')
      return {
        type: 'com.mysql.cj.jdbc.exceptions.CommunicationsException',
        message:
          'Communications link failure\n\nThe last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.',
      };
    if (c.cat === 'redis')
      return {
        type: 'io.lettuce.core.RedisConnectionException',
        message: `Unable to connect to ${c.host}/<unresolved>:${c.port}`,
      };
    if (c.cat === 'grpc') return { type: 'io.grpc.StatusRuntimeException', message: 'UNAVAILABLE: io exception' };
    if (c.cat === 'nosql') return { type: 'com.mongodb.MongoSocketOpenException', message: `Exception opening socket` };
    return pick(
      [
        (x) => ({
          type: 'org.springframework.web.client.ResourceAccessException',
          message: `I/O error on ${x.method} request for "${x.url}": Connection refused`,
        }),
        () => ({ type: 'java.net.ConnectException', message: 'Connection refused' }),
      ],
      c,
    );
  },
  go: (c) => {
    const dial = `dial tcp ${c.ip}:${c.port}: connect: connection refused`;
    if (c.cat === 'grpc')
      return {
        type: '*status.Error',
        message: `rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: ${dial}"`,
      };
    if (c.system === 'postgresql')
      return {
        type: '*pgconn.ConnectError',
        message: `failed to connect to \`user=app database=app\`: ${c.ip}:${c.port} (${c.host}): dial error: ${dial}`,
      };
    if (c.cat === 'http')
      return {
        type: '*url.Error',
        message: `${c.method.charAt(0)}${c.method.slice(1).toLowerCase()} "${c.url}": ${dial}`,
      };
    return { type: '*net.OpError', message: dial };
  },
  node: (c) => {
    if (c.cat === 'grpc')
      return {
        type: 'Error',
        message: `14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED ${c.ip}:${c.port}`,
      };
    return {
      type: c.cat === 'http' && c.v % 2 === 0 ? 'AxiosError' : 'Error',
      message: `connect ECONNREFUSED ${c.ip}:${c.port}`,
    };
  },
  python: (c) => {
    if (c.system === 'postgresql')
      return {
        type: 'psycopg2.OperationalError',
        message: `connection to server at "${c.host}" (${c.ip}), port ${c.port} failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?`,
      };
    if (c.cat === 'redis')
      return {
        type: 'redis.exceptions.ConnectionError',
        message: `Error 111 connecting to ${c.host}:${c.port}. Connection refused.`,
      };
    if (c.cat === 'grpc')
      return {
        type: 'grpc._channel._InactiveRpcError',
        message: `<_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.UNAVAILABLE\n\tdetails = "failed to connect to all addresses; last error: UNKNOWN: ipv4:${c.ip}:${c.port}: Failed to connect to remote host: Connection refused"\n>`,
      };
    if (c.system === 'mysql')
      return {
        type: 'pymysql.err.OperationalError',
        message: `(2003, "Can't connect to MySQL server on '${c.host}' ([Errno 111] Connection refused)")`,
      };
    return {
      type: 'requests.exceptions.ConnectionError',
      message: `HTTPConnectionPool(host='${c.host}', port=${c.port}): Max retries exceeded with url: ${c.path} (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f${(c.v % 0xffffff).toString(16)}50>: Failed to establish a new connection: [Errno 111] Connection refused'))`,
    };
  },
  dotnet: (c) => {
    if (c.system === 'postgresql')
      return { type: 'Npgsql.NpgsqlException', message: `Failed to connect to ${c.ip}:${c.port}` };
    if (c.system === 'mssql')
      return {
        type: 'Microsoft.Data.SqlClient.SqlException',
        message:
          'A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. (provider: TCP Provider, error: 35 - An internal exception was caught)',
      };
    if (c.cat === 'redis')
      return {
        type: 'StackExchange.Redis.RedisConnectionException',
        message: `It was not possible to connect to the redis server(s). Error connecting right now. To allow this multiplexer to continue retrying until it's able to connect, use abortConnect=false in your connection string or AbortOnConnectFail=false; in your code.`,
      };
    if (c.cat === 'grpc')
      return {
        type: 'Grpc.Core.RpcException',
        message: `Status(StatusCode="Unavailable", Detail="Error connecting to subchannel.", DebugException="System.Net.Sockets.SocketException: Connection refused")`,
      };
    return { type: 'System.Net.Http.HttpRequestException', message: `Connection refused (${c.host}:${c.port})` };
  },
};

const RESET: Readonly<Record<Lang, (c: FailureCtx) => ErrText>> = {
  java: (c) =>
    c.cat === 'grpc'
      ? {
          type: 'io.grpc.StatusRuntimeException',
          message: 'UNAVAILABLE: Connection closed after GOAWAY. HTTP/2 error code: NO_ERROR',
        }
      : pick(
          [
            (x) => ({
              type: 'org.springframework.web.client.ResourceAccessException',
              message: `I/O error on ${x.method} request for "${x.url}": Connection reset`,
            }),
            () => ({ type: 'java.net.SocketException', message: 'Connection reset' }),
          ],
          c,
        ),
  go: (c) =>
    c.cat === 'grpc'
      ? { type: '*status.Error', message: 'rpc error: code = Unavailable desc = error reading from server: EOF' }
      : pick(
          [
            (x) => ({
              type: '*url.Error',
              message: `${x.method.charAt(0)}${x.method.slice(1).toLowerCase()} "${x.url}": EOF`,
            }),
            (x) => ({
              type: '*net.OpError',
              message: `read tcp 10.${x.v % 60}.1.9:${41000 + (x.v % 9000)}->${x.ip}:${x.port}: read: connection reset by peer`,
            }),
          ],
          c,
        ),
  node: (c) =>
    c.cat === 'grpc'
      ? { type: 'Error', message: '14 UNAVAILABLE: read ECONNRESET' }
      : pick(
          [() => ({ type: 'Error', message: 'socket hang up' }), () => ({ type: 'Error', message: 'read ECONNRESET' })],
          c,
        ),
  python: (c) =>
    c.cat === 'grpc'
      ? {
          type: 'grpc._channel._InactiveRpcError',
          message:
            '<_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.UNAVAILABLE\n\tdetails = "Connection reset by peer"\n>',
        }
      : {
          type: 'requests.exceptions.ConnectionError',
          message: "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))",
        },
  dotnet: () => ({
    type: 'System.Net.Http.HttpRequestException',
    message:
      'An error occurred while sending the request. ---> System.IO.IOException: Unable to read data from the transport connection: Connection reset by peer.',
  }),
};

const CONNECT_TIMEOUT: Readonly<Record<Lang, (c: FailureCtx) => ErrText>> = {
  java: (c) =>
    c.system === 'postgresql'
      ? { type: 'org.postgresql.util.PSQLException', message: 'The connection attempt failed.' }
      : { type: 'java.net.SocketTimeoutException', message: 'Connect timed out' },
  go: (c) => ({ type: '*net.OpError', message: `dial tcp ${c.ip}:${c.port}: i/o timeout` }),
  node: (c) => ({ type: 'Error', message: `connect ETIMEDOUT ${c.ip}:${c.port}` }),
  python: (c) =>
    c.system === 'postgresql'
      ? {
          type: 'psycopg2.OperationalError',
          message: `connection to server at "${c.host}" (${c.ip}), port ${c.port} failed: timeout expired`,
        }
      : {
          type: 'requests.exceptions.ConnectTimeout',
          message: `HTTPConnectionPool(host='${c.host}', port=${c.port}): Max retries exceeded with url: ${c.path} (Caused by ConnectTimeoutError(<urllib3.connection.HTTPConnection object at 0x7f2b1c3d4e50>, 'Connection to ${c.host} timed out. (connect timeout=${secs(c.timeoutMs)})'))`,
        },
  dotnet: () => ({ type: 'System.Net.Sockets.SocketException', message: 'Connection timed out' }),
};

const DNS: Readonly<Record<Lang, (c: FailureCtx) => ErrText>> = {
  java: (c) => ({ type: 'java.net.UnknownHostException', message: `${c.host}: Name or service not known` }),
  go: (c) => ({ type: '*net.DNSError', message: `dial tcp: lookup ${c.host} on 10.96.0.10:53: no such host` }),
  node: (c) => ({ type: 'Error', message: `getaddrinfo ENOTFOUND ${c.host}` }),
  python: (c) => ({
    type: 'requests.exceptions.ConnectionError',
    message: `HTTPSConnectionPool(host='${c.host}', port=${c.port}): Max retries exceeded with url: ${c.path} (Caused by NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f1a2b3c4d90>: Failed to resolve '${c.host}' ([Errno -2] Name or service not known)"))`,
  }),
  dotnet: (c) => ({
    type: 'System.Net.Http.HttpRequestException',
    message: `Name or service not known (${c.host}:${c.port})`,
  }),
};

const TLS: Readonly<Record<Lang, (c: FailureCtx) => ErrText>> = {
  java: () => ({
    type: 'javax.net.ssl.SSLHandshakeException',
    message: 'PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed',
  }),
  go: (c) => ({
    type: '*tls.CertificateVerificationError',
    message: `${c.method.charAt(0)}${c.method.slice(1).toLowerCase()} "${c.url}": tls: failed to verify certificate: x509: certificate has expired or is not yet valid`,
  }),
  node: () => ({ type: 'Error', message: 'certificate has expired' }),
  python: (c) => ({
    type: 'requests.exceptions.SSLError',
    message: `HTTPSConnectionPool(host='${c.host}', port=${c.port}): Max retries exceeded with url: ${c.path} (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1000)')))`,
  }),
  dotnet: () => ({
    type: 'System.Security.Authentication.AuthenticationException',
    message: 'The remote certificate is invalid because of errors in the certificate chain: NotTimeValid',
  }),
};

/** Network-level failures: read/connect timeouts, refused and reset connections, DNS and TLS errors. */
export function networkText(cls: string, lang: Lang, c: FailureCtx): ErrText | undefined {
  const table = {
    timeout: TIMEOUT,
    refused: REFUSED,
    reset: RESET,
    'connect-timeout': CONNECT_TIMEOUT,
    dns: DNS,
    tls: TLS,
  }[cls];
  return table?.[lang](c);
}
