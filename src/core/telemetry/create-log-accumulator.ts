import { createTemplateMiner, type MinerOptions, type TemplateMiner } from '../logs/create-template-miner.ts';
import type { LogLevel } from '../model/log-level.ts';
import type { LogRecord } from '../model/log-record.ts';
import type { TimeWindow } from '../model/time-window.ts';
import { addMark, type ErrorMarks, markText, serviceMark, spanMark } from '../traces/error-marks.ts';
import { inferLogLevel } from './infer-log-level.ts';
import type { LogPatternStats } from './log-pattern-stats.ts';

const RANK: Readonly<Record<LogLevel, number>> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, fatal: 5 };

export type LogSeries = { logs: number[]; errorLogs: number[] };

export type LogWindowCounts = {
  logs: number;
  errorLogs: number;
  warnLogs: number;
  attributedErrorLogs: number;
  propagatedErrorLogs: number;
};

export type LogWindowed = {
  readonly services: ReadonlyMap<string, { baseline: LogWindowCounts; incident: LogWindowCounts }>;
  readonly patterns: readonly LogPatternStats[];
};

export type LogAccumulator = {
  add(log: LogRecord): void;
  readonly lineCount: number;
  /** Counts per bucket of the accumulator's own grid (its `range.from` and `bucketMs`). */
  series(): Map<string, LogSeries>;
  /** Error logs that carry a trace id, as marks for spans that have no status. */
  errorMarks(): ErrorMarks;
  windowed(
    baseline: TimeWindow,
    incident: TimeWindow,
    origins: ReadonlyMap<string, ReadonlyMap<string, number>>,
  ): LogWindowed;
};

type TemplateState = {
  readonly id: number;
  readonly buckets: Map<number, number>;
  level: number;
  example: string;
  exampleTraceId: string | undefined;
  errorType: string | undefined;
};

type ServiceState = {
  readonly miner: TemplateMiner;
  readonly logs: number[];
  readonly errorLogs: number[];
  readonly warnLogs: number[];
  readonly templates: Map<number, TemplateState>;
  readonly errorRefs: { b: number; traceId: string }[];
};

/**
 * Streams log records in [range.from, range.to) into per-service bucket counts and per-service
 * log templates (never keeping the lines themselves), so a bundle of any size fits in memory.
 */
export function createLogAccumulator(
  range: TimeWindow,
  bucketMs: number,
  options: { miner?: Partial<MinerOptions>; maxErrorRefsPerService?: number } = {},
): LogAccumulator {
  const buckets = Math.max(1, Math.ceil((range.to - range.from) / bucketMs));
  const maxRefs = options.maxErrorRefsPerService ?? 50_000;
  const services = new Map<string, ServiceState>();
  const marks = new Map<string, string>();
  let lineCount = 0;

  const state = (svc: string): ServiceState => {
    let s = services.get(svc);
    if (!s) {
      const z = () => new Array<number>(buckets).fill(0);
      s = {
        miner: createTemplateMiner(options.miner),
        logs: z(),
        errorLogs: z(),
        warnLogs: z(),
        templates: new Map(),
        errorRefs: [],
      };
      services.set(svc, s);
    }
    return s;
  };

  return {
    add(log) {
      if (log.ts < range.from || log.ts >= range.to) return;
      lineCount++;
      const b = Math.floor((log.ts - range.from) / bucketMs);
      const s = state(log.service);
      const level = log.level ?? inferLogLevel(log.message);
      const rank = RANK[level];
      (s.logs[b] as number)++;
      if (rank >= RANK.error) {
        (s.errorLogs[b] as number)++;
        if (log.traceId) {
          const key = log.spanId ? spanMark(log.traceId, log.spanId) : serviceMark(log.traceId, log.service);
          addMark(marks, key, markText(log.message, log.errorType));
          if (s.errorRefs.length < maxRefs) s.errorRefs.push({ b, traceId: log.traceId });
        }
      } else if (rank === RANK.warn) (s.warnLogs[b] as number)++;
      const match = s.miner.add(log.message);
      let t = s.templates.get(match.id);
      if (!t) {
        t = {
          id: match.id,
          buckets: new Map(),
          level: rank,
          example: log.message,
          exampleTraceId: undefined,
          errorType: undefined,
        };
        s.templates.set(match.id, t);
      }
      t.buckets.set(b, (t.buckets.get(b) ?? 0) + 1);
      if (rank > t.level) t.level = rank;
      t.example = log.message;
      if (log.traceId) t.exampleTraceId = log.traceId;
      if (log.errorType) t.errorType = log.errorType;
    },
    get lineCount() {
      return lineCount;
    },
    series() {
      const out = new Map<string, LogSeries>();
      for (const [svc, s] of services) out.set(svc, { logs: s.logs, errorLogs: s.errorLogs });
      return out;
    },
    errorMarks() {
      return marks;
    },
    windowed(baseline, incident, origins) {
      const toIdx = (w: TimeWindow) => ({
        lo: Math.max(0, Math.ceil((w.from - range.from) / bucketMs)),
        hi: Math.min(buckets, Math.ceil((w.to - range.from) / bucketMs)),
      });
      const bi = toIdx(baseline);
      const ii = toIdx(incident);
      const sum = (arr: readonly number[], w: { lo: number; hi: number }) => {
        let t = 0;
        for (let i = w.lo; i < w.hi; i++) t += arr[i] as number;
        return t;
      };
      const inW = (b: number, w: { lo: number; hi: number }) => b >= w.lo && b < w.hi;
      const outServices = new Map<string, { baseline: LogWindowCounts; incident: LogWindowCounts }>();
      const patterns: LogPatternStats[] = [];
      for (const svc of [...services.keys()].sort()) {
        const s = services.get(svc) as ServiceState;
        const counts = (w: { lo: number; hi: number }): LogWindowCounts => {
          let attributed = 0;
          let propagated = 0;
          for (const r of s.errorRefs) {
            if (!inW(r.b, w)) continue;
            const o = origins.get(r.traceId);
            if (!o) continue;
            attributed++;
            if ((o.get(svc) ?? 0) < 0.5) propagated++;
          }
          return {
            logs: sum(s.logs, w),
            errorLogs: sum(s.errorLogs, w),
            warnLogs: sum(s.warnLogs, w),
            attributedErrorLogs: attributed,
            propagatedErrorLogs: propagated,
          };
        };
        outServices.set(svc, { baseline: counts(bi), incident: counts(ii) });
        for (const t of [...s.templates.values()].sort((a, c) => a.id - c.id)) {
          let nb = 0;
          let ni = 0;
          for (const [b, c] of t.buckets) {
            if (inW(b, bi)) nb += c;
            else if (inW(b, ii)) ni += c;
          }
          if (nb === 0 && ni === 0) continue;
          patterns.push({
            service: svc,
            templateId: t.id,
            template: s.miner.get(t.id)?.template ?? t.example,
            level: levelOf(t.level),
            baseline: nb,
            incident: ni,
            example: t.example,
            exampleTraceId: t.exampleTraceId,
            errorType: t.errorType,
          });
        }
      }
      return { services: outServices, patterns };
    },
  };
}

function levelOf(rank: number): LogLevel {
  return (Object.keys(RANK) as LogLevel[]).find((k) => RANK[k] === rank) ?? 'info';
}
