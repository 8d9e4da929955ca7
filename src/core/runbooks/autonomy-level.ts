/**
 * How far a runbook (or one of its steps) may act by itself: `advisory` proposes and explains
 * (nothing can be run from the message), `supervised` runs after people approve (the approval
 * flow), `autonomous` may run without approval, but only when every gate holds (docs/autonomy.md).
 */
export type AutonomyLevel = 'advisory' | 'supervised' | 'autonomous';

/** In order of increasing autonomy. */
export const AUTONOMY_LEVELS: readonly AutonomyLevel[] = ['advisory', 'supervised', 'autonomous'];
