import { z } from 'zod';
import type { JsonObject, JsonValue } from '../../model/json-value.ts';
import type { ExecutorDefinition } from '../executor-definition.ts';
import type { ExecutorSettings } from '../executor-settings.ts';
import { hostAllowed } from '../host-allowed.ts';
import { literalProblems } from '../literal-problems.ts';
import type { ParamValues } from '../param-value.ts';
import type { RunbookProblem } from '../runbook-problem.ts';
import { fillTemplate, isTemplated } from '../template.ts';
import { zodProblems } from '../zod-problems.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const FORBIDDEN_HEADERS = /^(?:host|content-length|transfer-encoding|connection|upgrade|te|trailer|proxy-.*)$/i;

const schema = z.strictObject({
  method: z.enum(METHODS, { error: `expected one of ${METHODS.join(', ')}` }).default('GET'),
  url: z.string({ error: 'expected an absolute http(s) URL' }).min(1),
  headers: z
    .record(
      z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { error: 'not a header name' }),
      z.union([
        z.string(),
        z.strictObject({
          env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'expected an environment variable name' }),
          prefix: z.string().optional(),
        }),
      ]),
      { error: 'expected a mapping of header names to values or {env: NAME, prefix: "Bearer "}' },
    )
    .default({}),
  body: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
  expectStatus: z
    .union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)], {
      error: 'expected a status code or a list of them',
    })
    .optional(),
});

/** Splits an absolute URL template into scheme, authority (host[:port]) and the rest. */
function splitUrl(url: string): { scheme: string; authority: string; rest: string } | undefined {
  const m = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  return m ? { scheme: (m[1] as string).toLowerCase(), authority: m[2] as string, rest: m[3] as string } : undefined;
}

function fillJson(v: unknown, params: ParamValues): JsonValue {
  if (typeof v === 'string') return fillTemplate(v, params);
  if (Array.isArray(v)) return v.map((x) => fillJson(x, params));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillJson(x, params)]));
  return (v ?? null) as JsonValue;
}

/**
 * `http`: one request to an allowlisted host (the host is always written out in the runbook;
 * parameters only fill the path and query, percent-encoded). Secret headers come from
 * environment variables named in `runbooks.secretEnv`, shown and hashed as references
 * (`${env:NAME}`), never as values. Redirects are not followed.
 */
export function httpDefinition(settings: ExecutorSettings): ExecutorDefinition {
  const check = (args: Readonly<Record<string, unknown>>): RunbookProblem[] => {
    const parsed = schema.safeParse(args);
    if (!parsed.success) return zodProblems(parsed.error);
    const w = parsed.data;
    const problems = literalProblems(args, ['method']);
    const u = splitUrl(w.url);
    if (!u) problems.push({ path: ['url'], message: 'expected an absolute http:// or https:// URL' });
    else if (isTemplated(u.authority))
      problems.push({
        path: ['url'],
        message: 'the host must be written out: parameters may fill only the path and query',
      });
    else if (u.authority.includes('@'))
      problems.push({ path: ['url'], message: 'no credentials in URLs: use a header with {env: NAME}' });
    else {
      let host: URL | undefined;
      try {
        host = new URL(`${u.scheme}://${u.authority}/`);
      } catch {
        problems.push({ path: ['url'], message: `"${u.authority}" is not a host` });
      }
      if (host && settings.checkAllowlists !== false && !hostAllowed(host, settings.httpAllowHosts))
        problems.push({
          path: ['url'],
          message: `host ${host.host} is not in runbooks.http.allowHosts (${settings.httpAllowHosts.join(', ') || 'empty'})`,
        });
    }
    for (const [name, value] of Object.entries(w.headers)) {
      if (FORBIDDEN_HEADERS.test(name))
        problems.push({ path: ['headers', name], message: `${name} is set by Causeway` });
      if (typeof value !== 'string' && settings.checkAllowlists !== false && !settings.secretEnv.includes(value.env))
        problems.push({
          path: ['headers', name, 'env'],
          message: `${value.env} is not in runbooks.secretEnv: only listed variables can be used as secrets`,
        });
    }
    if (w.body !== undefined && (w.method === 'GET' || w.method === 'HEAD'))
      problems.push({ path: ['body'], message: `${w.method} requests have no body` });
    return problems;
  };
  return {
    name: 'http',
    summary: 'one HTTP request to an allowlisted host, secrets from environment references, expected status',
    risk: (args) => (args.method === undefined || args.method === 'GET' || args.method === 'HEAD' ? 'read' : 'low'),
    check,
    render(args, params) {
      const problems = check(args);
      if (problems.length > 0) return { ok: false, error: problems };
      const w = schema.parse(args);
      const u = splitUrl(w.url) as NonNullable<ReturnType<typeof splitUrl>>;
      const rest = fillTemplate(u.rest, params, encodeURIComponent);
      const text = `${u.scheme}://${u.authority}${rest}`;
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return { ok: false, error: [{ path: ['url'], message: `"${text}" is not a URL` }] };
      }
      const rawPath = rest.replace(/[?#].*$/, '') || '/';
      if (url.pathname !== rawPath)
        problems.push({ path: ['url'], message: `the path of ${text} changes when normalised (dot segments)` });
      if (settings.checkAllowlists !== false && !hostAllowed(url, settings.httpAllowHosts))
        problems.push({ path: ['url'], message: `host ${url.host} is not in runbooks.http.allowHosts` });
      const headers: Record<string, JsonValue> = {};
      const shown: string[] = [];
      for (const [name, value] of Object.entries(w.headers)) {
        if (typeof value === 'string') {
          const v = fillTemplate(value, params);
          if (/[\r\n\0]/.test(v))
            problems.push({ path: ['headers', name], message: 'header values cannot hold line breaks' });
          headers[name] = v;
          shown.push(`${name}: ${v}`);
        } else {
          headers[name] = { env: value.env, prefix: value.prefix ?? '' };
          shown.push(`${name}: ${value.prefix ?? ''}\${env:${value.env}}`);
        }
      }
      let body: string | undefined;
      if (typeof w.body === 'string') body = fillTemplate(w.body, params);
      else if (w.body !== undefined) {
        body = JSON.stringify(fillJson(w.body, params));
        if (!Object.keys(w.headers).some((h) => h.toLowerCase() === 'content-type')) {
          headers['content-type'] = 'application/json';
          shown.push('content-type: application/json');
        }
      }
      if (problems.length > 0) return { ok: false, error: problems };
      const expect = w.expectStatus === undefined ? '2xx' : [w.expectStatus].flat();
      const action: JsonObject = {
        method: w.method,
        url: url.toString(),
        headers,
        expectStatus: expect,
        ...(body !== undefined ? { body } : {}),
      };
      const display = [`${w.method} ${url.toString()}`, ...shown];
      if (body !== undefined) display.push(body.length > 500 ? `${body.slice(0, 499)}…` : body);
      display.push(`expect ${expect === '2xx' ? '2xx' : expect.join(' or ')}`);
      return { ok: true, value: { action, display } };
    },
  };
}
