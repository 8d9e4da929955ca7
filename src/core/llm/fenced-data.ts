declare const fenced: unique symbol;

/**
 * Untrusted data made safe to place in a prompt: JSON-encoded, wrapped in a labelled
 * `<data …>` block whose boundary the data cannot contain. Only `fenceData` makes one, and prompt
 * slots accept nothing else, so no caller can concatenate raw telemetry or chat text into a prompt.
 */
export type FencedData = { readonly text: string; readonly label: string; readonly [fenced]: true };
