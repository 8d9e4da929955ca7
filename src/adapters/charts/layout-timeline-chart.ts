import type { TimelineChartSpec } from '../../core/chat/timeline-chart-spec.ts';

export type Box = { readonly x: number; readonly y: number; readonly w: number; readonly h: number };

/** Measures a text's width in px in a CSS font (the canvas' measureText, or an estimate). */
export type MeasureText = (text: string, font: string) => number;

/** Where everything of the timeline chart goes, in px: computed before drawing so text never overlaps. */
export type TimelineLayout = {
  readonly width: number;
  readonly height: number;
  /** The plot rectangles: one per service panel, then the latency panel and the metric panel when present. */
  readonly plots: readonly Box[];
  /** The marker tags above the plots (one per marker, in the spec's order). */
  readonly tags: readonly { readonly box: Box; readonly lineX: number }[];
  /** The legend row(s) under the plots: each marker's tag and label, then the key of what is drawn. */
  readonly legend: readonly { readonly box: Box; readonly tag?: string; readonly text: string }[];
  readonly xOf: (t: number) => number;
};

export const LAYOUT = {
  left: 64,
  right: 64,
  titleH: 40,
  tagH: 16,
  tagGap: 4,
  panelHeaderH: 20,
  panelH: 120,
  panelGap: 8,
  axisH: 26,
  legendH: 20,
  font: 12,
} as const;

/** Lays out the chart at `width`: the tag strip (rows so no two tags overlap), the panels, the legend rows. */
export function layoutTimelineChart(
  spec: TimelineChartSpec,
  measure: MeasureText,
  fontStack: string,
  width = 1200,
): TimelineLayout {
  const L = LAYOUT;
  const plotL = L.left;
  const plotR = width - L.right;
  const span = Math.max(1, spec.to - spec.from);
  const xOf = (t: number) => plotL + ((t - spec.from) / span) * (plotR - plotL);
  const font = `bold ${L.font - 1}px ${fontStack}`;

  // Tags: centred on their line, clamped into the plot, each in the first row it fits in.
  const rows: { l: number; r: number }[][] = [];
  const placed = spec.markers.map((m) => {
    const w = measure(m.tag, font) + 10;
    const lineX = xOf(m.at);
    const l = Math.min(plotR - w, Math.max(plotL, lineX - w / 2));
    let row = rows.findIndex((r) => r.every((o) => l + w + L.tagGap <= o.l || l >= o.r + L.tagGap));
    if (row < 0) {
      rows.push([]);
      row = rows.length - 1;
    }
    rows[row]?.push({ l, r: l + w });
    return { l, w, row, lineX };
  });
  const tagTop = L.titleH;
  const tagStrip = Math.max(1, rows.length) * (L.tagH + L.tagGap);
  const tags = placed.map((p) => ({
    box: { x: p.l, y: tagTop + p.row * (L.tagH + L.tagGap), w: p.w, h: L.tagH },
    lineX: p.lineX,
  }));

  const plots: Box[] = [];
  let y = tagTop + tagStrip;
  const count = spec.panels.length + (spec.latency ? 1 : 0) + (spec.metric ? 1 : 0);
  for (let i = 0; i < count; i++) {
    plots.push({ x: plotL, y: y + L.panelHeaderH, w: plotR - plotL, h: L.panelH });
    y += L.panelHeaderH + L.panelH + L.panelGap;
  }
  y += L.axisH;

  // Legend: marker entries then the key, flowing left to right into rows.
  const textFont = `${L.font}px ${fontStack}`;
  const items: { tag?: string; text: string; w: number }[] = spec.markers.map((m) => ({
    tag: m.tag,
    text: m.label,
    w: measure(m.tag, font) + 10 + 6 + measure(m.label, textFont),
  }));
  const key = [
    ...(spec.panels.length > 0
      ? [
          'red line: error ratio, left axis (points hold ≥ ' + `${spec.minRequests} requests)`,
          'grey bars: requests, right axis',
          'orange marks: error log lines, right axis',
        ]
      : []),
    ...(spec.metric ? ['green line: the metric as sampled, dashed: its baseline median'] : []),
  ];
  for (const text of key) items.push({ text, w: 14 + measure(text, textFont) });
  const legend: { box: Box; tag?: string; text: string }[] = [];
  let x = plotL;
  let rowY = y;
  for (const it of items) {
    if (x > plotL && x + it.w > plotR) {
      x = plotL;
      rowY += L.legendH;
    }
    legend.push({ box: { x, y: rowY, w: it.w, h: L.legendH - 4 }, ...(it.tag ? { tag: it.tag } : {}), text: it.text });
    x += it.w + 24;
  }
  const height = Math.ceil(rowY + L.legendH + 8);
  return { width, height, plots, tags, legend, xOf };
}

/** Whether two boxes overlap (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
