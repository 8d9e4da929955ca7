import { Client, Transport } from '@elastic/elasticsearch';

export type EsClientOptions = {
  readonly url: string;
  readonly apiKey?: string | undefined;
  readonly requestTimeoutMs: number;
  /** Let the client emit its own OpenTelemetry spans (off by default: they would trace our triage queries). */
  readonly tracing?: boolean;
};

/**
 * The one place an Elasticsearch client is made (callers pass it into the connectors). No retries:
 * a connector reports a failure within its deadline rather than trying again.
 */
export function createEsClient(o: EsClientOptions): Client {
  const tracing = o.tracing ?? false;
  class QuietTransport extends Transport {
    constructor(opts: ConstructorParameters<typeof Transport>[0]) {
      super({ ...opts, openTelemetry: { enabled: tracing } });
    }
  }
  return new Client({
    node: o.url,
    ...(o.apiKey ? { auth: { apiKey: o.apiKey } } : {}),
    requestTimeout: o.requestTimeoutMs,
    maxRetries: 0,
    compression: false,
    Transport: QuietTransport,
  });
}
