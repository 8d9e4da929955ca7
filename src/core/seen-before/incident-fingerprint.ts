/**
 * What a resolved incident is remembered by: weighted features, each a `family:value` string
 * (`root:checkout/deploy`, `svc:checkout`, `tpl:checkout:Internal Server Error: <*>`,
 * `err:TimeoutError`, `edge:cart->checkout`, `change:deploy`, `alert:HighErrorRate` …).
 */
export type IncidentFingerprint = { readonly features: readonly (readonly [string, number])[] };
