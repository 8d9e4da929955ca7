/**
 * How alerts group into incidents. `groupBy` names the dimensions: `service` (the alert's service),
 * `environment` (label environment, env or deployment_environment) or any label name. Alerts
 * whose dimensions are equal and whose start times are within `windowMs` of the incident's first
 * alert join it; with no dimension present (or `groupBy` empty) an alert groups by its fingerprint.
 */
export type GroupingSettings = {
  readonly groupBy: readonly string[];
  readonly windowMs: number;
};
