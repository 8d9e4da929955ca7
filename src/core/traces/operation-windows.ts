import type { Distribution } from '../stats/distribution.ts';

/** Self time of one operation a service is entered by (its entry span's name), in both windows. */
export type OperationWindows = {
  readonly service: string;
  readonly operation: string;
  readonly baseline: Distribution;
  readonly incident: Distribution;
};
