import type { Rng } from '../core/rng.ts';
import type { SpanRec } from '../model/records.ts';
import type { Service, Topology } from '../model/topology-model.ts';
import type { Instance } from '../model/world-model.ts';
import { batchTraces } from '../traces/batch-traces.ts';
import { createSpanMaterializer, type ProcessInfo } from '../traces/materialize-spans.ts';
import { resourceAttributes } from '../traces/resource-attributes.ts';

/** traces.ndjson: kept traces through the real OpenTelemetry SDK, one ExportTraceServiceRequest per collector batch. */
export function renderTraces(
  kept: readonly (readonly SpanRec[])[],
  topology: Topology,
  pods: ReadonlyMap<string, readonly Instance[]>,
  end: number,
  rng: Rng,
): { text: string; spans: number; traces: number } {
  const services = new Map<string, Service>(topology.services.map((s) => [s.name, s]));
  const podInfo = new Map<string, Instance>();
  for (const list of pods.values()) for (const p of list) podInfo.set(p.pod, p);
  const traces = kept.filter((spans) => spans.length > 0 && Math.min(...spans.map((s) => s.start)) < end);
  const cache = new Map<string, ProcessInfo>();
  const processOf = (rec: SpanRec): ProcessInfo => {
    const key = `${rec.service}|${rec.incarnation}`;
    let info = cache.get(key);
    if (!info) {
      const svc = services.get(rec.service) as Service;
      const pod = podInfo.get(rec.pod);
      info = {
        svc,
        resource: resourceAttributes(
          svc,
          topology,
          { pod: rec.pod, node: pod?.node ?? 'node-1', version: pod?.version ?? svc.version },
          rec.incarnation,
        ),
      };
      cache.set(key, info);
    }
    return info;
  };
  const batches = batchTraces(traces, (s) => services.get(s)?.clockSkewMs ?? 0, {
    decisionWaitMs: rng.pick([5_000, 10_000, 30_000]),
    timeoutMs: rng.pick([2000, 5000, 10000, 10000]),
    maxSpans: rng.pick([512, 1024, 2048, 8192]),
  });
  const materialize = createSpanMaterializer(processOf);
  const lines = batches.map((b) => materialize(b));
  let spans = 0;
  for (const b of batches) spans += b.length;
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', spans, traces: traces.length };
}
