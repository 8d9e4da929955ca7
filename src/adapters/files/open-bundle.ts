import { basename, join } from 'node:path';
import type { CausewayError } from '../../core/errors/causeway-error.ts';
import type { IncidentCase } from '../../core/incident-case.ts';
import type { Result } from '../../core/result/result.ts';
import { DEFAULT_MAX_LINE_BYTES } from '../../core/sources/default-max-line-bytes.ts';
import { createFileChangeSource } from './create-file-change-source.ts';
import { createFileLogSource } from './create-file-log-source.ts';
import { createFileMetricSource } from './create-file-metric-source.ts';
import { createFileTraceSource } from './create-file-trace-source.ts';
import { readAlertFile } from './read-alert-file.ts';
import { readBoundedText } from './read-bounded-text.ts';

/**
 * Opens an incident bundle folder (its id: scenario.json's id, else the folder name) (see
 * docs/incident-bundle.md): reads the alert, prepares the file sources. Every file is
 * UTF-8 with no line longer than `maxLineBytes` (sources.maxLineBytes), else INPUT_INVALID.
 */
export async function openBundle(
  dir: string,
  serviceLabels?: readonly string[],
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): Promise<Result<IncidentCase, CausewayError>> {
  const alert = await readAlertFile(join(dir, 'alert.json'), serviceLabels, maxLineBytes);
  if (!alert.ok) return alert;
  const firing = alert.value.alerts.filter((a) => a.status === 'firing');
  if (firing.length === 0) {
    return {
      ok: false,
      error: { code: 'NO_FIRING_ALERT', message: `${join(dir, 'alert.json')}: no alert has status "firing"` },
    };
  }
  const asOf = Math.min(...firing.map((a) => a.startsAt));
  let id = basename(dir);
  try {
    const scenario: unknown = JSON.parse(await readBoundedText(join(dir, 'scenario.json'), maxLineBytes));
    if (scenario && typeof scenario === 'object' && typeof (scenario as { id?: unknown }).id === 'string') {
      id = (scenario as { id: string }).id;
    }
  } catch {
    // scenario.json is optional free metadata
  }
  return {
    ok: true,
    value: {
      id,
      alerts: alert.value.alerts,
      asOf,
      logs: createFileLogSource(join(dir, 'logs.ndjson'), maxLineBytes),
      traces: createFileTraceSource(join(dir, 'traces.ndjson'), maxLineBytes),
      changes: createFileChangeSource(join(dir, 'changes.json'), maxLineBytes),
      metrics: createFileMetricSource(join(dir, 'metrics.ndjson'), serviceLabels, maxLineBytes),
    },
  };
}
