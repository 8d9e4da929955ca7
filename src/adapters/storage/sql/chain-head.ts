/** The audit chain's head row: the last record, and where the next checkpoint is due (null: none yet). */
export type ChainHead = { readonly seq: number; readonly hash: string; readonly checkpointNext: number | null };
