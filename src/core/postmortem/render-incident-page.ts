import type { AuditRecord } from '../audit/audit-record.ts';
import type { Hypothesis } from '../model/hypothesis.ts';
import type { JsonValue } from '../model/json-value.ts';
import { buildPostmortem, type PostmortemOptions } from './build-postmortem.ts';
import { escapeHtml, safeHref } from './escape-html.ts';
import type { IncidentFacts } from './incident-facts.ts';
import type { IncidentTimeline } from './incident-timeline.ts';
import { PAGE_CSS } from './page-css.ts';
import { renderDocBlock } from './render-postmortem-html.ts';

export type IncidentPageOptions = Omit<PostmortemOptions, 'link'> & {
  /** Appended to the page's own links (`?sig=…`), or '' behind a trusted proxy. */
  readonly query: string;
  /** Whether a chart can be drawn (the sources are configured). */
  readonly chart: boolean;
};

/**
 * The read-only incident page of `causeway serve`, server-rendered, no script: the postmortem
 * draft (summary, impact, root cause, timeline with links to the records), the chart, every
 * hypothesis with its evidence, the runbook runs and the incident's audit records with their
 * verification status. Every interpolated text is escaped; pass redacted facts (`redactFacts`).
 */
export function renderIncidentPage(facts: IncidentFacts, t: IncidentTimeline, o: IncidentPageOptions): string {
  const id = facts.incident.id;
  const base = `/incidents/${encodeURIComponent(id)}`;
  const doc = buildPostmortem(facts, t, {
    ...o,
    link: { audit: (seq) => `#audit-${seq}`, evidence: (e) => `#ev-${anchor(e)}` },
  });
  const status = facts.chain.intact
    ? `<span class="ok">audit chain verified</span> (${facts.audit.length} records of this incident, through #${facts.chain.verifiedThrough})`
    : `<span class="bad">audit chain BROKEN</span>: ${escapeHtml(facts.chain.problem)}; only records through #${facts.chain.verifiedThrough} are shown`;
  const sections = doc.sections.map(
    (s) =>
      `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(renderDocBlock).join('')}</section>`,
  );
  const chart = o.chart
    ? `<section id="chart"><h2>Chart</h2><img class="chart" src="${escapeHtml(`${base}/chart.png${o.query}`)}" alt="Timeline chart: error ratio and request volume of the top services, latency of the slow one, the changes and the alert" width="1200" height="700"></section>`
    : '';
  const hs = facts.triage?.report.hypotheses ?? [];
  const hypotheses = `<section id="hypotheses"><h2>Hypotheses and evidence</h2>${hs.length === 0 ? '<p>None.</p>' : `<ol>${hs.map(hypothesis).join('')}</ol>`}</section>`;
  const runs = `<section id="runs"><h2>Runbook runs</h2>${
    facts.runs.length === 0
      ? '<p>None.</p>'
      : facts.runs
          .map(
            (r) =>
              `<h3 id="run-${anchor(r.id)}">${escapeHtml(r.runbook)} <span class="muted">run ${escapeHtml(r.id)} · ${escapeHtml(r.status)} · proposed by ${escapeHtml(r.proposedBy)}</span></h3><div class="scroll"><table><thead><tr><th>step</th><th>risk</th><th>status</th><th>exit</th><th>step hash</th></tr></thead><tbody>${r.steps
                .map(
                  (s) =>
                    `<tr><td>${s.index + 1}. ${escapeHtml(s.name)}</td><td>${escapeHtml(s.risk)}</td><td>${escapeHtml(s.status)}</td><td>${s.exitCode ?? ''}</td><td><code>${escapeHtml(s.renderedHash.slice(0, 19))}</code></td></tr>`,
                )
                .join('')}</tbody></table></div>`,
          )
          .join('')
  }</section>`;
  const audit = `<section id="audit"><h2>Audit records</h2><p>${status}</p><div class="scroll"><table><thead><tr><th>#</th><th>time (UTC)</th><th>actor</th><th>action</th><th>details</th><th>verified</th></tr></thead><tbody>${facts.audit
    .map((r) => auditRow(r))
    .join('')}</tbody></table></div></section>`;
  const nav = [
    ['summary', 'Summary'],
    ['timeline', 'Timeline'],
    ...(o.chart ? [['chart', 'Chart']] : []),
    ['hypotheses', 'Hypotheses'],
    ['runs', 'Runs'],
    ['audit', 'Audit'],
  ]
    .map(([a, l]) => `<a href="#${a}">${l}</a>`)
    .join(' · ');
  const downloads = `<a href="${escapeHtml(`${base}/report.md${o.query}`)}">Markdown</a> · <a href="${escapeHtml(`${base}/report.html${o.query}`)}">HTML</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(`${id}: ${facts.incident.title}`)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(facts.incident.title)}</h1>
<p class="sub">incident <code>${escapeHtml(id)}</code> · ${escapeHtml(facts.incident.status)} · ${status}</p>
<p class="sub">${nav} · postmortem draft: ${downloads}</p>
${sections.slice(0, 4).join('\n')}
${chart}
${hypotheses}
${runs}
${sections.slice(4).join('\n')}
${audit}
</main>
</body>
</html>
`;
}

