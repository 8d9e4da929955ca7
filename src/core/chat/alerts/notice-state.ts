import type { Alert } from '../../model/alert.ts';
import type { AlertNotice } from './alert-notice.ts';
import { isMinorSeverity } from './is-minor-severity.ts';

const NO_DATA = new Set(['DatasourceNoData', 'DatasourceError']);

/**
 * A labelled notification's state: `firing` when an alert fires that is neither minor (warning,
 * info) nor a no-data/datasource-error alert; else `no-data`, `warning`, or `resolved` when none fires.
 */
export function noticeState(alerts: readonly Alert[]): AlertNotice['state'] {
  const firing = alerts.filter((a) => a.status === 'firing');
  if (firing.length === 0) return 'resolved';
  const noData = (a: Alert) =>
    NO_DATA.has(a.name) || /^(nodata|no data|error)$/i.test(a.annotations.grafana_state_reason ?? '');
  if (firing.some((a) => !noData(a) && !isMinorSeverity(a.labels.severity))) return 'firing';
  if (firing.some((a) => noData(a))) return 'no-data';
  return 'warning';
}
