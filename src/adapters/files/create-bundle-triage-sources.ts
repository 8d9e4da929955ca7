import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Alert } from '../../core/model/alert.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import type { TriageSources } from '../../core/sources/triage-sources.ts';
import { findBundles } from './find-bundles.ts';
import { openBundle } from './open-bundle.ts';

/**
 * Triage sources that replay recorded incident bundles (demo, tests, benchmarks): `dir` is one
 * bundle (every triage reads it) or a folder of bundles (the one whose alert matches: same
 * fingerprint, else same alert name and service, else same service). The triage runs at the
 * recording's time with the recording's alerts. No line of a bundle file may be longer than
 * `maxLineBytes` (sources.maxLineBytes).
 */
export function createBundleTriageSources(
  dir: string,
  serviceLabels?: readonly string[],
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): TriageSources {
  return {
    name: `bundle:${dir}`,
    async open(alerts) {
      const single = await access(join(dir, 'alert.json')).then(
        () => true,
        () => false,
      );
      let chosen = single ? dir : undefined;
      if (!chosen) {
        const dirs = await findBundles([dir]);
        const opened: { d: string; alerts: readonly Alert[] }[] = [];
        for (const d of dirs) {
          const b = await openBundle(d, serviceLabels, maxLineBytes);
          if (b.ok) opened.push({ d, alerts: b.value.alerts });
        }
        const firing = alerts.filter((a) => a.status === 'firing');
        const match = (p: (a: Alert, b: Alert) => boolean) =>
          opened.find((o) => o.alerts.some((b) => firing.some((a) => p(a, b))))?.d;
        chosen =
          match((a, b) => a.fingerprint === b.fingerprint) ??
          match((a, b) => a.name === b.name && a.service !== undefined && a.service === b.service) ??
          match((a, b) => a.service !== undefined && a.service === b.service);
        if (!chosen)
          return {
            ok: false,
            error: {
              code: 'INPUT_MISSING',
              message: `no bundle under ${dir} matches the alert ${firing[0]?.name ?? '?'}${firing[0]?.service ? ` on ${firing[0].service}` : ''}`,
            },
          };
      }
      const b = await openBundle(chosen, serviceLabels, maxLineBytes);
      if (!b.ok) return b;
      return {
        ok: true,
        value: {
          logs: b.value.logs,
          traces: b.value.traces,
          changes: b.value.changes,
          ...(b.value.metrics ? { metrics: b.value.metrics } : {}),
          asOf: b.value.asOf,
          alerts: b.value.alerts,
          origin: { kind: 'bundle', id: b.value.id, dir: chosen },
          close: async () => undefined,
        },
      };
    },
  };
}
