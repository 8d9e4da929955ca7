import { labelsFingerprint } from '../formats/labels-fingerprint.ts';
import type { Alert } from '../model/alert.ts';

export type AlertParts = {
  readonly name: string;
  readonly status: 'firing' | 'resolved';
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt: number;
  readonly endsAt?: number | undefined;
  readonly generatorUrl?: string | undefined;
  readonly source: string;
  /** The source's own stable id for this alert; else one is derived from the labels (and alert name). */
  readonly identity?: string | undefined;
};

/**
 * The one Alert model: the service is the first of `serviceLabels` present, the fingerprint is
 * `<source>-<16 hex>` of the source's identity (or of the labels), so the same alert from the same
 * source always has the same fingerprint, and resolutions find their firing alert.
 */
export function buildAlert(p: AlertParts, serviceLabels: readonly string[]): Alert {
  const labels = p.labels.alertname ? p.labels : { alertname: p.name, ...p.labels };
  const service = serviceLabels.map((l) => labels[l]).find((v) => v !== undefined && v !== '');
  const fp = p.identity !== undefined ? labelsFingerprint({ id: p.identity }) : labelsFingerprint(labels);
  return {
    fingerprint: `${p.source}-${fp}`,
    name: p.name,
    status: p.status,
    service,
    labels,
    annotations: p.annotations,
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    generatorUrl: p.generatorUrl,
    source: p.source,
  };
}
