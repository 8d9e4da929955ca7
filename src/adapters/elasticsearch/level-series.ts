/** Per-bucket log counts of one service, with warnings (the triage grid). */
export type LevelSeries = { logs: number[]; errorLogs: number[]; warnLogs: number[] };
