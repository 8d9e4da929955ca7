import { hashString } from '../core/hash-string.ts';
import { isoTime } from '../core/iso-time.ts';
import type { LogEvent } from '../model/records.ts';
import type { Service, Topology } from '../model/topology-model.ts';
import { describeFailure } from './describe-failure.ts';
import type { ErrText } from './err-text.ts';
import { levelLabel } from './level-label.ts';
import { loggerName } from './logger-name.ts';
import { nestKeys } from './nest-keys.ts';
import { PHRASE_BOOK } from './phrases/phrase-book.ts';
import { proxyLine } from './proxy-line.ts';
import { stackTrace } from './stack-trace.ts';

const KEEP_FLAT: Readonly<Record<string, ReadonlySet<string>>> = {
  'pino-ecs': new Set(['@timestamp', 'log.level', 'ecs.version']),
  'python-ecs': new Set(['@timestamp', 'log.level', 'message']),
  'serilog-ecs': new Set(['@timestamp', 'log.level', 'ecs.version']),
  structlog: new Set(['@timestamp', 'log.level']),
  'winston-ecs': new Set(['@timestamp', 'log.level', 'message']),
};
const ECS_VERSION: Readonly<Record<string, string>> = {
  'logback-ecs': '1.2.0',
  'log4j2-ecs': '1.2.0',
  'zap-ecs': '1.6.0',
  'pino-ecs': '8.10.0',
  'winston-ecs': '8.10.0',
  'python-ecs': '1.6.0',
  'serilog-ecs': '8.11.0',
};
const STACK_EVENTS = new Set(['request-error', 'call-error', 'dep-error', 'consume-error', 'publish-error']);

/** Turns one semantic log event into the ECS document the service's logging library and shipper would produce. */
export function renderLog(
  ev: LogEvent,
  svc: Service,
  topology: Topology,
  host: { pod: string; node: string; version: string },
  publicHost: string,
): Record<string, unknown> {
  const prof = svc.log;
  const v = hashString(`${prof.variant}|${ev.event}`);
  const err: ErrText | undefined = ev.failure ? describeFailure(ev.failure, svc.lang, prof.variant) : undefined;
  const ts = isoTime(ev.t + svc.clockSkewMs, {
    digits: prof.timeDigits,
    offsetMin: prof.tzOffsetMin,
    zulu: prof.style !== 'serilog-ecs',
  });
  const flat: Record<string, unknown> = { '@timestamp': ts };
  const level = levelLabel(prof.style, ev.level);
  let message: string;
  let extra: Readonly<Record<string, string | number>> | undefined;
  let dataset =
    prof.style === 'nginx-access'
      ? svc.framework === 'envoy'
        ? 'envoyproxy.access'
        : 'nginx.access'
      : `${svc.name}${v % 3 === 0 ? '.log' : ''}`;
  let proxyLevel: string | undefined;
  if (prof.style === 'nginx-access') {
    // a proxy writes access lines, and nginx an error line when the upstream fails at the socket level
    if (ev.event === 'access') message = proxyLine.access(svc, ev.t, ev.params, publicHost);
    else if (ev.event === 'request-error') {
      const errLine = proxyLine.error(svc, ev.t, ev.params, ev.failure, publicHost);
      if (!errLine) return {};
      message = errLine;
      dataset = 'nginx.error';
      proxyLevel = 'error';
    } else return {};
  } else if (ev.event === 'oom-fatal') {
    message = (PHRASE_BOOK[ev.event]?.({ svc, p: ev.params, err, v, t: Math.floor(ev.t) }) ?? { msg: '' }).msg;
  } else {
    const phrase = PHRASE_BOOK[ev.event] ?? PHRASE_BOOK.custom;
    const out = phrase ? phrase({ svc, p: ev.params, err, v, t: Math.floor(ev.t) }) : { msg: ev.event };
    message = out.msg;
    extra = out.extra;
  }
  if (prof.style === 'nginx-access') {
    if (proxyLevel) flat['log.level'] = proxyLevel;
  } else if (level && ev.event !== 'oom-fatal') flat['log.level'] = level;
  flat.message = message;
  if (ECS_VERSION[prof.style]) flat['ecs.version'] = ECS_VERSION[prof.style];
  flat['service.name'] = svc.name;
  if (v % 5 !== 0 || prof.style === 'serilog-ecs') flat['service.version'] = host.version;
  if (v % 4 !== 1) flat['service.environment'] = topology.env;
  flat['event.dataset'] = dataset;
  const names = loggerName(svc, ev.event, ev.t);
  if (names.logger && prof.style !== 'nginx-access') flat['log.logger'] = names.logger;
  if (names.thread && prof.style !== 'nginx-access') flat['process.thread.name'] = names.thread;
  if (prof.style === 'zap-ecs')
    flat['log.origin'] = {
      'file.name': `${['server', 'handler', 'client', 'internal/app'][v % 4]}/${['handler', 'client', 'server', 'service'][(v >>> 3) % 4]}.go`,
      'file.line': 40 + (v % 300),
    };
  if (prof.style === 'pino-ecs') flat['process.pid'] = 1 + (hashString(host.pod) % 30);
  flat['host.name'] = prof.hostIsPod ? host.pod : host.node;
  if (prof.style !== 'nginx-access' || v % 2 === 0) flat['kubernetes.pod.name'] = host.pod;
  if (v % 3 !== 2) flat['kubernetes.namespace'] = svc.namespace;
  if (v % 4 === 0) flat['kubernetes.node.name'] = host.node;
  if (ev.traceId) {
    flat['trace.id'] = ev.traceId;
    if (ev.spanId) flat['span.id'] = ev.spanId;
  }
  if (err && ev.level !== 'info' && ev.level !== 'debug') {
    if (prof.style === 'zap-ecs' || prof.style === 'slog-json') {
      flat[prof.style === 'slog-json' ? 'err' : 'error.message'] = err.message || err.type;
    } else {
      flat['error.type'] = err.type;
      flat['error.message'] = err.message;
      const withStack =
        STACK_EVENTS.has(ev.event) &&
        (svc.lang !== 'go' || /panic|nil pointer/.test(err.message)) &&
        (svc.lang === 'java' ? v % 4 !== 3 : v % 3 !== 2);
      if (withStack) flat['error.stack_trace'] = stackTrace(svc, err, ev.failure?.where);
    }
  }
  if (
    ev.event === 'access' &&
    (prof.style === 'pino-ecs' || prof.style === 'serilog-ecs' || prof.style === 'nginx-access')
  ) {
    flat['http.request.method'] = ev.params.method;
    flat['url.path'] = ev.params.path;
    flat['http.response.status_code'] = ev.params.status;
    if (prof.style === 'nginx-access') {
      flat['source.address'] = ev.params.ip;
      if (ev.params.ua) flat['user_agent.original'] = ev.params.ua;
    } else flat['event.duration'] = Math.round(Number(ev.params.durMs ?? 0) * 1e6);
  }
  if (extra) for (const [k, val] of Object.entries(extra)) if (flat[k] === undefined) flat[k] = val;
  if (v % 7 === 0 && ev.params.user) flat['user.id'] = ev.params.user;
  const keep = KEEP_FLAT[prof.style];
  if (keep) return prof.nested ? nestKeys(flat, keep) : flat;
  return prof.nested ? nestKeys(flat, new Set(['@timestamp'])) : flat;
}
