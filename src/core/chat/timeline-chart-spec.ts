import type { TimeWindow } from '../model/time-window.ts';

/**
 * One ratio bucket: consecutive steps merged until they hold at least the spec's `minRequests`
 * (never across the onset), so one failed request out of two does not draw a 50 % spike.
 * `ratio` (errors / requests, 0–1) is null when even the merge stayed under the minimum.
 */
export type ChartRatioBucket = {
  readonly from: number;
  readonly to: number;
  readonly requests: number;
  readonly errors: number;
  readonly ratio: number | null;
};

/** A count per drawing step (requests served, or error log lines), `at` the step's start. */
export type ChartCount = { readonly at: number; readonly count: number };

/**
 * One small multiple: a top hypothesis' service. Traced services draw their error ratio (from
 * spans) over their request volume; error log lines are counts, on the count axis, never on the
 * ratio axis. A service with no spans draws only its counts.
 */
export type ChartServicePanel = {
  readonly service: string;
  /** The hypothesis' rank (1 = leading). */
  readonly rank: number;
  readonly traced: boolean;
  readonly ratio: readonly ChartRatioBucket[];
  /** Requests per step (the light bars behind the ratio). */
  readonly requests: readonly ChartCount[];
  /** Error log lines per step, steps with none left out. */
  readonly errorLogs: readonly ChartCount[];
};

/** The slow service's latency per step: `p90` when the series carry it, else the mean. */
export type ChartLatencyPanel = {
  readonly service: string;
  readonly stat: 'p90' | 'mean';
  readonly points: readonly { readonly at: number; readonly ms: number | null }[];
};

/**
 * The metric series behind the leading hypothesis' metric evidence, drawn as sampled (a counter
 * as its per-second rate), with its baseline median as a dashed line.
 */
export type ChartMetricPanel = {
  readonly service: string;
  /** The series' name and labels. */
  readonly metric: string;
  readonly perSecond: boolean;
  readonly baselineMedian: number | null;
  readonly points: readonly { readonly at: number; readonly value: number }[];
};

/**
 * A vertical line with a short tag at its top (`1`, `2` … for changes, `A` for the alert start,
 * `onset`); what it is is said once, in the legend row under the plots.
 */
export type ChartMarker = {
  readonly at: number;
  readonly kind: 'alert' | 'onset' | 'change';
  readonly tag: string;
  /** What the legend row says after the tag, e.g. `deploy checkout v2 (12:01)`. */
  readonly label: string;
};

/**
 * What the timeline chart draws (renderer-neutral, built by a pure function): small multiples of
 * the top services sharing one time axis zoomed on the incident (a little baseline before the
 * onset), a latency panel, marker lines and the legend lines that name them.
 */
export type TimelineChartSpec = {
  readonly title: string;
  /** The x range. */
  readonly from: number;
  readonly to: number;
  /** One drawing step (ms); counts and latency have one value per step. */
  readonly stepMs: number;
  readonly minRequests: number;
  readonly baseline: TimeWindow;
  readonly incident: TimeWindow;
  readonly onset: number;
  readonly panels: readonly ChartServicePanel[];
  readonly latency: ChartLatencyPanel | undefined;
  /** What moved in the metrics, when the leading hypotheses' evidence names a series. */
  readonly metric?: ChartMetricPanel;
  readonly markers: readonly ChartMarker[];
};
