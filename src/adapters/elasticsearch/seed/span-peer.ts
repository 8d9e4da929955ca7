import type { SeedSpan } from './seed-span.ts';

/** The callee of an exit span, as the OTLP reader names it (peer.service, else server.address, else net.peer.name). */
export function spanPeer(s: SeedSpan): string | undefined {
  if (s.kind !== 'client' && s.kind !== 'producer' && s.kind !== 'unspecified') return undefined;
  for (const k of ['peer.service', 'server.address', 'net.peer.name']) {
    const v = s.attributes[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}
