import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { ENV_BINDINGS } from '../../src/core/config/env-bindings.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHART = `${ROOT}deploy/helm/causeway`;
const MAIN = `${ROOT}src/main.ts`;
/** The real helm (v4), built by scripts/provision-tests.sh into .cache/bin, or HELM_BIN. */
const HELM = process.env.HELM_BIN || `${ROOT}.cache/bin/helm`;

// biome-ignore lint/suspicious/noExplicitAny: parsed Kubernetes manifests, navigated by the assertions
type Doc = { kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string> };
type Run = { code: number; stdout: string; stderr: string };

function helm(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(HELM, args, { timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

const DB = ['--set', 'database.existingSecret=causeway-database'];

async function render(...args: string[]): Promise<Doc[]> {
  const r = await helm(['template', 'prod', CHART, '--namespace', 'ops', ...DB, ...args]);
  if (r.code !== 0) throw new Error(`helm template failed: ${r.stderr}`);
  return parseAllDocuments(r.stdout)
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`not YAML: ${d.errors[0]?.message}`);
      return d.toJS() as Doc;
    })
    .filter((d) => d !== null);
}
const one = (docs: Doc[], kind: string, name?: string) => {
  const found = docs.filter((d) => d.kind === kind && (name === undefined || d.metadata.name === name));
  expect(found, `${kind} ${name ?? ''}`).toHaveLength(1);
  return found[0] as Doc;
};
const container = (docs: Doc[]) => one(docs, 'Deployment').spec.template.spec.containers[0];
const envOf = (docs: Doc[]) =>
  Object.fromEntries(
    (container(docs).env as { name: string; value?: string; valueFrom?: unknown }[]).map((e) => [e.name, e]),
  );

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

