import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Message = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
};

/** A DevTools protocol connection over the browser's websocket (Node's global WebSocket), flat sessions. */
export type Cdp = {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Resolves with the params of the next `method` event (of `sessionId`) that `match` accepts. */
  next(
    method: string,
    sessionId?: string,
    match?: (p: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>>;
};

export type Chromium = { readonly cdp: Cdp; readonly child: ChildProcess; close(): Promise<void> };

/**
 * Starts headless Chromium (the Debian package `chromium`, or CHROMIUM_BIN) with remote debugging on
 * a free port, and connects to its browser websocket (the address it prints on stderr).
 */
export async function launchChromium(): Promise<Chromium> {
  const bin = process.env.CHROMIUM_BIN || 'chromium';
  const profile = mkdtempSync(join(tmpdir(), 'causeway-chromium-'));
  const child = spawn(
    bin,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--no-default-browser-check',
      '--hide-scrollbars',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  const wsUrl = await new Promise<string>((resolve, reject) => {
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1] as string);
    });
    child.on('error', (e) =>
      reject(new Error(`cannot start ${bin}: ${e.message} (install the Debian package chromium)`)),
    );
    child.on('exit', (code) => reject(new Error(`${bin} exited (${code}) before listening:\n${err}`)));
  });
  const ws = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new Error(`cannot connect to ${wsUrl}`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const waiters: {
    method: string;
    sessionId: string | undefined;
    match: (p: Record<string, unknown>) => boolean;
    resolve: (p: Record<string, unknown>) => void;
  }[] = [];
  ws.addEventListener('message', (ev) => {
    const m = JSON.parse(String(ev.data)) as Message;
    if (m.id !== undefined) {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) p?.reject(new Error(m.error.message));
      else p?.resolve(m.result);
      return;
    }
    const i = waiters.findIndex((w) => w.method === m.method && w.sessionId === m.sessionId && w.match(m.params ?? {}));
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(m.params ?? {});
  });
  const cdp: Cdp = {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    },
    next(method, sessionId, match = () => true) {
      return new Promise((resolve) => waiters.push({ method, sessionId, match, resolve }));
    },
  };
  return {
    cdp,
    child,
    async close() {
      ws.close();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new tab (a page target) with a flat session. */
export async function openTab(cdp: Cdp): Promise<string> {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  await cdp.send('Page.enable', {}, sessionId);
  await cdp.send('Runtime.enable', {}, sessionId);
  return sessionId;
}

/** Navigates and waits for the load event (images included): the HTTP status of the document. */
export async function navigate(cdp: Cdp, sessionId: string, url: string): Promise<number> {
  const loaded = cdp.next('Page.loadEventFired', sessionId);
  const r = await cdp.send<{ errorText?: string }>('Page.navigate', { url }, sessionId);
  if (r.errorText) throw new Error(`navigation to ${url} failed: ${r.errorText}`);
  await loaded;
  return evaluate<number>(cdp, sessionId, "performance.getEntriesByType('navigation')[0].responseStatus");
}

/** Evaluates an expression in the page (promises awaited) and returns its value. */
export async function evaluate<T>(cdp: Cdp, sessionId: string, expression: string): Promise<T> {
  const r = await cdp.send<{
    result: { value?: T };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
  if (r.exceptionDetails)
    throw new Error(`${expression}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}
