import type { Evidence } from '../model/evidence.ts';
import type { Hypothesis } from '../model/hypothesis.ts';
import type { Narrative } from '../model/narrative.ts';
import { durationLines } from './duration-lines.ts';
import { formatDuration } from './format-duration.ts';
import type { IncidentFacts } from './incident-facts.ts';
import type { IncidentTimeline } from './incident-timeline.ts';
import type { DocBlock, DocSection, DocText, PostmortemDoc } from './postmortem-doc.ts';
import { rootCause } from './root-cause.ts';

/** A first ranking within this long after the first alert counts as "went well". */
const QUICK_HYPOTHESIS_MS = 5 * 60_000;

export type PostmortemOptions = {
  /** The service level objective (e.g. 0.999) over `sloWindowDays`: the impact is put against its error budget. */
  readonly sloTarget?: number | undefined;
  readonly sloWindowDays?: number | undefined;
  /** A grounded LLM narrative (sentences citing evidence ids); shown in its own section, never replacing facts. */
  readonly narrative?: Narrative | undefined;
  /** How to link to an audit record or a piece of evidence (the incident page's anchors); plain text without. */
  readonly link?: { readonly audit: (seq: number) => string; readonly evidence: (id: string) => string };
};

/**
 * The postmortem draft, deterministic (a function of the stored facts): summary, impact, root cause
 * (the confirmed or leading hypothesis, its evidence and the runner-up it beat), timeline, what was
 * done, what went well or badly (derived), follow-ups as a checklist, and — only when given — the
 * grounded narrative, labelled as the model's.
 */
