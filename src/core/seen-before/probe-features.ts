import type { IncidentFingerprint } from './incident-fingerprint.ts';

/**
 * The families a look-up probes the inverted index with: the discriminating ones (the suspected
 * causes, templates, edges). Common ones (an alert name, a service, a fault kind) are shared by
 * thousands of past incidents and would make the look-up read most of the index; they still count
 * in the similarity of the candidates found.
 */
const PROBE_FAMILIES = new Set(['root', 'cand', 'tpl', 'edge']);

/** The features to look a fingerprint up by (all of them when it has none of the probing families). */
export function probeFeatures(fp: IncidentFingerprint): string[] {
  const all = fp.features.map(([f]) => f);
  const probe = all.filter((f) => PROBE_FAMILIES.has(f.slice(0, f.indexOf(':'))));
  return probe.length > 0 ? probe : all;
}
