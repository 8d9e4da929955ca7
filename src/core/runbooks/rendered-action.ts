import type { JsonObject } from '../model/json-value.ts';

/** Exactly what a step will do (hashed and approved), and how to show it to a person. */
export type RenderedAction = { readonly action: JsonObject; readonly display: readonly string[] };
