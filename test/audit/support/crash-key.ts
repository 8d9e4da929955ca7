/** The checkpoint key of the crash test's worker and checker. */
export const CRASH_KEY = 'crash-test-checkpoint-key-0123456789abc';
