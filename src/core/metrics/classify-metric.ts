/** What a series measures, read from its name (names are hints, never requirements). */
export type MetricSignal =
  | 'errors'
  | 'availability'
  | 'latency'
  | 'caller-latency'
  | 'cpu'
  | 'memory'
  | 'restarts'
  | 'saturation'
  | 'load'
  | 'other';

export type MetricClass = {
  readonly signal: MetricSignal;
  /** Which way is trouble: up, down, or either. */
  readonly bad: 'up' | 'down' | 'both';
  /** A counter (`_total`, `_count`, `_sum` of a summary): read as a rate. */
  readonly counter: boolean;
};

const RULES: readonly [RegExp, MetricSignal, MetricClass['bad']][] = [
  [/restart|oom_?kill|evict/, 'restarts', 'up'],
  [/availab|success|_up$|^up$|ready|healthy/, 'availability', 'down'],
  [/error|fail|5xx|exception|reject|timeout|refused|dropped/, 'errors', 'up'],
  [/client.*(latency|duration|time)|(latency|duration).*client|outbound.*(latency|duration)/, 'caller-latency', 'up'],
  [/latency|duration|response_?time|_seconds_(p\d+|quantile)|wait_?time/, 'latency', 'up'],
  [/cpu|throttl/, 'cpu', 'up'],
  [/mem|heap|rss|working_?set|swap/, 'memory', 'up'],
  [
    /queue|pool|saturat|disk|_fs_|filesystem|inode|thread|backlog|pending|connections?_(active|used|open)/,
    'saturation',
    'up',
  ],
  [/request|ops|rps|throughput|calls|_count$|workload|transmit|receive|bytes|reads|writes|packets/, 'load', 'both'],
];

/** Classifies a series by its `__name__`. */
export function classifyMetric(name: string): MetricClass {
  const n = name.toLowerCase();
  const counter = /_total$/.test(n);
  for (const [re, signal, bad] of RULES) if (re.test(n)) return { signal, bad, counter };
  return { signal: 'other', bad: 'both', counter };
}
