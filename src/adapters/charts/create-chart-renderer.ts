import { type Canvas, createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type Plugin, registerables } from 'chart.js';
import type { TimelineChartSpec } from '../../core/chat/timeline-chart-spec.ts';
import { CHART_FONT_STACK } from './chart-font.ts';
import type { ChartRenderer } from './chart-renderer.ts';

const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e'];
const MARKER = { alert: '#d62728', onset: '#7f7f7f', change: '#1f77b4' } as const;
const FONT = CHART_FONT_STACK;

let registered = false;

/**
 * The timeline chart with chart.js on a Skia canvas (@napi-rs/canvas; no browser, no system
 * libraries): two panels sharing the time axis — error rate (%) and mean latency (ms) per
 * implicated service — with the baseline window shaded grey, the incident window red, and dashed
 * vertical markers for the alert start, the onset and each change. Text is drawn in `CHART_FONT_STACK`:
 * call `registerChartFonts` first (`charts.fontFiles`, else the image's DejaVu files).
 */
export function createChartRenderer(opts: { readonly width?: number } = {}): ChartRenderer {
  if (!registered) {
    Chart.register(...registerables);
    registered = true;
  }
  const width = opts.width ?? 1200;
  const panel = 300;
  const titleH = 44;
  return {
    async renderTimeline(spec) {
      const out = createCanvas(width, titleH + 2 * panel);
      const ctx = out.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, titleH + 2 * panel);
      ctx.fillStyle = '#222222';
      ctx.font = `bold 20px ${FONT}`;
      ctx.fillText(spec.title, 16, 30);
      const top = drawPanel(spec, width, panel, 'errorRate', 'error rate %', true);
      const bottom = drawPanel(spec, width, panel, 'latencyMs', 'mean latency ms', false);
      ctx.drawImage(top.canvas, 0, titleH);
      ctx.drawImage(bottom.canvas, 0, titleH + panel);
      top.chart.destroy();
      bottom.chart.destroy();
      return new Uint8Array(await out.encode('png'));
    },
  };
}

function drawPanel(
  spec: TimelineChartSpec,
  width: number,
  height: number,
  field: 'errorRate' | 'latencyMs',
  yTitle: string,
  markerLabels: boolean,
): { canvas: Canvas; chart: Chart<'line', { x: number; y: number | null }[]> } {
  const canvas = createCanvas(width, height);
  const t0 = spec.times[0] ?? 0;
  const minutes = (ms: number) => (ms - t0) / 60_000;
  const windows: Plugin<'line'> = {
    id: 'causewayWindows',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: a, scales } = chart;
      const x = scales.x;
      if (!x) return;
      const shade = (w: { from: number; to: number }, color: string, label: string) => {
        const l = Math.max(a.left, x.getPixelForValue(minutes(w.from)));
        const r = Math.min(a.right, x.getPixelForValue(minutes(w.to)));
        if (r <= l) return;
        ctx.save();
        ctx.fillStyle = color;
        ctx.fillRect(l, a.top, r - l, a.bottom - a.top);
        ctx.fillStyle = '#777777';
        ctx.font = `italic 11px ${FONT}`;
        const w2 = ctx.measureText(label).width;
        if (r - l > w2 + 8) ctx.fillText(label, l + 4, a.bottom - 6);
        ctx.restore();
      };
      shade(spec.baseline, 'rgba(120,120,120,0.10)', 'baseline');
      shade(spec.incident, 'rgba(214,39,40,0.10)', 'incident');
    },
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: a, scales } = chart;
      const x = scales.x;
      if (!x) return;
      const rows: [number, number][][] = [[], [], [], [], []];
      for (const m of spec.markers) {
        const px = x.getPixelForValue(minutes(m.at));
        if (px < a.left || px > a.right) continue;
        ctx.save();
        ctx.strokeStyle = MARKER[m.kind];
        ctx.lineWidth = m.kind === 'alert' ? 2 : 1.5;
        ctx.setLineDash(m.kind === 'onset' ? [2, 3] : [6, 4]);
        ctx.beginPath();
        ctx.moveTo(px, a.top);
        ctx.lineTo(px, a.bottom);
        ctx.stroke();
        if (markerLabels) {
          ctx.setLineDash([]);
          ctx.fillStyle = MARKER[m.kind];
          ctx.font = `12px ${FONT}`;
          const text = m.label.length > 40 ? `${m.label.slice(0, 39)}…` : m.label;
          const w = ctx.measureText(text).width;
          const lx = px + 4 + w > a.right ? px - 4 - w : px + 4;
          // The first row where the label does not overlap another.
          let row = rows.findIndex((r) => r.every(([l, rr]) => lx + w + 6 < l || lx > rr + 6));
          if (row < 0) row = rows.length - 1;
          rows[row]?.push([lx, lx + w]);
          ctx.fillText(text, lx, a.top + 14 + 15 * row);
        }
        ctx.restore();
      }
    },
  };
  const config: ChartConfiguration<'line', { x: number; y: number | null }[]> = {
    type: 'line',
    data: {
      datasets: spec.services.map((s, i) => ({
        label: `${s.service}${field === 'errorRate' && s.errorBasis === 'logs' ? ' (error logs)' : ''}`,
        data: spec.times.map((t, j) => ({ x: minutes(t), y: s[field][j] ?? null })),
        borderColor: COLORS[i % COLORS.length] as string,
        backgroundColor: COLORS[i % COLORS.length] as string,
        borderWidth: 2,
        pointRadius: 1.5,
        spanGaps: false,
        tension: 0,
      })),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      layout: { padding: { left: 8, right: 16, top: 4, bottom: 4 } },
      font: { family: FONT } as never,
      plugins: {
        legend: { position: 'top', align: 'end', labels: { font: { family: FONT, size: 12 }, boxWidth: 14 } },
        title: { display: false },
      },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: minutes((spec.times.at(-1) ?? t0) + spec.stepMs),
          title: { display: !markerLabels, text: 'UTC', font: { family: FONT } },
          ticks: {
            font: { family: FONT, size: 11 },
            maxTicksLimit: 12,
            callback: (v) => new Date(t0 + Number(v) * 60_000).toISOString().slice(11, 16),
          },
        },
        y: {
          beginAtZero: true,
          title: { display: true, text: yTitle, font: { family: FONT, size: 12 } },
          ticks: { font: { family: FONT, size: 11 } },
        },
      },
    },
    plugins: [windows],
  };
  // chart.js draws on any 2D context of the canvas API; Skia's is one.
  const chart = new Chart(canvas.getContext('2d') as never, config);
  return { canvas, chart };
}
