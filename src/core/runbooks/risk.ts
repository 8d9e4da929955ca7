/** How much a step can change: `read` looks, `low` changes something reversible, `high` is hard to undo. */
export type Risk = 'read' | 'low' | 'high';

export const RISKS: readonly Risk[] = ['read', 'low', 'high'];
