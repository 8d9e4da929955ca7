import type { Phrase } from './phrase.ts';
import { ph } from './phrase-helpers.ts';

const gcPause: Phrase = (c) => {
  const ms = ph.n(c, 'ms');
  const max = ph.n(c, 'maxMb') || 1024;
  const after = Math.round((max * (ph.n(c, 'pct') || 70)) / 100);
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: ph.one(c, [
          `[gc] GC(${c.t % 99999}) Pause ${ms > 500 ? 'Full (G1 Compaction Pause)' : 'Young (Normal) (G1 Evacuation Pause)'} ${Math.min(max, after + 60)}M->${after}M(${max}M) ${ms.toFixed(3)}ms`,
          `GC pause of ${Math.round(ms)} ms detected, heap after GC ${after}MB/${max}MB`,
        ]),
      };
    case 'node':
      return {
        msg: `[${1 + (c.t % 30)}:0x${(c.v % 0xffffff).toString(16)}] ${c.t % 100000} ms: Mark-Compact ${after + 20}.${c.v % 10} (${max}.0) -> ${after}.${c.t % 10} (${max}.0) MB, pooled: 0 MB, ${ms.toFixed(2)} / 0.00 ms  (average mu = 0.${100 + (c.v % 800)}, current mu = 0.${100 + (c.t % 300)}) allocation failure;`,
      };
    case 'dotnet':
      return { msg: `High GC pressure: gen2 collection took ${Math.round(ms)} ms (heap ${after} MB)` };
    default:
      return { msg: 'memory pressure high', extra: { heap_mb: after, limit_mb: max, gc_pause_ms: Math.round(ms) } };
  }
};

