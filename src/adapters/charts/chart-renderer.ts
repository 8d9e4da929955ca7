import type { TimelineChartSpec } from '../../core/chat/timeline-chart-spec.ts';

/** Renders a timeline chart to PNG bytes (server-side, no browser). */
export type ChartRenderer = {
  renderTimeline(spec: TimelineChartSpec): Promise<Uint8Array>;
};
