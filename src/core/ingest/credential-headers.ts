/**
 * Where a webhook source's credential travels, so that its presence and form can be checked on the
 * headers alone, before a byte of the body is read: a bearer token in `authorization`, or a hex
 * HMAC-SHA256 signature in `header` (each comma-separated candidate starting with `prefix`), with
 * the signed Unix timestamp in `timestampHeader` when the source signs one.
 */
export type CredentialHeaders =
  | { readonly kind: 'bearer'; readonly header: string }
  | {
      readonly kind: 'hmac';
      readonly header: string;
      readonly prefix: string;
      readonly timestampHeader?: string | undefined;
    };
