import type { Rng } from '../core/rng.ts';
import type { AttrValue } from '../model/records.ts';
import type { Dependency, DepOp, Operation, Service } from '../model/topology-model.ts';

type Attrs = Record<string, AttrValue>;

const ID_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** Fills route parameters with concrete values: `/product/{id}` → `/product/OLJCESPC7Z`. */
function fillPath(route: string, rng: Rng): string {
  return route.replace(/\{[^}]+\}/g, () =>
    rng.chance(0.5) ? String(rng.int(1000, 9_999_999)) : rng.chars(ID_CHARS, 10),
  );
}

const CLIENT_UA: Readonly<Record<string, readonly string[]>> = {
  java: ['Java-http-client/21.0.5', 'okhttp/4.12.0', 'Apache-HttpClient/5.3.1 (Java/17.0.12)', 'ReactorNetty/1.1.22'],
  go: ['Go-http-client/1.1', 'Go-http-client/2.0'],
  node: ['axios/1.7.9', 'undici', 'got (https://github.com/sindresorhus/got)', 'node-fetch'],
  python: ['python-requests/2.32.3', 'python-httpx/0.28.1', 'aiohttp/3.11.9'],
  dotnet: ['', 'Microsoft-dotnet/8.0'],
};

/** Span attributes in current OpenTelemetry semantic conventions for each kind of span the simulator makes. */
export const spanAttrs = {
  fillPath,
  userAgentOf: (caller: Service): string => {
    const list = CLIENT_UA[caller.lang] ?? [''];
    return list[caller.log.variant % list.length] ?? '';
  },
  server: (
    svc: Service,
    op: Operation,
    path: string,
    status: number,
    grpc: number,
    ua: string,
    clientIp: string,
    rng: Rng,
  ): Attrs => {
    if (op.protocol === 'grpc') {
      const a: Attrs = {
        'rpc.system': 'grpc',
        'rpc.service': op.rpcService ?? '',
        'rpc.method': op.rpcMethod ?? '',
        'rpc.grpc.status_code': grpc,
        'server.address': svc.name,
        'server.port': svc.port,
      };
      if (rng.chance(0.5)) a['network.peer.address'] = clientIp;
      return a;
    }
    const a: Attrs = { 'http.request.method': op.method ?? 'GET', 'url.path': path, 'url.scheme': 'http' };
    if (svc.log.variant % 10 !== 0) a['http.route'] = op.route ?? path;
    a['server.address'] = svc.name;
    a['server.port'] = svc.port;
    a['network.protocol.version'] = '1.1';
    a['http.response.status_code'] = status;
    if (ua) a['user_agent.original'] = ua;
    a['client.address'] = clientIp;
    if (status >= 500) a['error.type'] = String(status);
    return a;
  },
  consumer: (svc: Service, op: Operation, dep: Dependency | undefined, partition: number, offset: number): Attrs => ({
    'messaging.system': dep?.system ?? 'kafka',
    'messaging.destination.name': op.topic ?? '',
    'messaging.operation.type': 'process',
    'messaging.consumer.group.name': `${svc.name}-group`,
    'messaging.destination.partition.id': String(partition),
    'messaging.kafka.offset': offset,
  }),
  clientHttp: (
    caller: Service,
    callee: Service,
    op: Operation,
    path: string,
    status: number | undefined,
    errorType: string | undefined,
  ): Attrs => {
    const host = caller.log.variant % 3 === 0 ? `${callee.name}.${callee.namespace}.svc.cluster.local` : callee.name;
    const a: Attrs = {
      'http.request.method': op.method ?? 'GET',
      'url.full': `http://${host}:${callee.port}${path}`,
      'server.address': host,
      'server.port': callee.port,
      'network.protocol.version': '1.1',
    };
    if (status !== undefined) a['http.response.status_code'] = status;
    if (errorType) a['error.type'] = errorType;
    if (caller.setsPeerService) a['peer.service'] = callee.name;
    return a;
  },
  clientGrpc: (caller: Service, callee: Service, op: Operation, code: number): Attrs => {
    const a: Attrs = {
      'rpc.system': 'grpc',
      'rpc.service': op.rpcService ?? '',
      'rpc.method': op.rpcMethod ?? '',
      'rpc.grpc.status_code': code,
      'server.address': callee.name,
      'server.port': callee.port,
    };
    if (caller.setsPeerService) a['peer.service'] = callee.name;
    return a;
  },
  dependency: (
    caller: Service,
    dep: Dependency,
    op: DepOp,
    status: number | undefined,
    errorType: string | undefined,
    rng: Rng,
  ): Attrs => {
    const a: Attrs = {};
    if (dep.system === 'http') {
      const path = fillPath(op.collection ?? '/', rng);
      a['http.request.method'] = op.operation;
      a['url.full'] = `${dep.baseUrl ?? `https://${dep.address}`}${path}`;
      a['server.address'] = dep.address;
      a['server.port'] = dep.port;
      if (status !== undefined) a['http.response.status_code'] = status;
    } else {
      a['db.system'] = dep.system;
      const legacy = caller.legacyDbAttrs;
      if (dep.dbNamespace) a[legacy ? 'db.name' : 'db.namespace'] = dep.dbNamespace;
      if (dep.system === 'redis') a[legacy ? 'db.redis.database_index' : 'db.namespace'] = legacy ? 0 : '0';
      a[legacy ? 'db.operation' : 'db.operation.name'] = op.operation;
      if (op.collection) a[legacy ? 'db.sql.table' : 'db.collection.name'] = op.collection;
      if (op.statement && caller.log.variant % 5 !== 0) a[legacy ? 'db.statement' : 'db.query.text'] = op.statement;
      if (dep.system === 'elasticsearch' || dep.system === 'opensearch') {
        a['http.request.method'] = op.operation === 'search' ? 'POST' : 'PUT';
        a['url.full'] =
          `http://${dep.address}:${dep.port}/${op.collection ?? 'docs'}/${op.operation === 'search' ? '_search' : '_doc'}`;
      }
      a['server.address'] = dep.address;
      a['server.port'] = dep.port;
    }
    if (dep.peerService) a['peer.service'] = dep.peerService;
    if (errorType) a['error.type'] = errorType;
    return a;
  },
  producer: (caller: Service, dep: Dependency, topic: string, rng: Rng): Attrs => {
    const a: Attrs = {
      'messaging.system': dep.system,
      'messaging.destination.name': topic,
      [caller.legacyDbAttrs ? 'messaging.operation' : 'messaging.operation.type']: 'publish',
      'server.address': dep.address,
      'server.port': dep.port,
    };
    if (dep.system === 'kafka') a['messaging.kafka.message.key'] = rng.hex(8);
    if (dep.peerService) a['peer.service'] = dep.peerService;
    return a;
  },
};
