import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { ChartMetricPanel, ChartServicePanel, TimelineChartSpec } from '../../core/chat/timeline-chart-spec.ts';
import { CHART_FONT_STACK } from './chart-font.ts';
import type { ChartRenderer } from './chart-renderer.ts';
import { niceMax, timeTicks } from './chart-scales.ts';
import { type Box, LAYOUT, layoutTimelineChart } from './layout-timeline-chart.ts';

const FONT = CHART_FONT_STACK;
const INK = '#222222';
const MUTED = '#6b6b6b';
const GRID = '#e6e6e6';
const RATIO = '#d62728';
const VOLUME = 'rgba(120,130,145,0.28)';
const ERROR_LOGS = '#ff7f0e';
const LATENCY = '#6a3d9a';
const METRIC = '#2ca02c';
// The alert is black, not red: red is the error ratio's colour alone.
const MARKER = { alert: '#111111', onset: '#555555', change: '#1f77b4' } as const;

/**
 * The timeline chart drawn on a Skia canvas (@napi-rs/canvas; no browser, no system libraries):
 * small multiples of the top services sharing one time axis — error ratio over light request
 * volume bars, error log lines as marks on the count axis — then the slow service's latency,
 * with the baseline shaded grey and the incident red. Markers are lines with a short tag at the
 * top; what each is is said in the legend row under the plots, so no text overlaps the data.
 * Text is drawn in `CHART_FONT_STACK`: call `registerChartFonts` first.
 */
export function createChartRenderer(opts: { readonly width?: number } = {}): ChartRenderer {
  const width = opts.width ?? 1200;
  return {
    async renderTimeline(spec) {
      const probe = createCanvas(1, 1).getContext('2d');
      const measure = (text: string, font: string) => {
        probe.font = font;
        return probe.measureText(text).width;
      };
      const layout = layoutTimelineChart(spec, measure, FONT, width);
      const out = createCanvas(width, layout.height);
      const ctx = out.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, layout.height);
      ctx.fillStyle = INK;
      ctx.font = `bold 18px ${FONT}`;
      ctx.fillText(spec.title, 16, 26);

      // Panel headers are drawn last, over the marker lines (on a white ground).
      const headers: (() => void)[] = [];
      spec.panels.forEach((p, i) => {
        const box = layout.plots[i] as Box;
        drawFrame(ctx, spec, box, layout.xOf);
        headers.push(drawServicePanel(ctx, spec, p, box, layout.xOf));
      });
      const lat = spec.latency ? layout.plots[spec.panels.length] : undefined;
      if (spec.latency && lat) {
        drawFrame(ctx, spec, lat, layout.xOf);
        headers.push(drawLatency(ctx, spec, lat, layout.xOf));
      }
      const metric = spec.metric ? layout.plots[spec.panels.length + (spec.latency ? 1 : 0)] : undefined;
      if (spec.metric && metric) {
        drawFrame(ctx, spec, metric, layout.xOf);
        headers.push(drawMetric(ctx, spec.metric, metric, layout.xOf));
      }
      const last = layout.plots.at(-1) as Box;
      // Time axis under the last panel, grid through all.
      ctx.font = `11px ${FONT}`;
      ctx.fillStyle = MUTED;
      ctx.textAlign = 'center';
      const ticks = timeTicks(spec.from, spec.to, 10);
      const seconds = ticks.length > 1 && (ticks[1] as number) - (ticks[0] as number) < 60_000;
      for (const t of ticks) {
        const x = layout.xOf(t);
        ctx.fillText(new Date(t).toISOString().slice(11, seconds ? 19 : 16), x, last.y + last.h + 16);
      }
      ctx.fillText('UTC', last.x + last.w + 24, last.y + last.h + 16);
      ctx.textAlign = 'left';

      // Marker lines through every panel, their tags on top.
      spec.markers.forEach((m, i) => {
        const tag = layout.tags[i];
        if (!tag) return;
        ctx.save();
        ctx.strokeStyle = MARKER[m.kind];
        ctx.lineWidth = m.kind === 'change' ? 1.5 : 2;
        ctx.setLineDash(m.kind === 'onset' ? [2, 3] : m.kind === 'change' ? [6, 4] : []);
        ctx.beginPath();
        ctx.moveTo(tag.lineX, tag.box.y + tag.box.h);
        ctx.lineTo(tag.lineX, last.y + last.h);
        ctx.stroke();
        ctx.restore();
        drawTag(ctx, m.tag, tag.box, MARKER[m.kind]);
      });
      for (const h of headers) h();

      // Legend rows.
      ctx.font = `${LAYOUT.font}px ${FONT}`;
      layout.legend.forEach((item, i) => {
        const m = item.tag ? spec.markers[i] : undefined;
        let x = item.box.x;
        const mid = item.box.y + item.box.h / 2;
        if (item.tag && m) {
          const w = measureWith(ctx, item.tag, `bold ${LAYOUT.font - 1}px ${FONT}`) + 10;
          drawTag(ctx, item.tag, { x, y: mid - LAYOUT.tagH / 2, w, h: LAYOUT.tagH }, MARKER[m.kind]);
          x += w + 6;
        } else {
          ctx.fillStyle = item.text.startsWith('red')
            ? RATIO
            : item.text.startsWith('grey')
              ? '#9aa3ad'
              : item.text.startsWith('green')
                ? METRIC
                : ERROR_LOGS;
          ctx.fillRect(x, mid - 4, 10, 8);
          x += 14;
        }
        ctx.fillStyle = INK;
        ctx.font = `${LAYOUT.font}px ${FONT}`;
        ctx.textBaseline = 'middle';
        ctx.fillText(item.text, x, mid);
        ctx.textBaseline = 'alphabetic';
      });
      return new Uint8Array(await out.encode('png'));
    },
  };
}

