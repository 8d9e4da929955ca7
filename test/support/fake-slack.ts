import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake received it. */
export type SlackCall = {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly at: number;
  readonly auth: string;
};

export type FakeMessage = {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  edits: number;
};

type Injected = { status?: number; retryAfter?: number; error?: string; delayMs?: number };

/**
 * A local Slack Web API on 127.0.0.1 that answers like Slack (form or JSON bodies, `ok:false`
 * errors on HTTP 200, `429` with `Retry-After`), keeps the messages it was sent (edits in place),
 * takes file uploads the way files.uploadV2 makes them (getUploadURLExternal → upload URL →
 * completeUploadExternal), receives response_url posts, and records every call.
 */
export async function startFakeSlack(
  opts: {
    readonly botToken?: string;
    /** Slack user groups (S… id → member user ids), for usergroups.users.list. */
    readonly userGroups?: Readonly<Record<string, readonly string[]>>;
  } = {},
) {
  const calls: SlackCall[] = [];
  const messages: FakeMessage[] = [];
  const ephemerals: { channel: string; user: string; text: string; blocks: unknown[] }[] = [];
  const responses: { path: string; body: Record<string, unknown> }[] = [];
  const uploads = new Map<string, { bytes: Buffer; filename?: string }>();
  const files: { id: string; title?: string; channel_id?: string; thread_ts?: string; initial_comment?: string }[] = [];
  const inject = new Map<string, Injected[]>();
  const notInChannel = new Set<string>();
  let tsCounter = 0;
  let fileCounter = 0;
  let socketUrl: string | undefined;

  const read = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
  const parseParams = (body: Buffer, type: string | undefined): Record<string, unknown> => {
    const text = body.toString('utf8');
    if (type?.includes('application/json')) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      // Like Slack: blocks, attachments and files arrive as JSON strings inside the form.
      out[k] = ['blocks', 'attachments', 'files', 'metadata'].includes(k) ? JSON.parse(v) : v;
    }
    return out;
  };

  let base = '';
  const server: Server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    const body = await read(req);
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(value));
    };
    if (url.startsWith('/upload/')) {
      const id = url.slice('/upload/'.length);
      uploads.set(id, { bytes: body });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${body.length}`);
      return;
    }
    if (url.startsWith('/respond/')) {
      responses.push({ path: url, body: JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown> });
      json(200, { ok: true });
      return;
    }
    if (!url.startsWith('/api/')) {
      res.writeHead(404);
      res.end();
      return;
    }
    const method = url.slice('/api/'.length).split('?')[0] as string;
    const params = parseParams(body, req.headers['content-type']);
    const auth = String(req.headers.authorization ?? '');
    calls.push({ method, params, at: Date.now(), auth });
    const planned = inject.get(method)?.shift();
    if (planned?.delayMs) await new Promise((r) => setTimeout(r, planned.delayMs));
    if (planned?.status === 429) {
      json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(planned.retryAfter ?? 1) });
      return;
    }
    if (planned?.error) {
      json(200, { ok: false, error: planned.error });
      return;
    }
    if (method !== 'apps.connections.open' && opts.botToken && auth !== `Bearer ${opts.botToken}`) {
      json(200, { ok: false, error: 'invalid_auth' });
      return;
    }
    const channel = String(params.channel ?? params.channel_id ?? '');
    switch (method) {
      case 'auth.test':
        json(200, {
          ok: true,
          url: 'https://acme.slack.com/',
          team: 'Acme',
          user: 'causeway',
          team_id: 'T0ACME',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        });
        return;
      case 'apps.connections.open':
        json(200, socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'not_allowed' });
        return;
      case 'chat.postMessage': {
        if (notInChannel.has(channel)) return json(200, { ok: false, error: 'not_in_channel' });
        const ts = `1763900000.${String(++tsCounter).padStart(6, '0')}`;
        const m: FakeMessage = {
          channel,
          ts,
          text: String(params.text ?? ''),
          blocks: (params.blocks as unknown[]) ?? [],
          edits: 0,
          ...(params.thread_ts ? { thread_ts: String(params.thread_ts) } : {}),
        };
        messages.push(m);
        json(200, {
          ok: true,
          channel,
          ts,
          message: { type: 'message', text: m.text, ts, bot_id: 'B0BOT', blocks: m.blocks },
        });
        return;
      }
      case 'chat.update': {
        const m = messages.find((x) => x.channel === channel && x.ts === params.ts);
        if (!m) return json(200, { ok: false, error: 'message_not_found' });
        m.text = String(params.text ?? m.text);
        if (params.blocks) m.blocks = params.blocks as unknown[];
        m.edits++;
        json(200, { ok: true, channel, ts: m.ts, text: m.text });
        return;
      }
      case 'chat.postEphemeral':
        ephemerals.push({
          channel,
          user: String(params.user),
          text: String(params.text ?? ''),
          blocks: (params.blocks as unknown[]) ?? [],
        });
        json(200, { ok: true, message_ts: `1763900000.${String(++tsCounter).padStart(6, '0')}` });
        return;
      case 'files.getUploadURLExternal': {
        const id = `F${String(++fileCounter).padStart(8, '0')}`;
        uploads.set(id, { bytes: Buffer.alloc(0), filename: String(params.filename) });
        json(200, { ok: true, upload_url: `${base}/upload/${id}`, file_id: id });
        return;
      }
      case 'files.completeUploadExternal': {
        const list = (params.files as { id: string; title?: string }[]) ?? [];
        for (const f of list)
          files.push({
            id: f.id,
            ...(f.title ? { title: f.title } : {}),
            ...(params.channel_id ? { channel_id: String(params.channel_id) } : {}),
            ...(params.thread_ts ? { thread_ts: String(params.thread_ts) } : {}),
            ...(params.initial_comment ? { initial_comment: String(params.initial_comment) } : {}),
          });
        json(200, { ok: true, files: list.map((f) => ({ id: f.id, title: f.title ?? '' })) });
        return;
      }
      case 'usergroups.users.list': {
        // Slack's answer: the member ids; an unknown group is `no_such_subteam`.
        const members = opts.userGroups?.[String(params.usergroup)];
        if (!members) return json(200, { ok: false, error: 'no_such_subteam' });
        json(200, { ok: true, users: [...members] });
        return;
      }
      default:
        json(200, { ok: false, error: 'unknown_method' });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    base,
    /** A response_url that this fake receives. */
    responseUrl: (id: string) => `${base}/respond/${id}`,
    calls,
    messages,
    ephemerals,
    responses,
    uploads,
    files,
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    /** The next call(s) of `method` answer as given (429 with Retry-After, an ok:false error, a delay). */
    failNext(method: string, ...answers: Injected[]) {
      inject.set(method, [...(inject.get(method) ?? []), ...answers]);
    },
    notInChannel,
    setSocketUrl(u: string) {
      socketUrl = u;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type FakeSlack = Awaited<ReturnType<typeof startFakeSlack>>;
