import type { ChangeType } from './change-type.ts';

/** A deploy, config change or other change, in the shape of the incident bundle spec (times as epoch ms). */
export type ChangeEvent = {
  readonly id: string;
  readonly type: ChangeType;
  readonly service: string;
  readonly startedAt: number;
  readonly finishedAt: number | undefined;
  readonly environment: string | undefined;
  readonly version: string | undefined;
  readonly previousVersion: string | undefined;
  readonly status: string | undefined;
  readonly author: string | undefined;
  readonly commit: string | undefined;
  readonly url: string | undefined;
  readonly description: string | undefined;
};
