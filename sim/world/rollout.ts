/** A rolling update (new version, or a restart for a config change) of one service. */
export type Rollout = {
  readonly service: string;
  readonly at: number;
  readonly durationMs: number;
  readonly version: string;
  /** Only this many new pods (a canary), old pods stay. */
  readonly canary?: number;
};

/** A process kill (OOM) of one pod: the container restarts after `downMs`. */
export type Crash = {
  readonly service: string;
  readonly pod: string;
  readonly at: number;
  readonly downMs: number;
};
