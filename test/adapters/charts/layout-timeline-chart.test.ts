import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_STACK } from '../../../src/adapters/charts/chart-font.ts';
import { boxesOverlap, layoutTimelineChart } from '../../../src/adapters/charts/layout-timeline-chart.ts';
import { registerChartFonts } from '../../../src/adapters/charts/register-chart-fonts.ts';
import type { ChartMarker, TimelineChartSpec } from '../../../src/core/chat/timeline-chart-spec.ts';

const T0 = Date.UTC(2026, 0, 1, 12, 0);
const MIN = 60_000;

// Five changes inside one minute next to the alert and the onset: the labels that used to collide.
const markers: ChartMarker[] = [
  { at: T0 + 10 * MIN, kind: 'onset', tag: 'onset', label: 'onset (12:10)' },
  { at: T0 + 10 * MIN + 5_000, kind: 'alert', tag: 'A', label: 'alert HighErrorRate (12:10)' },
  ...[0, 10, 20, 30, 40].map((s, i) => ({
    at: T0 + 10 * MIN + s * 1000,
    kind: 'change' as const,
    tag: String(i + 1),
    label: `deploy checkout-service-with-a-long-name v2.${i}.0 (12:10)`,
  })),
];
const spec: TimelineChartSpec = {
  title: 't',
  from: T0,
  to: T0 + 20 * MIN,
  stepMs: 10_000,
  minRequests: 20,
  baseline: { from: T0, to: T0 + 10 * MIN },
  incident: { from: T0 + 10 * MIN, to: T0 + 20 * MIN },
  onset: T0 + 10 * MIN,
  panels: ['a', 'b', 'c'].map((service, i) => ({
    service,
    rank: i + 1,
    traced: true,
    ratio: [],
    requests: [],
    errorLogs: [],
  })),
  latency: { service: 'a', stat: 'p90', points: [] },
  metric: { service: 'a', metric: 'http_requests_total{code=500}', perSecond: true, baselineMedian: 0.1, points: [] },
  markers,
};

function allBoxes(measure: (t: string, f: string) => number) {
  const l = layoutTimelineChart(spec, measure, CHART_FONT_STACK, 1200);
  return { l, text: [...l.tags.map((t) => t.box), ...l.legend.map((x) => x.box)] };
}

describe('layoutTimelineChart: no text on the chart overlaps', () => {
  for (const [name, measure] of [
    ['a fixed-width estimate (7 px a character)', (t: string) => 7 * t.length],
    [
      "the canvas' measureText",
      (() => {
        registerChartFonts([], '.');
        const ctx = createCanvas(1, 1).getContext('2d');
        return (t: string, f: string) => {
          ctx.font = f;
          return ctx.measureText(t).width;
        };
      })(),
    ],
  ] as const) {
    it(`with ${name}: tags and legend items never overlap each other or the plots, and stay inside the image`, () => {
      const { l, text } = allBoxes(measure);
      for (let i = 0; i < text.length; i++)
        for (let j = i + 1; j < text.length; j++) expect(boxesOverlap(text[i] as never, text[j] as never)).toBe(false);
      for (const b of text) {
        for (const p of l.plots) expect(boxesOverlap(b, p)).toBe(false);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w).toBeLessThanOrEqual(l.width);
        expect(b.y + b.h).toBeLessThanOrEqual(l.height);
      }
      // The seven tags need more than one row; each legend item names its marker.
      expect(new Set(l.tags.map((t) => t.box.y)).size).toBeGreaterThan(1);
      expect(l.legend.filter((x) => x.tag).map((x) => x.tag)).toEqual(markers.map((m) => m.tag));
      expect(l.plots).toHaveLength(5);
    });
  }
});
