import { FOLLOW_UP_TOOLS } from '../../core/llm/follow-up-tool-specs.ts';
import { toolWindows } from '../../core/llm/tool-windows.ts';
import type { JsonValue } from '../../core/model/json-value.ts';
import type { TimeWindow } from '../../core/model/time-window.ts';
import type { SourceResult } from '../../core/telemetry/source-result.ts';
import { withTimeout } from '../with-timeout.ts';
import type { FollowUpSources } from './follow-up-sources.ts';
import type { PreparedSources } from './prepare-sources.ts';
import type { ToolRun } from './tool-run.ts';

export type ToolContext = {
  readonly sources: FollowUpSources;
  readonly prepared: () => Promise<PreparedSources>;
  /** The end of the windows the tools look at (epoch ms). */
  readonly anchor: number;
  /** The default window length (the triage's incident window). */
  readonly defaultMs: number;
  /** The allowlist of optional fields (`llm.send.fields`). */
  readonly allow: ReadonlySet<string>;
  /** Milliseconds left for this question. */
  readonly remainingMs: () => number;
};

const iso = (ms: number) => new Date(ms).toISOString();
const perMin = (n: number, w: TimeWindow) => Math.round((n / Math.max(1, (w.to - w.from) / 60_000)) * 100) / 100;
const win = (w: TimeWindow) => ({ from: iso(w.from), to: iso(w.to) });
const hhmm = (w: TimeWindow) => `${iso(w.from).slice(11, 16)}–${iso(w.to).slice(11, 16)} UTC`;

/**
 * Runs one read-only tool over the incident's sources: arguments are checked against the tool's
 * schema (a bad call is answered, not thrown), windows are clamped to the incident's range, and
 * a service name only filters results already read — it never reaches a query.
 */
