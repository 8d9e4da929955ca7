import { isoNanos } from './iso-nanos.ts';
import type { SeedSpan } from './seed-span.ts';
import { spanHttpStatus } from './span-http-status.ts';
import { spanPeer } from './span-peer.ts';

const OUTCOME = { error: 'failure', ok: 'success', unset: 'unknown' } as const;

/** Whether Elastic APM would make this span a transaction (it serves a request, or starts the trace). */
export function isApmTransaction(s: SeedSpan): boolean {
  return s.kind === 'server' || s.kind === 'consumer' || !s.parentSpanId;
}

/**
 * One span as an Elastic APM (ECS) document: a transaction for entry spans, else a span with
 * its destination; `@timestamp` keeps the nanoseconds, durations are fractional microseconds.
 * `transactionId` is the enclosing transaction of a span, when known.
 */
export function apmSpanDoc(s: SeedSpan, transactionId: string | undefined): Record<string, unknown> {
  const tx = isApmTransaction(s);
  const durUs = Number(s.endNs - s.startNs) / 1000;
  const peer = spanPeer(s);
  const http = spanHttpStatus(s);
  const r = s.resource;
  const doc: Record<string, unknown> = {
    '@timestamp': isoNanos(s.startNs),
    'timestamp.us': Number(s.startNs / 1000n),
    'event.sequence': s.seq,
    'event.outcome': OUTCOME[s.status],
    'processor.event': tx ? 'transaction' : 'span',
    'trace.id': s.traceId,
    'service.name': r['service.name'],
    'span.kind': s.kind.toUpperCase(),
  };
  if (s.parentSpanId) doc['parent.id'] = s.parentSpanId;
  if (tx) {
    doc['transaction.id'] = s.spanId;
    doc['transaction.name'] = s.name;
    doc['transaction.type'] = s.kind === 'consumer' ? 'messaging' : 'request';
    doc['transaction.duration.us'] = durUs;
  } else {
    doc['span.id'] = s.spanId;
    if (transactionId) doc['transaction.id'] = transactionId;
    doc['span.name'] = s.name;
    doc['span.type'] = spanType(s);
    doc['span.duration.us'] = durUs;
    if (peer) doc['span.destination.service.resource'] = peer;
  }
  if (peer) {
    doc['service.target.name'] = peer;
    doc['service.target.type'] = spanType(s);
  }
  if (http !== undefined) doc['http.response.status_code'] = http;
  copy(doc, 'error.type', s.attributes['error.type']);
  copy(doc, 'error.message', s.statusMessage);
  copy(doc, 'error.exception.type', s.exception?.type);
  copy(doc, 'error.exception.message', s.exception?.message);
  copy(doc, 'service.version', r['service.version']);
  copy(doc, 'service.environment', r['deployment.environment.name'] ?? r['deployment.environment']);
  copy(doc, 'service.node.name', r['k8s.pod.name'] ?? r['service.instance.id']);
  copy(doc, 'kubernetes.pod.name', r['k8s.pod.name']);
  copy(doc, 'host.name', r['host.name']);
  copy(doc, 'http.request.method', s.attributes['http.request.method']);
  copy(doc, 'url.full', s.attributes['url.full']);
  copy(doc, 'destination.address', str(s.attributes['server.address']) ?? str(s.attributes['net.peer.name']));
  return doc;
}

function spanType(s: SeedSpan): string {
  const a = s.attributes;
  if (a['db.system'] !== undefined) return 'db';
  if (a['messaging.system'] !== undefined) return 'messaging';
  if (a['http.request.method'] !== undefined || a['url.full'] !== undefined) return 'external';
  return 'app';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function copy(doc: Record<string, unknown>, key: string, v: unknown): void {
  if (v !== undefined && v !== null && v !== '') doc[key] = v;
}
