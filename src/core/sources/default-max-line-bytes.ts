/**
 * The longest line a bundle file may hold (`sources.maxLineBytes`), 8 MiB: an OTLP batch of a
 * few thousand spans fits, and reading stays within a bounded amount of memory per file.
 */
export const DEFAULT_MAX_LINE_BYTES = 8 * 1_048_576;
