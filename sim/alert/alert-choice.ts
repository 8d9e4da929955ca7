import type { Signal } from './create-signal.ts';

/** The rule that fired: on which service, on which signal, with which parameters and observed value. */
export type AlertChoice = {
  readonly service: string;
  readonly signal: Signal | 'infra' | 'logs';
  readonly threshold: number;
  readonly windowMs: number;
  readonly forMs: number;
  readonly quantile: number;
  readonly firedAt: number;
  /** The signal's value when it fired. */
  readonly value: number;
  /** The rule could not be met by the data and the time was set directly. */
  readonly forced: boolean;
};
