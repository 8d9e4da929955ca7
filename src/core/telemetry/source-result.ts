import type { ErrorCode } from '../errors/error-codes.ts';

/** A source's answer: data, nothing there, or a typed failure (never a thrown error). */
export type SourceResult<T> =
  | {
      readonly state: 'ok';
      readonly value: T /** What was left out (a budget cut), said with the data. */;
      readonly detail?: string;
    }
  | { readonly state: 'no-data'; readonly detail?: string }
  | { readonly state: 'failed'; readonly code: ErrorCode; readonly detail: string };
