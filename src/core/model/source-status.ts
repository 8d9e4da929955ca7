/** Whether a source delivered: `ok`, `no-data` (nothing there, not an error), or `failed` with why. */
export type SourceStatus =
  | { readonly state: 'ok'; readonly detail?: string }
  | { readonly state: 'no-data'; readonly detail?: string }
  | { readonly state: 'failed'; readonly code: string; readonly detail: string };