export function buildPostmortem(facts: IncidentFacts, t: IncidentTimeline, o: PostmortemOptions = {}): PostmortemDoc {
  const { incident, triage } = facts;
  const report = triage?.report;
  const cause = rootCause(facts);
  const iso = (ms: number | undefined) => (ms === undefined ? '—' : `${new Date(ms).toISOString().slice(0, 19)}Z`);
  const auditRef = (seq: number): DocText => (o.link ? { text: `#${seq}`, href: o.link.audit(seq) } : `#${seq}`);
  const evRef = (id: string): DocText => (o.link ? { text: id, href: o.link.evidence(id) } : id);
  const hName = (h: Hypothesis) => `${h.service} (${h.kind.replace(/_/g, ' ')}${h.changeId ? `, ${h.changeId}` : ''})`;

  const sections: DocSection[] = [];
  const summary: DocText[] = [
    `${incident.title}${incident.service ? ` on ${incident.service}` : ''}: ${incident.status === 'resolved' ? `resolved ${formatDuration(t.durations.resolveMs)} after the first alert was received` : 'still open'}.`,
  ];
  if (cause)
    summary.push(
      ` Root cause: ${hName(cause.hypothesis)} — ${cause.basis}${report ? `; triage confidence ${report.confidence}` : ''}.`,
    );
  else summary.push(' No root cause was ranked.');
  sections.push({
    id: 'summary',
    title: 'Summary',
    blocks: [{ kind: 'p', text: summary }, ...(report ? [{ kind: 'p' as const, text: [report.summary] }] : [])],
  });

  const fingerprints = new Set(facts.alerts.map((a) => a.fingerprint));
  const alertServices = [...new Set(facts.alerts.map((a) => a.alert.service).filter((s): s is string => !!s))];
  const suspects = [...new Set((report?.hypotheses ?? []).slice(0, 3).map((h) => h.service))];
  const impactMs = t.durations.resolveMs;
  const impact: [string, string][] = [
    ['first alert fired', iso(t.marks.firstAlert)],
    ['first alert received', iso(t.marks.received)],
    ['onset (triage estimate)', iso(t.marks.onset)],
    ['resolved', incident.status === 'resolved' ? iso(t.marks.resolved) : 'not yet'],
    ['duration', impactMs === undefined ? 'ongoing' : formatDuration(impactMs)],
    ['alerts', `${fingerprints.size} distinct, ${facts.alerts.length} notifications`],
    ['services alerting', alertServices.join(', ') || '—'],
    ['services implicated', suspects.join(', ') || '—'],
  ];
  if (o.sloTarget !== undefined && impactMs !== undefined) {
    const days = o.sloWindowDays ?? 30;
    const budgetMs = (1 - o.sloTarget) * days * 86_400_000;
    impact.push([
      'error budget',
      `${formatDuration(impactMs)} of ${formatDuration(budgetMs)} (${((100 * impactMs) / budgetMs).toFixed(1)} % of a ${days}-day budget at ${(o.sloTarget * 100).toFixed(3).replace(/\.?0+$/, '')} %, counting the whole incident as downtime)`,
    ]);
  }
  sections.push({ id: 'impact', title: 'Impact', blocks: [{ kind: 'pairs', pairs: impact }] });

  const rc: DocBlock[] = [];
  if (cause) {
    const h = cause.hypothesis;
    rc.push({
      kind: 'p',
      text: [
        `${hName(h)}, score ${h.score.toFixed(1)}${h.probability !== undefined ? `, probability ${(h.probability * 100).toFixed(0)} %` : ''} — ${cause.basis}${cause.wasTop ? '' : ' (it was not the leading hypothesis)'}.`,
      ],
    });
    const ev = h.evidence.filter((e) => e.stance === 'supports');
    if (ev.length > 0) rc.push({ kind: 'list', items: ev.map((e) => evidenceItem(e, evRef)) });
    const against = h.evidence.filter((e) => e.stance === 'refutes');
    if (against.length > 0)
      rc.push(
        { kind: 'p', text: ['Against it:'] },
        { kind: 'list', items: against.map((e) => evidenceItem(e, evRef)) },
      );
    if (cause.runnerUp) {
      const r = cause.runnerUp;
      rc.push({
        kind: 'p',
        text: [
          `Runner-up: ${hName(r)}, score ${r.score.toFixed(1)}${r.evidence[0] ? ` — ${r.evidence[0].summary}` : ''}.`,
        ],
      });
    }
  } else
    rc.push({
      kind: 'p',
      text: ['The triage ranked no hypothesis: no service showed an anomaly against its baseline.'],
    });
  sections.push({ id: 'root-cause', title: 'Root cause', blocks: rc });

  sections.push({
    id: 'timeline',
    title: 'Timeline',
    blocks: [
      { kind: 'pairs', pairs: durationLines(t.durations) },
      {
        kind: 'table',
        head: ['time (UTC)', 'what', 'record'],
        rows: t.entries.map((e) => [
          [new Date(e.at).toISOString().slice(11, 19)],
          [e.text],
          [
            ...(e.ref.audit !== undefined ? [auditRef(e.ref.audit)] : []),
            ...(e.ref.audit !== undefined && e.ref.evidence ? [' '] : []),
            ...(e.ref.evidence ? [evRef(e.ref.evidence)] : []),
          ],
        ]),
      },
    ],
  });

  const runs = facts.runs;
  sections.push({
    id: 'actions',
    title: 'What was done',
    blocks:
      runs.length === 0
        ? [{ kind: 'p', text: ['No runbook was run through Causeway.'] }]
        : [
            {
              kind: 'list',
              items: runs.map((r) => [
                `${r.runbook} (run ${r.id}, proposed by ${r.proposedBy}): ${r.status}; steps: ${r.steps.map((s) => `${s.index + 1}. ${s.name} ${s.status}${s.exitCode !== undefined ? ` (exit ${s.exitCode})` : ''}`).join('; ')}`,
              ]),
            },
          ],
  });

  const well: string[] = [];
  const badly: string[] = [];
  const fh = t.durations.firstHypothesisMs;
  if (fh !== undefined)
    (fh <= QUICK_HYPOTHESIS_MS ? well : badly).push(
      `First hypothesis ${formatDuration(fh)} after the first alert was received.`,
    );
  else badly.push('No hypothesis was ranked.');
  if (cause && cause.basis !== 'leading hypothesis (unconfirmed)')
    (cause.wasTop ? well : badly).push(
      cause.wasTop ? 'The leading hypothesis was the root cause.' : 'The root cause was not the leading hypothesis.',
    );
  const count = (action: string) => facts.audit.filter((r) => r.action === action).length;
  const refused = count('approval.refused') + count('approval.denied') + count('step.refused');
  if (refused > 0) badly.push(`${refused} approval${refused === 1 ? ' was' : 's were'} refused, denied or not given.`);
  const expired = count('approval.expired');
  if (expired > 0) badly.push(`${expired} approval request${expired === 1 ? '' : 's'} expired.`);
  const verifications = t.entries.filter((e) => e.kind === 'verification' && !/ started by /.test(e.text));
  const failedChecks = verifications.filter((e) => !/ succeeded/.test(e.text));
  if (failedChecks.length > 0)
    badly.push(`${failedChecks.length} verification${failedChecks.length === 1 ? '' : 's'} failed.`);
  else if (verifications.length > 0)
    well.push(`${verifications.length} verification${verifications.length === 1 ? '' : 's'} passed.`);
  const failedSources = report ? Object.entries(report.sources).filter(([, s]) => s?.state === 'failed') : [];
  for (const [name, s] of failedSources)
    badly.push(`The ${name} source failed during the triage (${s?.state === 'failed' ? s.code : ''}).`);
  const mitigated = runs.some((r) => r.status === 'succeeded');
  if (mitigated)
    well.push(`Mitigated by a runbook ${formatDuration(t.durations.mitigateMs)} after the first alert was received.`);
  if (!facts.chain.intact) badly.push(`The audit chain is broken: ${facts.chain.problem}.`);
  sections.push({
    id: 'went',
    title: 'What went well, what went badly',
    blocks: [
      { kind: 'p', text: ['Went well:'] },
      { kind: 'list', items: (well.length ? well : ['—']).map((x) => [x]) },
      { kind: 'p', text: ['Went badly:'] },
      { kind: 'list', items: (badly.length ? badly : ['—']).map((x) => [x]) },
    ],
  });

  const todo: string[] = [];
  if (!cause || cause.basis === 'leading hypothesis (unconfirmed)')
    todo.push('Confirm or correct the root cause (👍/👎 on the incident message).');
  if (cause?.hypothesis.changeId)
    todo.push(
      `Find why change ${cause.hypothesis.changeId} was not caught before ${cause.hypothesis.service} (tests, canary).`,
    );
  if (cause && !runs.some((r) => r.status === 'succeeded'))
    todo.push(
      `Write or adjust a runbook for ${cause.hypothesis.kind.replace(/_/g, ' ')} on ${cause.hypothesis.service}.`,
    );
  if (t.durations.detectMs !== undefined && t.durations.detectMs > QUICK_HYPOTHESIS_MS)
    todo.push(`Alert sooner: detection took ${formatDuration(t.durations.detectMs)} after the onset.`);
  for (const [name] of failedSources) todo.push(`Fix the ${name} source so the next triage can read it.`);
  if (failedChecks.length > 0) todo.push('Review the failed verification steps and what they check.');
  if (refused + expired > 0) todo.push('Review the approvers and the approval expiry of the runbooks used.');
  todo.push('Review this draft with the people involved and complete the impact on users.');
  sections.push({ id: 'follow-ups', title: 'Follow-ups', blocks: [{ kind: 'checklist', items: todo }] });

  if (o.narrative && o.narrative.sentences.length > 0)
    sections.push({
      id: 'narrative',
      title: 'Narrative (written by the model, grounded in the cited evidence)',
      blocks: [
        {
          kind: 'list',
          items: o.narrative.sentences.map((s) => [
            `${s.text} `,
            ...s.evidenceIds.flatMap((id, i) => [i === 0 ? '[' : ', ', evRef(id)]),
            ...(s.evidenceIds.length ? [']'] : []),
          ]),
        },
      ],
    });

  return {
    title: `Postmortem draft: ${incident.title}`,
    subtitle: `incident ${incident.id} · ${incident.service ?? 'service unknown'} · opened ${iso(incident.openedAt)} · ${facts.chain.intact ? `audit chain intact (${facts.audit.length} records of this incident)` : `audit chain BROKEN after #${facts.chain.verifiedThrough}`}`,
    sections,
  };
}

function evidenceItem(e: Evidence, ref: (id: string) => DocText): DocText[] {
  return [`${e.source}: ${e.summary} (`, ref(e.id), ')'];
}