function measureWith(ctx: SKRSContext2D, text: string, font: string): number {
  ctx.font = font;
  return ctx.measureText(text).width;
}

function drawTag(ctx: SKRSContext2D, tag: string, box: Box, color: string): void {
  ctx.save();
  ctx.fillStyle = color;
  const r = box.h / 2;
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.w, box.h, r);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = `bold ${LAYOUT.font - 1}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(tag, box.x + box.w / 2, box.y + box.h / 2 + 0.5);
  ctx.restore();
}

/** The panel's background: baseline grey, incident red, vertical time grid, a border. */
function drawFrame(ctx: SKRSContext2D, spec: TimelineChartSpec, box: Box, xOf: (t: number) => number): void {
  const shade = (w: { from: number; to: number }, color: string) => {
    const l = Math.max(box.x, xOf(w.from));
    const r = Math.min(box.x + box.w, xOf(w.to));
    if (r <= l) return;
    ctx.fillStyle = color;
    ctx.fillRect(l, box.y, r - l, box.h);
  };
  shade(spec.baseline, 'rgba(120,120,120,0.08)');
  shade(spec.incident, 'rgba(214,39,40,0.08)');
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  for (const t of timeTicks(spec.from, spec.to, 10)) {
    const x = Math.round(xOf(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, box.y);
    ctx.lineTo(x, box.y + box.h);
    ctx.stroke();
  }
  ctx.strokeStyle = '#c8c8c8';
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
}

function axisLabels(ctx: SKRSContext2D, box: Box, max: number, side: 'left' | 'right', fmt: (v: number) => string) {
  ctx.font = `10px ${FONT}`;
  ctx.fillStyle = MUTED;
  ctx.textAlign = side === 'left' ? 'right' : 'left';
  const x = side === 'left' ? box.x - 6 : box.x + box.w + 6;
  for (const f of [0, 0.5, 1]) ctx.fillText(fmt(max * f), x, box.y + box.h - f * (box.h - 8) + 3);
  ctx.textAlign = 'left';
}

function header(ctx: SKRSContext2D, box: Box, bold: string, rest: string): () => void {
  return () => {
    const y = box.y - 6;
    ctx.font = `bold 13px ${FONT}`;
    const w = ctx.measureText(bold).width;
    ctx.font = `12px ${FONT}`;
    const w2 = ctx.measureText(rest).width;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(box.x - 2, y - 13, w + 8 + w2 + 4, 17);
    ctx.font = `bold 13px ${FONT}`;
    ctx.fillStyle = INK;
    ctx.fillText(bold, box.x, y);
    ctx.font = `12px ${FONT}`;
    ctx.fillStyle = MUTED;
    ctx.fillText(rest, box.x + w + 8, y);
  };
}

function drawServicePanel(
  ctx: SKRSContext2D,
  spec: TimelineChartSpec,
  p: ChartServicePanel,
  box: Box,
  xOf: (t: number) => number,
): () => void {
  const yOf = (v: number, max: number) => box.y + box.h - (v / max) * (box.h - 8);
  const countMax = niceMax(Math.max(1, ...p.requests.map((c) => c.count), ...p.errorLogs.map((c) => c.count)));
  const stepW = Math.max(1, xOf(spec.from + spec.stepMs) - xOf(spec.from));
  // Request volume: light bars behind.
  ctx.fillStyle = VOLUME;
  for (const c of p.requests) {
    if (c.count <= 0) continue;
    const y = yOf(c.count, countMax);
    ctx.fillRect(xOf(c.at) + 0.5, y, Math.max(1, stepW - 1), box.y + box.h - y);
  }
  // Error log lines: marks (traced) or bars (no spans), on the count axis.
  ctx.fillStyle = ERROR_LOGS;
  for (const c of p.errorLogs) {
    const y = yOf(c.count, countMax);
    if (p.traced) {
      const cx = xOf(c.at) + stepW / 2;
      ctx.beginPath();
      ctx.moveTo(cx, y - 4);
      ctx.lineTo(cx + 4, y);
      ctx.lineTo(cx, y + 4);
      ctx.lineTo(cx - 4, y);
      ctx.closePath();
      ctx.fill();
    } else ctx.fillRect(xOf(c.at) + 0.5, y, Math.max(1, stepW - 1), box.y + box.h - y);
  }
  axisLabels(ctx, box, countMax, 'right', (v) => formatCount(v));
  const stepS = Math.round(spec.stepMs / 1000);
  const ratios = p.ratio.flatMap((b) => (b.ratio === null ? [] : [b.ratio]));
  if (p.traced && ratios.length === 0) {
    const n = p.requests.reduce((t, c) => t + c.count, 0);
    return header(
      ctx,
      box,
      `#${p.rank} ${p.service}`,
      `${n} request${n === 1 ? '' : 's'} in view, too few for an error ratio (≥ ${spec.minRequests} per point) · requests and error logs per ${stepS} s (right)`,
    );
  }
  if (p.traced) {
    const rMax = ratioMax(Math.max(0, ...ratios));
    ctx.strokeStyle = RATIO;
    ctx.lineWidth = 2.2;
    ctx.beginPath();
    let pen = false;
    for (const b of p.ratio) {
      if (b.ratio === null) {
        pen = false;
        continue;
      }
      const y = yOf(b.ratio, rMax);
      if (pen) ctx.lineTo(xOf(b.from), y);
      else ctx.moveTo(xOf(b.from), y);
      ctx.lineTo(xOf(b.to), y);
      pen = true;
    }
    ctx.stroke();
    axisLabels(ctx, box, rMax, 'left', (v) => `${formatPercent(v)}`);
    return header(
      ctx,
      box,
      `#${p.rank} ${p.service}`,
      `error ratio (left) · requests and error logs per ${stepS} s (right)`,
    );
  }
  return header(ctx, box, `#${p.rank} ${p.service}`, `no spans: error log lines per ${stepS} s (right)`);
}

