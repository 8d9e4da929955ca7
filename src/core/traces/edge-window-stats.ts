/** Calls from one service to another in one window. */
export type EdgeWindowStats = { calls: number; errors: number; totalMs: number };
