import type { Rng } from '../core/rng.ts';
import { renderLog } from '../logs/render-log.ts';
import type { LogEvent } from '../model/records.ts';
import type { Service, Topology } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import { throttleLogs } from './throttle-logs.ts';

/**
 * logs.ndjson: every event rendered in its service's style. Usually ordered by the
 * written timestamp (as an export from a log store); sometimes concatenated per service
 * (as files collected per pod) — readers must not rely on order.
 */
export function renderLogs(
  events: readonly LogEvent[],
  topology: Topology,
  pods: ReadonlyMap<string, readonly Instance[]>,
  start: number,
  end: number,
  ratePerSec: number,
  rng: Rng,
): { text: string; lines: number } {
  const services = new Map<string, Service>(topology.services.map((s) => [s.name, s]));
  const podInfo = new Map<string, Instance>();
  for (const list of pods.values()) for (const p of list) podInfo.set(p.pod, p);
  const publicHost = `${rng.pick(['www', 'api', 'app', 'shop', 'm'])}.${topology.org}.${rng.pick(['com', 'io', 'example'])}`;
  const keep = throttleLogs(events, ratePerSec).filter((e) => {
    const svc = services.get(e.service);
    const t = e.t + (svc?.clockSkewMs ?? 0);
    return svc !== undefined && e.t < end && t >= start;
  });
  const recorded = (e: LogEvent) => e.t + (services.get(e.service)?.clockSkewMs ?? 0);
  const grouped = rng.chance(0.25);
  const sorted = [...keep].sort((a, b) =>
    grouped && a.service !== b.service ? (a.service < b.service ? -1 : 1) : recorded(a) - recorded(b),
  );
  const lines: string[] = [];
  for (const e of sorted) {
    const svc = services.get(e.service) as Service;
    const pod = podInfo.get(e.pod);
    const doc = renderLog(
      e,
      svc,
      topology,
      { pod: e.pod, node: pod?.node ?? 'node-1', version: pod?.version ?? svc.version },
      publicHost,
    );
    if (Object.keys(doc).length > 0) lines.push(JSON.stringify(doc));
  }
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', lines: lines.length };
}
