import { labelsFingerprint } from '../formats/labels-fingerprint.ts';
import type { Alert } from '../model/alert.ts';
import type { GroupingSettings } from './grouping-settings.ts';

/** The incident claim keys an alert may join: its window's, and the previous window's (whose incident it joins while within the window of that incident's start). */
export type GroupKeys = {
  readonly current: string;
  readonly previous: string | undefined;
  /** The dimension values, for titles and logs (empty when grouping by fingerprint). */
  readonly dimensions: Readonly<Record<string, string>>;
};

const ENV_LABELS = ['environment', 'env', 'deployment_environment'] as const;

function dimension(alert: Alert, name: string): string | undefined {
  if (name === 'service') return alert.service;
  if (name === 'environment') return ENV_LABELS.map((l) => alert.labels[l]).find((v) => v !== undefined && v !== '');
  const v = alert.labels[name];
  return v === '' ? undefined : v;
}

/**
 * Where an alert groups (pure, the same on every replica): `grp-<hash of the dimensions>-<window
 * number of its startsAt>`. Re-deliveries keep their startsAt, so they always find the same key.
 */
export function groupKeys(alert: Alert, s: GroupingSettings): GroupKeys {
  const dims: Record<string, string> = {};
  for (const d of s.groupBy) {
    const v = dimension(alert, d);
    if (v !== undefined) dims[d] = v;
  }
  if (Object.keys(dims).length === 0) return { current: alert.fingerprint, previous: undefined, dimensions: {} };
  const h = labelsFingerprint(dims);
  const bucket = Math.floor(alert.startsAt / s.windowMs);
  return { current: `grp-${h}-${bucket}`, previous: `grp-${h}-${bucket - 1}`, dimensions: dims };
}
