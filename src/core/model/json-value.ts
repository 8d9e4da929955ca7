/** A value that survives JSON unchanged: what audit data and stored documents are made of. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object (audit `data`, stored reports). */
export type JsonObject = { readonly [key: string]: JsonValue };