describe('the Helm chart, rendered and linted by the real helm', () => {
  beforeAll(() => {
    if (!existsSync(HELM))
      throw new Error(`helm not found at ${HELM}: run bash scripts/provision-tests.sh (it builds it), or set HELM_BIN`);
  });

  it('helm lint --strict passes', async () => {
    const r = await helm(['lint', '--strict', CHART, ...DB]);
    expect(r.stderr + r.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(r.code).toBe(0);
  });

  it('a Deployment of 2 non-root replicas, read-only root filesystem with an emptyDir /tmp, probes on /healthz and /readyz', async () => {
    const docs = await render();
    const d = one(docs, 'Deployment');
    expect(d.spec.replicas).toBe(2);
    const pod = d.spec.template.spec;
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    const c = container(docs);
    expect(c.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    const tmp = c.volumeMounts.find((m: { mountPath: string }) => m.mountPath === '/tmp');
    expect(pod.volumes.find((v: { name: string }) => v.name === tmp?.name)?.emptyDir).toBeDefined();
    expect(c.ports).toContainEqual({ name: 'http', containerPort: 8080, protocol: 'TCP' });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(c.resources.requests).toBeDefined();
    expect(c.resources.limits.memory).toBeDefined();
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(25);
    const svc = one(docs, 'Service');
    expect(svc.spec.ports[0]).toMatchObject({ port: 8080, targetPort: 'http' });
  });

  it('the ConfigMap holds the config (mounted, named by CAUSEWAY_CONFIG); ServiceMonitor and NetworkPolicy only when enabled', async () => {
    const plain = await render('--set', 'config.log.level=debug', '--set', 'config.slack.incidentChannel=C0123ABCD');
    const cm = one(plain, 'ConfigMap', 'prod-causeway-config');
    expect(parseYaml(cm.data?.['config.yaml'] as string)).toMatchObject({
      log: { level: 'debug' },
      slack: { incidentChannel: 'C0123ABCD' },
    });
    expect(envOf(plain).CAUSEWAY_CONFIG?.value).toBe('/etc/causeway/config.yaml');
    expect(container(plain).volumeMounts).toContainEqual({
      name: 'config',
      mountPath: '/etc/causeway/config.yaml',
      subPath: 'config.yaml',
      readOnly: true,
    });
    expect(plain.filter((d) => d.kind === 'ServiceMonitor' || d.kind === 'NetworkPolicy')).toEqual([]);

    const on = await render(
      '--set',
      'serviceMonitor.enabled=true',
      '--set',
      'networkPolicy.enabled=true',
      '--set-json',
      'secrets.env={"CAUSEWAY_METRICS_TOKEN":{"secretName":"causeway-metrics","key":"token"}}',
    );
    const sm = one(on, 'ServiceMonitor');
    expect(sm.spec.endpoints[0]).toMatchObject({
      port: 'http',
      path: '/metrics',
      authorization: { type: 'Bearer', credentials: { name: 'causeway-metrics', key: 'token' } },
    });
    expect(one(on, 'NetworkPolicy').spec.ingress[0].ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
  });

  it('secrets are only referenced: *_FILE variants from mounted Secrets (or secretKeyRef), never a value in the manifests', async () => {
    const refs = '{"CAUSEWAY_SLACK_BOT_TOKEN":{"secretName":"causeway-slack","key":"bot-token"}}';
    const files = await render('--set-json', `secrets.env=${refs}`);
    expect(files.filter((d) => d.kind === 'Secret')).toEqual([]);
    const env = envOf(files);
    expect(env.CAUSEWAY_STORAGE_URL_FILE?.value).toBe('/run/secrets/causeway/CAUSEWAY_STORAGE_URL');
    expect(env.CAUSEWAY_SLACK_BOT_TOKEN_FILE?.value).toBe('/run/secrets/causeway/CAUSEWAY_SLACK_BOT_TOKEN');
    expect(env.CAUSEWAY_STORAGE_URL).toBeUndefined();
    const secretsVolume = one(files, 'Deployment').spec.template.spec.volumes.find(
      (v: { name: string }) => v.name === 'secrets',
    );
    expect(secretsVolume.projected.sources).toContainEqual({
      secret: { name: 'causeway-slack', items: [{ key: 'bot-token', path: 'CAUSEWAY_SLACK_BOT_TOKEN' }] },
    });
    expect(secretsVolume.projected.sources).toContainEqual({
      secret: { name: 'causeway-database', items: [{ key: 'url', path: 'CAUSEWAY_STORAGE_URL' }] },
    });

    const plainEnv = envOf(await render('--set-json', `secrets.env=${refs}`, '--set', 'secrets.mountAsFiles=false'));
    expect(plainEnv.CAUSEWAY_SLACK_BOT_TOKEN).toEqual({
      name: 'CAUSEWAY_SLACK_BOT_TOKEN',
      valueFrom: { secretKeyRef: { name: 'causeway-slack', key: 'bot-token' } },
    });
    expect(plainEnv.CAUSEWAY_STORAGE_URL?.valueFrom).toEqual({
      secretKeyRef: { name: 'causeway-database', key: 'url' },
    });

    // Writing a secret into the values is refused, naming the key and what to do.
    const inline = await helm([
      'template',
      'prod',
      CHART,
      ...DB,
      '--set',
      'config.slack.botToken=xoxb-123456789012-abcdef',
    ]);
    expect(inline.code).not.toBe(0);
    expect(inline.stderr).toContain('config: "botToken" holds a secret; reference it with secrets.env');
    expect(inline.stderr).not.toContain('xoxb-123456789012-abcdef');
    const asEnv = await helm(['template', 'prod', CHART, ...DB, '--set', 'env.CAUSEWAY_METRICS_TOKEN=abc']);
    expect(asEnv.stderr).toContain('env.CAUSEWAY_METRICS_TOKEN: holds a secret; reference it with secrets.env');
  });

  it('bad values are refused with the key and the fix: no database Secret, an unknown secret variable', async () => {
    const noDb = await helm(['template', 'prod', CHART]);
    expect(noDb.code).not.toBe(0);
    expect(noDb.stderr).toContain('database.existingSecret: name the Secret holding the PostgreSQL URL');
    const unknown = await helm([
      'template',
      'prod',
      CHART,
      ...DB,
      '--set-json',
      'secrets.env={"CAUSEWAY_SLACK_TOKEN":{"secretName":"s","key":"k"}}',
    ]);
    expect(unknown.stderr).toContain('secrets.env.CAUSEWAY_SLACK_TOKEN: not a secret variable Causeway reads');
    const noKey = await helm([
      'template',
      'prod',
      CHART,
      ...DB,
      '--set-json',
      'secrets.env={"CAUSEWAY_LLM_API_KEY":{"secretName":"s"}}',
    ]);
    expect(noKey.stderr).toContain('secrets.env.CAUSEWAY_LLM_API_KEY: expected {secretName: NAME, key: KEY}');
  });

  it("the chart's list of secret variables is the code's (secret: true in env-bindings.ts)", () => {
    const helpers = readFileSync(`${CHART}/templates/_helpers.tpl`, 'utf8');
    const listed = /define "causeway\.secretVariables" -\}\}\n(.*)\n/.exec(helpers)?.[1]?.trim().split(' ') ?? [];
    expect([...listed].sort()).toEqual(
      ENV_BINDINGS.filter((b) => b.secret)
        .map((b) => b.env)
        .sort(),
    );
  });

  it('runbook files become a ConfigMap mounted as the runbook folder; kubectl RBAC only in the named namespaces', async () => {
    const text = readFileSync(`${ROOT}runbooks/rollback-last-deploy.yaml`, 'utf8');
    const docs = await render(
      '--set',
      'runbooks.enabled=true',
      '--set-file',
      `runbooks.files.rollback-last-deploy\\.yaml=${ROOT}runbooks/rollback-last-deploy.yaml`,
      '--set',
      'rbac.create=true',
      '--set',
      'rbac.namespaces={shop}',
    );
    expect(one(docs, 'ConfigMap', 'prod-causeway-runbooks').data?.['rollback-last-deploy.yaml']).toBe(text);
    expect(envOf(docs).CAUSEWAY_RUNBOOKS_DIR?.value).toBe('/etc/causeway/runbooks');
    const role = one(docs, 'Role') as Doc & { metadata: { namespace: string } };
    expect(role.metadata.namespace).toBe('shop');
    expect((one(docs, 'RoleBinding') as Doc & { subjects: unknown[] }).subjects).toEqual([
      { kind: 'ServiceAccount', name: 'prod-causeway', namespace: 'ops' },
    ]);
    const image = envOf(await render('--set', 'runbooks.enabled=true'));
    expect(image.CAUSEWAY_RUNBOOKS_DIR?.value).toBe('/app/runbooks');
  });
});

describe('the rendered Deployment starts the real Causeway: its env, config file and secret files', () => {
  let dir: string;
  let proc: ChildProcess | undefined;
  let port: number;
  let probes: { liveness: string; readiness: string };
  let stderr = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'causeway-helm-'));
    const docs = await render(
      '--set-json',
      'secrets.env={"CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN":{"secretName":"causeway-webhooks","key":"am"}}',
    );
    const c = container(docs);
    probes = { liveness: c.livenessProbe.httpGet.path, readiness: c.readinessProbe.httpGet.path };
    // The pod's files, laid out under `dir`: the ConfigMap's config.yaml and one file per secret item.
    writeFileSync(
      join(dir, 'config.yaml'),
      one(docs, 'ConfigMap', 'prod-causeway-config').data?.['config.yaml'] as string,
    );
    mkdirSync(join(dir, 'secrets'));
    const secretText: Record<string, string> = {
      CAUSEWAY_STORAGE_URL: `sqlite:${join(dir, 'causeway.db')}\n`,
      CAUSEWAY_WEBHOOK_ALERTMANAGER_TOKEN: 'a-token-of-32-characters-length!\n',
    };
    for (const [k, v] of Object.entries(secretText)) writeFileSync(join(dir, 'secrets', k), v);
    port = await freePort();
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', TMPDIR: dir };
    for (const e of c.env as { name: string; value?: string; valueFrom?: unknown }[]) {
      if (e.valueFrom)
        env[e.name] = 'prod-causeway-0'; // metadata.name
      else
        env[e.name] = (e.value as string)
          .replace('/etc/causeway/config.yaml', join(dir, 'config.yaml'))
          .replace('/run/secrets/causeway/', `${join(dir, 'secrets')}/`)
          .replace(/^\/tmp$/, dir);
    }
    env.CAUSEWAY_SERVER_HOST = '127.0.0.1';
    env.CAUSEWAY_SERVER_PORT = String(port);
    proc = spawn(process.execPath, [MAIN, ...c.args], { env, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr?.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
  });

  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      const gone = new Promise((r) => proc?.once('exit', r));
      proc.kill('SIGTERM');
      await gone;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers the liveness and readiness probe paths (200: storage and the alert intake are configured)', async () => {
    const get = (path: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status,
        () => 0,
      );
    const deadline = Date.now() + 30_000;
    while ((await get(probes.liveness)) !== 200) {
      if (Date.now() > deadline || proc?.exitCode !== null) throw new Error(`serve did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await get(probes.readiness)).toBe(200);
    expect(await get('/no-such-probe')).toBe(404);
  });
});
