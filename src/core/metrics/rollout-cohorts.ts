import { podTemplateHash } from '../formats/service-from-pod-name.ts';
import type { ChangeEvent } from '../model/change-event.ts';
import type { MetricSeries } from './metric-series.ts';

/** Which pods of a service a rollout brought (new) and which it is replacing (old). */
export type RolloutCohorts = {
  readonly newPods: ReadonlySet<string>;
  readonly oldPods: ReadonlySet<string>;
  /** How the pods were told apart, in words for the evidence. */
  readonly by: 'version label' | 'pod template hash' | 'first sample';
};

const VERSION_LABELS = ['version', 'app_kubernetes_io_version', 'service_version', 'app_version'] as const;
const HASH_LABELS = ['pod_template_hash', 'rollouts_pod_template_hash'] as const;

/** The pod a series comes from (`pod`, `pod_name`), if any. */
export function podOf(s: MetricSeries): string | undefined {
  return s.labels.pod ?? s.labels.pod_name;
}

/**
 * Splits the pods of `change.service` seen in `series` into the rollout's new pods and the old
 * ones, by the first rule that can tell: a version label equal to the change's version; else the
 * pod template hash (label, or the ReplicaSet part of the pod name) — hashes seen before the
 * change started are old; else when each pod was first seen. Undefined when there is no pod on
 * one side.
 */
export function rolloutCohorts(change: ChangeEvent, series: readonly MetricSeries[]): RolloutCohorts | undefined {
  const pods = new Map<string, { version?: string; hash?: string; first: number }>();
  for (const s of series) {
    if (s.service !== change.service) continue;
    const pod = podOf(s);
    if (!pod || s.times.length === 0) continue;
    const cur = pods.get(pod) ?? { first: Number.POSITIVE_INFINITY };
    const version = VERSION_LABELS.map((k) => s.labels[k]).find((v) => v !== undefined);
    const hash = HASH_LABELS.map((k) => s.labels[k]).find((v) => v !== undefined) ?? podTemplateHash(pod);
    pods.set(pod, {
      ...(version !== undefined ? { version } : cur.version !== undefined ? { version: cur.version } : {}),
      ...(hash !== undefined ? { hash } : cur.hash !== undefined ? { hash: cur.hash } : {}),
      first: Math.min(cur.first, s.times[0] as number),
    });
  }
  const split = (isNew: (p: { version?: string; hash?: string; first: number }) => boolean) => {
    const n = new Set<string>();
    const o = new Set<string>();
    for (const [pod, p] of pods) (isNew(p) ? n : o).add(pod);
    return n.size > 0 && o.size > 0 ? { newPods: n, oldPods: o } : undefined;
  };
  const all = [...pods.values()];
  if (change.version !== undefined && all.every((p) => p.version !== undefined)) {
    const r = split((p) => p.version === change.version);
    if (r) return { ...r, by: 'version label' };
  }
  if (all.every((p) => p.hash !== undefined)) {
    const before = new Set(all.filter((p) => p.first < change.startedAt).map((p) => p.hash));
    const r = split((p) => !before.has(p.hash));
    if (r) return { ...r, by: 'pod template hash' };
  }
  const r = split((p) => p.first >= change.startedAt);
  return r ? { ...r, by: 'first sample' } : undefined;
}
