import type { TriageWindows } from '../telemetry/triage-windows.ts';
import { windowMs } from './window-ms.ts';

/**
 * How long a window really holds a source's data, in ms: the window's length less its recording
 * gaps and whatever lies past the source's data horizon. Rates are counts over this, so a hole in
 * the baseline is not a surge and telemetry that has not arrived yet is not an outage. A window
 * the source holds nothing of keeps its length (a count of zero there is then a zero rate).
 */
export function coveredMs(windows: TriageWindows, which: 'baseline' | 'incident', source: 'traces' | 'logs'): number {
  const covered = windows.coverage?.[which][source];
  return covered && covered > 0 ? covered : windowMs(windows[which]);
}
