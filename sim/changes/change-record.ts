/** A change event (changes.json) with times as epoch milliseconds until it is written. */
export type ChangeRecord = {
  readonly id: string;
  readonly type: 'deploy' | 'rollback' | 'config' | 'feature_flag' | 'infra' | 'scale';
  readonly service: string;
  readonly startedAt: number;
  readonly finishedAt?: number;
  readonly version?: string;
  readonly previousVersion?: string;
  readonly status?: string;
  readonly author?: string;
  readonly commit?: string;
  readonly url?: string;
  readonly description?: string;
};
