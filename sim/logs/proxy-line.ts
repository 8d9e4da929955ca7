import type { Failure } from '../model/failure-model.ts';
import type { Service } from '../model/topology-model.ts';
import { ipOf } from './failure-ctx.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function upstreamOf(svc: Service): { name: string; port: number } {
  for (const op of svc.ops)
    for (const c of op.calls) if (c.target.type === 'service') return { name: c.target.service, port: 8080 };
  return { name: 'backend', port: 8080 };
}

/** Raw access and error lines of an ingress proxy (nginx combined format, or Envoy's default access log). */
export const proxyLine = {
  access: (svc: Service, t: number, p: Readonly<Record<string, string | number | undefined>>, host: string): string => {
    const status = Number(p.status ?? 200);
    const dur = Number(p.durMs ?? 1) / 1000;
    const up = upstreamOf(svc);
    const ua = String(p.ua ?? '-') || '-';
    if (svc.framework === 'envoy') {
      const flags =
        status === 504 ? 'UT' : status === 503 ? (Number(p.failed) ? 'UF' : 'UO') : status === 502 ? 'UC' : '-';
      return `[${new Date(t).toISOString()}] "${p.method} ${p.path} HTTP/1.1" ${status} ${flags} 0 ${200 + (Math.floor(t) % 9000)} ${Math.round(dur * 1000)} ${status >= 500 ? '-' : Math.max(0, Math.round(dur * 1000) - 1)} "${p.ip}" "${ua}" "${(Math.floor(t * 7919) % 0xffffffff).toString(16)}-${(Math.floor(t) % 0xffff).toString(16)}" "${host}" "${ipOf(up.name)}:${up.port}"`;
    }
    return `${p.ip} - - [${clf(t)}] "${p.method} ${p.path} HTTP/1.1" ${status} ${status >= 500 ? 157 + (Math.floor(t) % 40) : 400 + (Math.floor(t) % 20000)} "-" "${ua}" ${dur.toFixed(3)} ${status >= 500 && status !== 500 ? '-' : Math.max(0, dur - 0.001).toFixed(3)}`;
  },
  error: (
    svc: Service,
    t: number,
    p: Readonly<Record<string, string | number | undefined>>,
    f: Failure | undefined,
    host: string,
  ): string | undefined => {
    if (svc.framework === 'envoy' || !f) return undefined;
    const up = upstreamOf(svc);
    const d = new Date(t).toISOString().replace('T', ' ').slice(0, 19).replace(/-/g, '/');
    const what =
      f.cls === 'timeout'
        ? 'upstream timed out (110: Connection timed out) while reading response header from upstream'
        : f.cls === 'refused'
          ? 'connect() failed (111: Connection refused) while connecting to upstream'
          : f.cls === 'reset'
            ? 'upstream prematurely closed connection while reading response header from upstream'
            : undefined;
    if (!what) return undefined;
    return `${d} [error] ${20 + (Math.floor(t) % 40)}#${20 + (Math.floor(t) % 40)}: *${Math.floor(t) % 9_999_999} ${what}, client: ${p.ip ?? '10.0.0.1'}, server: _, request: "${p.method} ${p.path} HTTP/1.1", upstream: "http://${ipOf(up.name)}:${up.port}${p.path}", host: "${host}"`;
  },
};
