import { describe, expect, it } from 'vitest';
import { parseOtlpRequest } from '../../../src/core/formats/parse-otlp-request.ts';

const req = (spans: unknown[], resource: unknown = [{ key: 'service.name', value: { stringValue: 'checkout' } }]) => ({
  resourceSpans: [{ resource: { attributes: resource }, scopeSpans: [{ scope: { name: 's' }, spans }] }],
});
const good = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  parentSpanId: '',
  name: 'GET /cart',
  kind: 3,
  startTimeUnixNano: '1763647200001500000',
  endTimeUnixNano: '1763647200010000000',
  attributes: [
    { key: 'peer.service', value: { stringValue: 'postgres' } },
    { key: 'http.response.status_code', value: { intValue: '503' } },
  ],
  status: { code: 2 },
};

describe('parseOtlpRequest', () => {
  it('reads OTLP/JSON with hex ids, decimal-string nanos, int enums and string intValues', () => {
    const r = parseOtlpRequest(req([good]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toEqual({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      parentSpanId: undefined,
      service: 'checkout',
      name: 'GET /cart',
      kind: 'client',
      start: 1763647200001.5,
      end: 1763647200010,
      status: 'error',
      httpStatus: 503,
      peer: 'postgres',
    });
  });

  it('falls back to server.address for the peer, and accepts numeric intValue', () => {
    const s = {
      ...good,
      attributes: [
        { key: 'server.address', value: { stringValue: 'pg-main.internal' } },
        { key: 'http.response.status_code', value: { intValue: 200 } },
      ],
    };
    const r = parseOtlpRequest(req([s]));
    expect(r.ok && r.value[0]).toMatchObject({ peer: 'pg-main.internal', httpStatus: 200 });
  });

  it('reads a status kept in attributes by spans converted from other tracers, when the span has none', () => {
    const parsed = (kind: number, attributes: unknown[]) => {
      const r = parseOtlpRequest(req([{ ...good, kind, attributes, status: {} }]));
      return r.ok ? { status: r.value[0]?.status, errorText: r.value[0]?.errorText } : undefined;
    };
    const a = (key: string, value: unknown) => ({ key, value });
    expect(
      parsed(3, [
        a('otel.status_code', { stringValue: 'ERROR' }),
        a('otel.status_description', { stringValue: 'connection refused' }),
      ]),
    ).toEqual({ status: 'error', errorText: 'connection refused' });
    expect(parsed(2, [a('otel.status_code', { stringValue: 'OK' })])?.status).toBe('ok');
    // OpenTracing's error tag.
    expect(parsed(2, [a('error', { boolValue: true })])?.status).toBe('error');
    expect(parsed(2, [a('error', { boolValue: false })])?.status).toBe('unset');
    // Zipkin's error tag carries the message.
    expect(parsed(3, [a('error', { stringValue: 'connection refused' })])).toEqual({
      status: 'error',
      errorText: 'connection refused',
    });
    // OpenCensus's status.code attribute: a gRPC canonical code.
    expect(parsed(3, [a('status.code', { intValue: '14' })])?.status).toBe('error');
    // …but not an HTTP status someone put under that generic key.
    expect(parsed(3, [a('status.code', { intValue: '200' })])?.status).toBe('unset');
    // gRPC: any code but OK fails a client; only server-side faults fail a server (NOT_FOUND does not).
    expect(parsed(3, [a('rpc.grpc.status_code', { intValue: '5' })])?.status).toBe('error');
    expect(parsed(2, [a('rpc.grpc.status_code', { intValue: '5' })])?.status).toBe('unset');
    expect(parsed(2, [a('rpc.grpc.status_code', { intValue: '14' })])?.status).toBe('error');
    expect(parsed(3, [a('rpc.grpc.status_code', { intValue: '0' })])?.status).toBe('unset');
    // The span's own status wins.
    const own = parseOtlpRequest(
      req([{ ...good, attributes: [a('otel.status_code', { stringValue: 'ERROR' })], status: { code: 1 } }]),
    );
    expect(own.ok && own.value[0]?.status).toBe('ok');
  });

  it('reads 64-bit ids (left-padded, as W3C trace context pads them) and base64 ids, as other exporters write them', () => {
    const r = parseOtlpRequest(
      req([
        { ...good, traceId: 'A1B2C3D4E5F60718', spanId: 'b7ad6b7169203331', parentSpanId: '' },
        // protobuf's JSON for bytes: base64 of the 16- and 8-byte ids.
        {
          ...good,
          traceId: Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex').toString('base64'),
          spanId: Buffer.from('00f067aa0ba902b7', 'hex').toString('base64'),
          parentSpanId: Buffer.from('b7ad6b7169203331', 'hex').toString('base64'),
        },
      ]),
    );
    expect(r.ok && r.value.map((x) => [x.traceId, x.spanId, x.parentSpanId])).toEqual([
      ['0000000000000000a1b2c3d4e5f60718', 'b7ad6b7169203331', undefined],
      ['0af7651916cd43dd8448eb211c80319c', '00f067aa0ba902b7', 'b7ad6b7169203331'],
    ]);
    // Neither hex nor base64 of an id's size: refused, naming the field.
    expect(parseOtlpRequest(req([{ ...good, spanId: 'b7ad6b71692033' }]))).toMatchObject({
      ok: false,
      error: { field: 'resourceSpans[0].scopeSpans[0].spans[0].spanId' },
    });
  });

  it('names the JSON path of a bad field', () => {
    expect(parseOtlpRequest(req([{ ...good, traceId: 'xyz' }]))).toMatchObject({
      ok: false,
      error: { field: 'resourceSpans[0].scopeSpans[0].spans[0].traceId' },
    });
    expect(parseOtlpRequest(req([{ ...good, startTimeUnixNano: 'soon' }]))).toMatchObject({
      ok: false,
      error: { field: 'resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano' },
    });
    expect(parseOtlpRequest(req([good], []))).toMatchObject({
      ok: false,
      error: { field: 'resourceSpans[0].resource.attributes[service.name]' },
    });
    expect(parseOtlpRequest({})).toMatchObject({ ok: false, error: { field: 'resourceSpans' } });
    expect(parseOtlpRequest(req([{ ...good, kind: 9 }]))).toMatchObject({
      ok: false,
      error: { field: 'resourceSpans[0].scopeSpans[0].spans[0].kind' },
    });
  });
});
