import type { Failure } from '../model/failure-model.ts';
import type { Lang } from '../model/topology-model.ts';
import type { ErrText } from './err-text.ts';
import { failureCtx } from './failure-ctx.ts';
import { networkText } from './failure-text/network-text.ts';
import { remoteText } from './failure-text/remote-text.ts';
import { resourceText } from './failure-text/resource-text.ts';

const LANGS: ReadonlySet<string> = new Set(['java', 'go', 'node', 'python', 'dotnet']);

/**
 * The error as a service written in `lang` would report it: exception class (or Go error
 * type) and message, in the words of the client library the service uses (`variant`).
 */
export function describeFailure(f: Failure, lang: Lang, variant: number, depth = 0): ErrText {
  const c = failureCtx(f, variant);
  if (f.cls === 'exception') return { type: f.exType ?? 'Error', message: f.detail ?? '' };
  const net = networkText(f.cls, lang, c);
  if (net) return net;
  let remote = '';
  if (f.cause && depth < 3) {
    const causeLang = (LANGS.has(f.causeLang ?? '') ? f.causeLang : lang) as Lang;
    const inner = describeFailure(f.cause, causeLang, variant >>> 3, depth + 1);
    remote =
      causeLang === 'go' || f.cls === 'grpc' ? inner.message : `${inner.type.split('.').pop()}: ${inner.message}`;
  }
  if (f.cls === 'contract') remote = f.detail ?? remote;
  const rem = remoteText(f.cls, lang, c, f.status, f.grpcCode, remote);
  if (rem) return rem;
  const res = resourceText(f.cls, lang, c);
  if (res) return res;
  return { type: 'Error', message: f.detail ?? f.cls };
}
