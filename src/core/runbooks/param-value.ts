/** A resolved parameter: text (string, enum, and duration as whole seconds such as `300s`) or a whole number (int). */
export type ParamValue = string | number;

/** Resolved parameters by name. */
export type ParamValues = Readonly<Record<string, ParamValue>>;
