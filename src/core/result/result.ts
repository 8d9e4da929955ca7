/** An expected outcome as a value: callers branch on `ok` instead of catching. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };
