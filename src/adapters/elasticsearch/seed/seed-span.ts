import type { SpanKind } from '../../../core/model/span-record.ts';

/** One OTLP span with what both trace schemas need, times as exact nanoseconds. */
export type SeedSpan = {
  readonly seq: number;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly kind: SpanKind;
  readonly startNs: bigint;
  readonly endNs: bigint;
  readonly status: 'unset' | 'ok' | 'error';
  readonly statusMessage: string | undefined;
  /** The first `exception` event's type and message. */
  readonly exception: { readonly type: string | undefined; readonly message: string | undefined } | undefined;
  readonly resource: Readonly<Record<string, unknown>>;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly scope: { readonly name: string | undefined; readonly version: string | undefined };
};
