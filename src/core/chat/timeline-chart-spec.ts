import type { TimeWindow } from '../telemetry/time-window.ts';

/** One implicated service's lines: error rate (%) and mean latency (ms) per point, null where it served nothing. */
export type ChartServiceSeries = {
  readonly service: string;
  /** Where the error rate comes from: failed requests (traces), else error-level log lines. */
  readonly errorBasis: 'requests' | 'logs';
  readonly errorRate: readonly (number | null)[];
  readonly latencyMs: readonly (number | null)[];
};

/**
 * What the timeline chart draws (renderer-neutral, built by a pure function): points in time, per
 * service error rate and latency, the baseline and incident windows, and markers for the alert
 * start, the onset and the change events.
 */
export type TimelineChartSpec = {
  readonly title: string;
  /** The start of each point (epoch ms); every series has one value per point. */
  readonly times: readonly number[];
  readonly stepMs: number;
  readonly baseline: TimeWindow;
  readonly incident: TimeWindow;
  readonly services: readonly ChartServiceSeries[];
  readonly markers: readonly {
    readonly at: number;
    readonly label: string;
    readonly kind: 'alert' | 'onset' | 'change';
  }[];
};