function drawLatency(ctx: SKRSContext2D, spec: TimelineChartSpec, box: Box, xOf: (t: number) => number): () => void {
  const lat = spec.latency;
  if (!lat) return () => {};
  const max = niceMax(Math.max(1, ...lat.points.map((p) => p.ms ?? 0)));
  const yOf = (v: number) => box.y + box.h - (v / max) * (box.h - 8);
  const half = (xOf(spec.from + spec.stepMs) - xOf(spec.from)) / 2;
  ctx.strokeStyle = LATENCY;
  ctx.fillStyle = LATENCY;
  ctx.lineWidth = 2;
  ctx.beginPath();
  let pen = false;
  for (const p of lat.points) {
    if (p.ms === null) {
      pen = false;
      continue;
    }
    const x = xOf(p.at) + half;
    if (pen) ctx.lineTo(x, yOf(p.ms));
    else ctx.moveTo(x, yOf(p.ms));
    pen = true;
  }
  ctx.stroke();
  for (const p of lat.points) {
    if (p.ms === null) continue;
    ctx.beginPath();
    ctx.arc(xOf(p.at) + half, yOf(p.ms), 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  axisLabels(ctx, box, max, 'left', (v) => `${formatCount(v)} ms`);
  return header(
    ctx,
    box,
    `latency: ${lat.service}`,
    `${lat.stat === 'p90' ? 'p90' : 'mean'} request duration per ${Math.round(spec.stepMs / 1000)} s, ms`,
  );
}

function drawMetric(ctx: SKRSContext2D, m: ChartMetricPanel, box: Box, xOf: (t: number) => number): () => void {
  const values = m.points.map((p) => p.value);
  const lo = Math.min(0, ...values, m.baselineMedian ?? 0);
  const max = niceMax(Math.max(1e-9, ...values, m.baselineMedian ?? 0) - lo);
  const yOf = (v: number) => box.y + box.h - ((v - lo) / max) * (box.h - 8);
  if (m.baselineMedian !== null) {
    ctx.save();
    ctx.strokeStyle = METRIC;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 4]);
    ctx.beginPath();
    ctx.moveTo(box.x, yOf(m.baselineMedian));
    ctx.lineTo(box.x + box.w, yOf(m.baselineMedian));
    ctx.stroke();
    ctx.restore();
  }
  ctx.strokeStyle = METRIC;
  ctx.fillStyle = METRIC;
  ctx.lineWidth = 2;
  ctx.beginPath();
  m.points.forEach((p, i) => {
    if (i === 0) ctx.moveTo(xOf(p.at), yOf(p.value));
    else ctx.lineTo(xOf(p.at), yOf(p.value));
  });
  ctx.stroke();
  for (const p of m.points) {
    ctx.beginPath();
    ctx.arc(xOf(p.at), yOf(p.value), 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  axisLabels(ctx, box, max, 'left', (v) => `${formatValue(v + lo)}${m.perSecond ? '/s' : ''}`);
  const name = m.metric.length > 90 ? `${m.metric.slice(0, 89)}…` : m.metric;
  return header(ctx, box, `metric: ${m.service}`, `${name}${m.perSecond ? ', per second' : ''}`);
}

function ratioMax(max: number): number {
  for (const m of [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]) if (max <= m) return m;
  return 1;
}

function formatPercent(v: number): string {
  const p = v * 100;
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

/** A metric's value: three significant digits, thousands as k. */
function formatValue(v: number): string {
  return Math.abs(v) >= 1000 ? formatCount(v) : String(Number(v.toPrecision(3)));
}

function formatCount(v: number): string {
  if (v >= 10_000) return `${Math.round(v / 1000)}k`;
  if (v >= 1000) return `${(v / 1000).toFixed(1)}k`;
  return `${Math.round(v * 10) / 10}`;
}
