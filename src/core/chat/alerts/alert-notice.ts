import type { Alert } from '../../model/alert.ts';

/** Which integration posted an alert message. */
export type AlertIntegration = 'alertmanager' | 'grafana' | 'pagerduty' | 'datadog' | 'causeway';

/**
 * An alert message recognised in a watched channel: who sent it, what state it announces (only
 * `firing` starts an investigation), the title as shown, and the alerts it carries (each with a
 * fingerprint: re-notifications and storms carry the same one).
 */
export type AlertNotice = {
  readonly integration: AlertIntegration;
  readonly state: 'firing' | 'resolved' | 'warning' | 'no-data' | 'acknowledged';
  readonly title: string;
  readonly alerts: readonly Alert[];
};
