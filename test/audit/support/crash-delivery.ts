import type { Alert } from '../../../src/core/model/alert.ts';

/** The crash worker's deliveries: several alerts each, grouped by service in short windows, so they both open and join incidents. */
export const CRASH_DELIVERY = {
  size: 6,
  grouping: { groupBy: ['service'], windowMs: 20 },
} as const;

/** Delivery `id`'s alerts: their own fingerprints are `<id>/<k>`, so a stored alert names its delivery. */
export function crashDelivery(id: string, now: number): Alert[] {
  return Array.from({ length: CRASH_DELIVERY.size }, (_, k) => ({
    fingerprint: `${id}/${k}`,
    name: 'CrashTestAlert',
    status: 'firing',
    service: `svc-${k % 3}`,
    labels: { env: 'crash' },
    annotations: {},
    startsAt: now,
    endsAt: undefined,
    generatorUrl: undefined,
    source: 'crash',
  }));
}

/** The delivery an alert's own fingerprint belongs to. */
export function deliveryOf(fingerprint: string): string {
  return fingerprint.slice(0, fingerprint.lastIndexOf('/'));
}
