import type { RunbookCatalog } from './runbook-catalog.ts';
import type { RunbookFinder } from './runbook-finder.ts';
import type { RunbookSuggestion } from './runbook-suggestion.ts';

/**
 * The chat's `RunbookFinder` over a runbook catalog: for an incident, the runbooks whose alert
 * names, services and kinds fit (label conditions cannot be checked from these three facts and
 * are ignored here; `matchRunbooks` with the report and alert checks everything); a search
 * matches every word against id, title and description.
 */
export function createCatalogRunbookFinder(catalog: RunbookCatalog): RunbookFinder {
  const suggestion = (id: string, title: string, why?: string): RunbookSuggestion => ({
    id,
    title,
    ...(why ? { why } : {}),
  });
  return {
    configured: catalog.size > 0,
    async forIncident(q) {
      const out: RunbookSuggestion[] = [];
      for (const r of catalog.values()) {
        const m = r.match;
        if (!m) continue;
        if (m.alerts.length > 0 && !m.alerts.includes(q.alertName)) continue;
        if (m.services.length > 0 && (q.service === undefined || !m.services.includes(q.service))) continue;
        if (m.kinds.length > 0 && (q.kind === undefined || !m.kinds.includes(q.kind))) continue;
        const why = [q.service, q.kind].filter((x) => x !== undefined).join(' — ');
        out.push(suggestion(r.id, r.title, why || undefined));
      }
      return out;
    },
    async search(text) {
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      return [...catalog.values()]
        .filter((r) => {
          const hay = `${r.id} ${r.title} ${r.description}`.toLowerCase();
          return words.every((w) => hay.includes(w));
        })
        .map((r) => suggestion(r.id, r.title));
    },
  };
}
