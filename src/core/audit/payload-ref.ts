/**
 * A large string moved out of a record: `{"$payload": "sha256:<hex>", "bytes": n}`. The content
 * is stored once in the payload table under that hash (or not at all when `stored` is false,
 * i.e. `audit.storeFullText: false`); the record's own hash covers the reference.
 */
export type PayloadRef = { readonly $payload: string; readonly bytes: number; readonly stored?: false };