export async function runFollowUpTool(ctx: ToolContext, name: string, rawArgs: unknown): Promise<ToolRun> {
  const spec = FOLLOW_UP_TOOLS.find((t) => t.name === name);
  if (!spec) throw new Error(`not a follow-up tool: ${name}`);
  const parsed = spec.parameters.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`);
    return { status: 'invalid', args: {}, summary: `${name}: invalid arguments`, value: { error: issues.join('; ') } };
  }
  const a = parsed.data as {
    service?: string | null;
    minutes?: number | null;
    level?: 'error' | 'warn' | 'any' | null;
  };
  const args = {
    service: a.service ?? null,
    minutes: a.minutes ?? null,
    ...(name === 'log_patterns' ? { level: a.level ?? 'error' } : {}),
  };
  const ms = () => Math.max(1, Math.min(ctx.sources.sourceTimeoutMs, ctx.remainingMs()));
  if (name === 'recent_changes') return recentChanges(ctx, args, ms());
  const w = toolWindows(ctx.sources.query.range, ctx.anchor, a.minutes, ctx.defaultMs);
  const prep = await ctx.prepared();
  if (name === 'log_patterns') return logPatterns(ctx, args, w, prep, ms());
  return serviceOverview(ctx, args, w, prep, ms());
}

async function serviceOverview(
  ctx: ToolContext,
  args: ToolRun['args'],
  w: { incident: TimeWindow; baseline: TimeWindow },
  prep: PreparedSources,
  ms: number,
): Promise<ToolRun> {
  const { logs, traces } = ctx.sources;
  const tw =
    traces && prep.traces.state === 'ok'
      ? await withTimeout('traces', ms, (s) => traces.windowed(w.baseline, w.incident, s))
      : prep.traces;
  const origins = tw.state === 'ok' && typeof tw.value === 'object' ? tw.value.origins : new Map();
  const lw =
    logs && prep.logs.state === 'ok'
      ? await withTimeout('logs', ms, (s) => logs.windowed(w.baseline, w.incident, origins, s))
      : prep.logs;
  const rows = new Map<string, Record<string, JsonValue> & { score: number }>();
  const row = (svc: string) => {
    let r = rows.get(svc);
    if (!r) {
      r = { service: svc, score: 0 };
      rows.set(svc, r);
    }
    return r;
  };
  if (tw.state === 'ok' && typeof tw.value === 'object') {
    for (const [svc, t] of tw.value.services) {
      const r = row(svc);
      r.role = t.role;
      r.requestsPerMin = [perMin(t.baseline.requests, w.baseline), perMin(t.incident.requests, w.incident)];
      const rate = (e: number, n: number) => (n ? Math.round((e / n) * 1000) / 10 : 0);
      r.errorPercent = [
        rate(t.baseline.requestErrors, t.baseline.requests),
        rate(t.incident.requestErrors, t.incident.requests),
      ];
      r.latencyP90Ms = [Math.round(t.baseline.latency.p90), Math.round(t.incident.latency.p90)];
      r.failingTracesStartingHere = Math.round(t.incident.originErrors * 10) / 10;
      if (ctx.allow.has('evidence.examples') && t.errorTexts.length)
        r.errorTexts = t.errorTexts.slice(0, 3).map((x) => x.slice(0, 300));
      r.score += perMin(t.incident.requestErrors, w.incident) - perMin(t.baseline.requestErrors, w.baseline);
    }
  }
  if (lw.state === 'ok' && typeof lw.value === 'object') {
    for (const [svc, l] of lw.value.services) {
      const r = row(svc);
      r.errorLogsPerMin = [perMin(l.baseline.errorLogs, w.baseline), perMin(l.incident.errorLogs, w.incident)];
      r.logsPerMin = [perMin(l.baseline.logs, w.baseline), perMin(l.incident.logs, w.incident)];
      r.score += perMin(l.incident.errorLogs, w.incident) - perMin(l.baseline.errorLogs, w.baseline);
    }
  }
  let list = [...rows.values()].sort((x, y) => y.score - x.score || String(x.service).localeCompare(String(y.service)));
  const known = list.map((r) => String(r.service));
  if (args.service) list = list.filter((r) => r.service === args.service);
  const services = list.slice(0, 15).map(({ score: _score, ...r }) => r);
  const status = tw.state === 'ok' || lw.state === 'ok' ? (services.length ? 'ok' : 'no-data') : worst(tw, lw);
  const value: Record<string, JsonValue> = {
    window: win(w.incident),
    comparedWith: win(w.baseline),
    pairs: '[before, during]',
    sources: { traces: describe(tw), logs: describe(lw) },
    services,
  };
  if (args.service && !services.length)
    value.note = `no data for that service; services seen: ${known.slice(0, 30).join(', ')}`;
  return {
    status,
    args,
    summary: `service overview${args.service ? ` of ${args.service}` : ''}, ${hhmm(w.incident)} vs before`,
    value,
  };
}

async function logPatterns(
  ctx: ToolContext,
  args: ToolRun['args'],
  w: { incident: TimeWindow; baseline: TimeWindow },
  prep: PreparedSources,
  ms: number,
): Promise<ToolRun> {
  const { logs } = ctx.sources;
  const lw =
    logs && prep.logs.state === 'ok'
      ? await withTimeout('logs', ms, (s) => logs.windowed(w.baseline, w.incident, new Map(), s))
      : prep.logs;
  const summary = `log patterns of ${args.service}, ${hhmm(w.incident)} vs before`;
  if (lw.state !== 'ok' || typeof lw.value !== 'object')
    return { status: lw.state === 'failed' ? 'failed' : 'no-data', args, summary, value: { logs: describe(lw) } };
  const min = args.level === 'any' ? 0 : args.level === 'warn' ? 3 : 4;
  const rank = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, fatal: 5 } as const;
  const patterns = lw.value.patterns
    .filter((p) => p.service === args.service && (p.level === undefined ? min === 0 : rank[p.level] >= min))
    .map((p) => ({ p, d: perMin(p.incident, w.incident) - perMin(p.baseline, w.baseline) }))
    .sort((x, y) => y.d - x.d || y.p.incident - x.p.incident)
    .slice(0, 12)
    .map(({ p }) => {
      const out: Record<string, JsonValue> = {
        template: p.template.slice(0, 300),
        level: p.level ?? null,
        linesBefore: p.baseline,
        linesDuring: p.incident,
        perMin: [perMin(p.baseline, w.baseline), perMin(p.incident, w.incident)],
      };
      if (p.errorType) out.errorType = p.errorType;
      if (ctx.allow.has('evidence.examples')) out.example = p.example.slice(0, 300);
      return out;
    });
  const services = [...new Set(lw.value.patterns.map((p) => p.service))];
  const value: Record<string, JsonValue> = {
    service: args.service ?? null,
    window: win(w.incident),
    comparedWith: win(w.baseline),
    patterns,
  };
  if (!patterns.length)
    value.note = services.includes(String(args.service))
      ? `no ${args.level === 'any' ? '' : `${args.level}-level `}patterns for this service in these windows`
      : `no logs for that service; services seen: ${services.slice(0, 30).join(', ')}`;
  return { status: patterns.length ? 'ok' : 'no-data', args, summary, value };
}

async function recentChanges(ctx: ToolContext, args: ToolRun['args'], ms: number): Promise<ToolRun> {
  const { changes } = ctx.sources;
  const minutes = typeof args.minutes === 'number' ? args.minutes : 120;
  const range = ctx.sources.query.range;
  const to = Math.min(Math.max(ctx.anchor, range.from), range.to);
  const w = { from: to - minutes * 60_000, to };
  const summary = `changes${args.service ? ` to ${args.service}` : ''}, ${hhmm(w)}`;
  const r = changes ? await withTimeout('changes', ms, (s) => changes.list(w, s)) : undefined;
  if (r?.state !== 'ok')
    return {
      status: r?.state === 'failed' ? 'failed' : 'no-data',
      args,
      summary,
      value: { changes: r ? describe(r) : 'no changes source configured' },
    };
  const list = r.value
    .filter((c) => !args.service || c.service === args.service)
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, 20)
    .map((c) => {
      const out: Record<string, JsonValue> = {
        id: c.id,
        type: c.type,
        service: c.service,
        startedAt: iso(c.startedAt),
        finishedAt: c.finishedAt === undefined ? null : iso(c.finishedAt),
        version: c.version ?? null,
        previousVersion: c.previousVersion ?? null,
        status: c.status ?? null,
      };
      if (ctx.allow.has('change.author') && c.author) out.author = c.author;
      if (ctx.allow.has('change.description') && c.description) out.description = c.description.slice(0, 300);
      if (ctx.allow.has('change.url') && c.url) out.url = c.url;
      return out;
    });
  return { status: list.length ? 'ok' : 'no-data', args, summary, value: { window: win(w), changes: list } };
}

function describe(r: SourceResult<unknown>): string {
  if (r.state === 'ok') return 'ok';
  if (r.state === 'no-data') return `no data${r.detail ? ` (${r.detail})` : ''}`;
  return `failed: ${r.code}`;
}

function worst(...rs: SourceResult<unknown>[]): ToolRun['status'] {
  return rs.some((r) => r.state === 'failed') ? 'failed' : 'no-data';
}
