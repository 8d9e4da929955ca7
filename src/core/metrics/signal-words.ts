import type { MetricSignal } from './classify-metric.ts';

/** How evidence names what a series measures. */
export const SIGNAL_WORDS: Readonly<Record<MetricSignal, string>> = {
  errors: 'errors',
  availability: 'availability',
  latency: 'latency',
  cpu: 'CPU',
  restarts: 'restarts',
  memory: 'memory',
  saturation: 'saturation',
  'caller-latency': 'latency of its calls',
  load: 'load',
  other: 'a metric',
};
