import type { Alert } from '../../model/alert.ts';
import type { ParseContext } from './parse-context.ts';
import { prometheusFingerprint } from './prometheus-fingerprint.ts';
import { serviceOf } from './service-of.ts';

/** An `Alert` from what a message told: labels decide the name, service and (unless given) fingerprint. */
export function buildAlert(
  x: {
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly status: 'firing' | 'resolved';
    readonly source: string;
    readonly name?: string;
    readonly service?: string;
    readonly fingerprint?: string;
    readonly generatorUrl?: string | undefined;
    readonly startsAt?: number;
  },
  ctx: ParseContext,
): Alert {
  return {
    fingerprint: x.fingerprint ?? prometheusFingerprint(x.labels),
    name: x.name ?? x.labels.alertname ?? '(unnamed alert)',
    status: x.status,
    service: x.service ?? serviceOf(x.labels, ctx.serviceLabels),
    labels: x.labels,
    annotations: x.annotations ?? {},
    startsAt: x.startsAt ?? ctx.receivedAt,
    endsAt: undefined,
    generatorUrl: x.generatorUrl,
    source: x.source,
  };
}
