import { createChartRenderer } from '../adapters/charts/create-chart-renderer.ts';
import { registerChartFonts } from '../adapters/charts/register-chart-fonts.ts';
import type { IncidentPageDeps } from '../adapters/http/incident-page-deps.ts';
import { investigateOptionsFromConfig } from '../app/investigate-options-from-config.ts';
import { redrawIncidentChart } from '../app/postmortem/redraw-incident-chart.ts';
import { renderIncidentView } from '../app/postmortem/render-incident-view.ts';
import type { TriageSources } from '../core/sources/triage-sources.ts';
import type { Storage } from '../core/storage/storage.ts';
import type { Runtime } from './runtime.ts';

/** Charts kept drawn (they are redrawn from the sources, which takes a moment): the most recent ones. */
const CHARTS_KEPT = 32;

/**
 * The incident pages of `causeway serve` from the configuration (`postmortem.*`): signed links or
 * the trusted proxy header, the views rendered from the storage, the chart redrawn from the
 * triage sources and kept for the last few incidents.
 */
export function incidentPagesFromConfig(runtime: Runtime, storage: Storage, sources: TriageSources): IncidentPageDeps {
  const { config } = runtime;
  const p = config.postmortem;
  const renderer = createChartRenderer();
  let fonts: string | undefined;
  let fontsRegistered = false;
  const charts = new Map<string, Uint8Array>();
  const chartDeps = {
    sources,
    options: investigateOptionsFromConfig(config),
    render: (spec: Parameters<typeof renderer.renderTimeline>[0]) => renderer.renderTimeline(spec),
  };
  return {
    pageKey: p.pageKey,
    trustedUserHeader: p.trustedUserHeader?.toLowerCase(),
    render: (incidentId, view, query) =>
      renderIncidentView(
        {
          storage,
          checkpointKey: config.audit.checkpointKey,
          secrets: runtime.secrets,
          slo: { target: p.sloTarget, windowDays: p.sloWindowDays },
          ...(sources.name === 'none'
            ? {}
            : {
                async chart(facts) {
                  const kept = charts.get(facts.incident.id);
                  if (kept) return { ok: true, value: kept };
                  if (!fontsRegistered) {
                    const r = registerChartFonts(config.charts.fontFiles, runtime.cwd);
                    fontsRegistered = r.ok;
                    fonts = r.ok ? undefined : r.error.message;
                  }
                  if (fonts) return { ok: false, error: { message: fonts } };
                  const png = await redrawIncidentChart(chartDeps, facts);
                  if (png.ok) {
                    charts.set(facts.incident.id, png.value);
                    if (charts.size > CHARTS_KEPT) charts.delete(charts.keys().next().value as string);
                  }
                  return png;
                },
              }),
        },
        incidentId,
        view,
        query,
      ),
  };
}
