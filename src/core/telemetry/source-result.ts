import type { ErrorCode } from '../errors/error-codes.ts';

/** A source's answer: data, nothing there, or a typed failure (never a thrown error). */
export type SourceResult<T> =
  | { readonly state: 'ok'; readonly value: T }
  | { readonly state: 'no-data'; readonly detail?: string }
  | { readonly state: 'failed'; readonly code: ErrorCode; readonly detail: string };
