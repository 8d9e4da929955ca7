/** A problem with one field of one input record; the reader adds the file and line. */
export type FieldError = { readonly field: string; readonly message: string };
