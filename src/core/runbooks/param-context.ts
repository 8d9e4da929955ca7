import type { Alert } from '../model/alert.ts';
import type { Hypothesis } from '../model/hypothesis.ts';

/** What parameters may be taken from (`from:`): the alert and the hypothesis the runbook was offered for. */
export type ParamContext = {
  readonly alert?: Alert | undefined;
  readonly hypothesis?: Pick<Hypothesis, 'service' | 'kind' | 'changeId'> | undefined;
};
