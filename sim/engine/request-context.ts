/** Per-request facts that travel with the request through every hop. */
export type RequestContext = {
  readonly userId: string;
  readonly tenant: string;
  readonly clientIp: string;
  readonly userAgent: string;
  /** Hops so far (guards against runaway recursion through queues). */
  readonly depth: number;
};

export type Parent = { readonly traceId: string; readonly spanId: string } | undefined;