function hypothesis(h: Hypothesis): string {
  const reasons = h.reasons
    .map(
      (r) => `<li>${r.points > 0 ? `+${r.points.toFixed(1)}` : '—'} ${escapeHtml(r.rule)}: ${escapeHtml(r.text)}</li>`,
    )
    .join('');
  const evidence = h.evidence
    .map((e) => {
      const href = e.link ? safeHref(e.link) : undefined;
      return `<li id="ev-${anchor(e.id)}"><code>${escapeHtml(e.id)}</code> ${e.stance === 'refutes' ? '<span class="bad">against</span> ' : ''}${escapeHtml(e.source)}: ${escapeHtml(e.summary)}${href ? ` <a href="${escapeHtml(href)}" rel="noreferrer">open</a>` : ''}${e.traceIds?.[0] ? ` <span class="muted">trace <code>${escapeHtml(e.traceIds[0])}</code></span>` : ''}</li>`;
    })
    .join('');
  return `<li id="h-${anchor(h.id)}"><strong>${escapeHtml(h.service)}</strong> — ${escapeHtml(h.kind.replace(/_/g, ' '))}${h.changeId ? ` · <code>${escapeHtml(h.changeId)}</code>` : ''} · score ${h.score.toFixed(1)}${h.probability !== undefined ? ` · p ${(h.probability * 100).toFixed(0)} %` : ''}<ul>${reasons}</ul><ul>${evidence}</ul></li>`;
}

/** One audit record; only records the chain verified reach the page (loadIncidentFacts). */
function auditRow(r: AuditRecord): string {
  const fields = Object.entries(r.data)
    .filter(([k]) => k !== 'incidentId')
    .map(([k, v]) => `${k}=${show(v)}`)
    .join(' ');
  const details = fields.length > 300 ? `${fields.slice(0, 299)}…` : fields;
  return `<tr id="audit-${r.seq}"><td class="nw">${r.seq}</td><td class="nw">${escapeHtml(r.at.slice(0, 10))}<br>${escapeHtml(r.at.slice(11, 19))}</td><td>${escapeHtml(r.actor)}</td><td class="nw">${escapeHtml(r.action)}<br><span class="muted">${escapeHtml(r.subject)}</span></td><td><code>${escapeHtml(details)}</code></td><td class="nw"><span class="ok" title="hash ${escapeHtml(r.hash)}">✓ ${escapeHtml(r.hash.slice(0, 8))}</span></td></tr>`;
}

function show(v: JsonValue): string {
  if (typeof v === 'string') return v;
  if (
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    typeof (v as { $payload?: unknown }).$payload === 'string'
  )
    return `<payload ${(v as { $payload: string }).$payload.slice(0, 15)}>`;
  return JSON.stringify(v);
}

/** An id as an HTML id/fragment: letters, digits, `-`, `_`, `.`; anything else as `_`. */
function anchor(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, '_');
}
