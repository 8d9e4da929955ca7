/** A half-open time range [from, to) in epoch milliseconds. */
export type TimeWindow = { readonly from: number; readonly to: number };
