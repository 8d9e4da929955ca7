/** The rate limit's window: at most k autonomous runs per service in the last hour (docs/autonomy.md). */
export const RATE_WINDOW_MS = 3_600_000;