const heapHigh: Phrase = (c) => ({
  msg: ph.one(c, [
    `Memory usage high: heap ${ph.n(c, 'usedMb')}MB / ${ph.n(c, 'maxMb')}MB (${ph.n(c, 'pct')}%)`,
    'memory usage above threshold',
    `Heap usage at ${ph.n(c, 'pct')}%`,
  ]),
  extra: { heap_pct: ph.n(c, 'pct') },
});
const diskUsage: Phrase = (c) => ({
  msg: ph.one(c, [
    `Disk usage for ${ph.s(c, 'mount', '/data')} at ${ph.n(c, 'pct')}%`,
    `low disk space: ${ph.n(c, 'freeMb')} MB free on ${ph.s(c, 'mount', '/data')}`,
    'disk almost full',
  ]),
  extra: { mount: ph.s(c, 'mount', '/data'), used_pct: ph.n(c, 'pct') },
});
const poolStats: Phrase = (c) => {
  const total = ph.n(c, 'total');
  const active = ph.n(c, 'active');
  const waiting = ph.n(c, 'waiting');
  switch (c.svc.lang) {
    case 'java':
      return {
        msg: `HikariPool-1 - ${c.v % 2 === 0 ? 'Pool stats' : 'After cleanup '} (total=${total}, active=${active}, idle=${Math.max(0, total - active)}, waiting=${waiting})`,
      };
    case 'go':
      return {
        msg: 'db pool stats',
        extra: { open: total, in_use: active, idle: Math.max(0, total - active), wait_count: waiting },
      };
    case 'node':
      return { msg: `pg pool: total=${total} idle=${Math.max(0, total - active)} waiting=${waiting}` };
    case 'python':
      return {
        msg: `Pool size: ${total}  Connections in pool: ${Math.max(0, total - active)} Current Overflow: ${Math.max(0, active - total)} Current Checked out connections: ${active}`,
      };
    case 'dotnet':
      return { msg: `Connection pool: {Busy=${active}, Idle=${Math.max(0, total - active)}, Waiters=${waiting}}` };
  }
};
const configReload: Phrase = (c) => {
  const key = ph.s(c, 'key');
  switch (c.svc.lang) {
    case 'java':
      return { msg: ph.one(c, [`Refresh keys changed: [${key}]`, `Reloading configuration; ${key} changed`]) };
    case 'go':
      return { msg: 'config reloaded', extra: { key, source: ph.s(c, 'path', '/etc/config/config.yaml') } };
    default:
      return {
        msg: ph.one(c, [
          `Configuration reloaded from ${ph.s(c, 'path', '/etc/config/app.yaml')}`,
          `config change detected: ${key}`,
        ]),
      };
  }
};
const flagUpdate: Phrase = (c) => ({
  msg: ph.one(c, [
    `Feature flag '${ph.s(c, 'flag')}' updated: ${ph.s(c, 'value')}`,
    `Received streaming update for flag ${ph.s(c, 'flag')}`,
    `flag ${ph.s(c, 'flag')} now ${ph.s(c, 'value')}`,
  ]),
});
const cacheStats: Phrase = (c) => ({
  msg: ph.one(c, [
    `cache stats hits=${ph.n(c, 'hits')} misses=${ph.n(c, 'misses')} evictions=${c.t % 50}`,
    'cache stats',
  ]),
  extra: { hits: ph.n(c, 'hits'), misses: ph.n(c, 'misses') },
});
const consumerLag: Phrase = (c) => ({
  msg: ph.one(c, [
    `Consumer group ${ph.s(c, 'group')} lag ${ph.n(c, 'lag')} on ${ph.s(c, 'topic')}`,
    'consumer lag',
    `[Consumer] Lag on ${ph.s(c, 'topic')} is ${ph.n(c, 'lag')}`,
  ]),
  extra: { lag: ph.n(c, 'lag') },
});
const heartbeat: Phrase = (c) => ({
  msg: ph.one(c, [
    'healthcheck ok',
    'Kafka consumer heartbeat',
    'scheduler tick',
    'metrics flushed',
    `Refreshing cache ${ph.s(c, 'what', 'config')}`,
  ]),
});
const tokenRefresh: Phrase = (c) => ({
  msg: ph.one(c, [
    `Refreshed OAuth token for ${ph.s(c, 'target')}, expires in 3600s`,
    'access token renewed',
    `Fetched new credentials from vault (lease 768h)`,
  ]),
});
const healthProbe: Phrase = (c) => ({
  msg:
    c.svc.lang === 'python'
      ? `${ph.s(c, 'ip', '10.0.0.1')}:${40000 + (c.t % 20000)} - "GET ${ph.s(c, 'path', '/healthz')} HTTP/1.1" 200`
      : ph.one(c, [
          `GET ${ph.s(c, 'path', '/healthz')} 200 ${(0.3 + (c.t % 30) / 10).toFixed(1)}ms`,
          'request completed',
        ]),
  extra: { 'url.path': ph.s(c, 'path', '/healthz'), 'user_agent.original': 'kube-probe/1.31' },
});
const custom: Phrase = (c) => ({ msg: ph.s(c, 'msg') });
const lockWait: Phrase = (c) => ({
  msg: ph.one(c, [
    'Lock wait timeout exceeded; try restarting transaction',
    `could not obtain lock on row in relation "${ph.s(c, 'table', 'orders')}"`,
    `waited ${ph.n(c, 'ms')}ms for row lock on ${ph.s(c, 'table', 'orders')}`,
  ]),
});
const threadsBusy: Phrase = (c) => ({
  msg: ph.one(c, [
    `Thread pool near exhaustion: active=${ph.n(c, 'active')}/${ph.n(c, 'max')}, queue=${ph.n(c, 'queue')}`,
    'worker pool busy',
    `Starvation detected: ${ph.n(c, 'queue')} tasks queued`,
  ]),
  extra: { active: ph.n(c, 'active'), max: ph.n(c, 'max') },
});
const fdWarn: Phrase = (c) => ({
  msg:
    c.svc.lang === 'go'
      ? `http: Accept error: accept tcp [::]:${c.svc.port}: accept4: too many open files; retrying in 1s`
      : ph.one(c, [`Open file descriptors ${ph.n(c, 'open')} of ${ph.n(c, 'limit')}`, 'too many open files']),
});

/** Lines written on a schedule, independent of requests: GC, memory, disk, pools, config and flag reloads, lag, probes. */
export const BACKGROUND_PHRASES: Readonly<Record<string, Phrase>> = {
  'gc-pause': gcPause,
  'heap-high': heapHigh,
  'disk-usage': diskUsage,
  'pool-stats': poolStats,
  'config-reload': configReload,
  'flag-update': flagUpdate,
  'cache-stats': cacheStats,
  'consumer-lag': consumerLag,
  heartbeat,
  'token-refresh': tokenRefresh,
  'health-probe': healthProbe,
  custom,
  'lock-wait': lockWait,
  'threads-busy': threadsBusy,
  'fd-warn': fdWarn,
};
