import type { ErrorCode } from './error-codes.ts';

/** An expected failure as a value: a code from the registry and a one-line message for a person. */
export type CausewayError = { readonly code: ErrorCode; readonly message: string };
