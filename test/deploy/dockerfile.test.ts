import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

type Instruction = { readonly op: string; readonly args: string; readonly line: number };
type Stage = { readonly from: string; readonly name: string | undefined; readonly steps: Instruction[] };

/** The Dockerfile's stages, each with its instructions (continuation lines joined, comments dropped). */
function readStages(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    let l = lines[i] ?? '';
    if (/^\s*(#|$)/.test(l)) continue;
    while (l.endsWith('\\') && i + 1 < lines.length) {
      l = `${l.slice(0, -1)} ${(lines[++i] ?? '').trim()}`;
    }
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(l);
    if (!m) throw new Error(`Dockerfile:${first}: not an instruction: ${l}`);
    const op = (m[1] as string).toUpperCase();
    const args = (m[2] as string).trim();
    if (op === 'FROM') {
      const f = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ from: f?.[1] ?? args, name: f?.[2], steps: [] });
    } else stages.at(-1)?.steps.push({ op, args, line: first });
  }
  return stages;
}

/** `.dockerignore` patterns (comments and blank lines dropped). */
const ignored = readFileSync(`${ROOT}.dockerignore`, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const isIgnored = (path: string) =>
  ignored.some((p) => {
    const bare = p.replace(/^\*\*\//, '');
    return path === bare || path.startsWith(`${bare}/`) || path.split('/').includes(bare);
  });

const stages = readStages(readFileSync(`${ROOT}Dockerfile`, 'utf8'));
const runtime = stages.at(-1) as Stage;
const of = (s: Stage, op: string) => s.steps.filter((i) => i.op === op);

describe('the Dockerfile and .dockerignore', () => {
  it('has the deps, kubectl and runtime stages; the runtime is Node 24', () => {
    expect(stages.map((s) => s.name)).toEqual(['deps', 'kubectl', 'runtime']);
    expect(runtime.from).toMatch(/^node:24[-.]/);
  });

  it('the runtime stage installs a font (fonts-dejavu-core) and cleans the apt lists', () => {
    const run = of(runtime, 'RUN').map((i) => i.args);
    expect(
      run.some((r) => /apt-get install\b.*\bfonts-dejavu-core\b/.test(r) && r.includes('rm -rf /var/lib/apt/lists')),
    ).toBe(true);
  });

  it('the runtime stage carries the runbooks, prompts, examples and sources, and kubectl built in its stage', () => {
    const copies = of(runtime, 'COPY').map((i) => i.args.replace(/--chown=\S+\s+/, ''));
    for (const dir of ['runbooks', 'prompts', 'examples', 'src', 'bin']) expect(copies).toContain(`${dir} ./${dir}`);
    expect(copies).toContain('--from=kubectl /out/kubectl /usr/local/bin/kubectl');
    const env = of(runtime, 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toContain('CAUSEWAY_RUNBOOKS_KUBECTL_PATH=/usr/local/bin/kubectl');
  });

  it('runs as a numeric non-root user (Kubernetes runAsNonRoot can only verify a uid), as its last USER', () => {
    const user = of(runtime, 'USER').at(-1)?.args ?? 'root';
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
    // Nothing after the USER switches back.
    const last = runtime.steps.findLastIndex((i) => i.op === 'USER');
    expect(runtime.steps.slice(last + 1).some((i) => i.op === 'RUN')).toBe(false);
    expect(of(runtime, 'ENTRYPOINT')[0]?.args).toBe('["node", "src/main.ts"]');
  });

  it('pins kubectl: the version the stage stamps is the k8s.io/kubectl module pinned in deploy/kubectl/go.mod and go.sum', () => {
    const k = stages.find((s) => s.name === 'kubectl') as Stage;
    const arg = /KUBECTL_VERSION=v1\.(\d+\.\d+)$/.exec(of(k, 'ARG')[0]?.args ?? '');
    const mod = readFileSync(`${ROOT}deploy/kubectl/go.mod`, 'utf8');
    const sum = readFileSync(`${ROOT}deploy/kubectl/go.sum`, 'utf8');
    const pinned = /\bk8s\.io\/kubectl v0\.(\d+\.\d+)\b/.exec(mod);
    expect(arg?.[1]).toBeDefined();
    expect(arg?.[1]).toBe(pinned?.[1]);
    expect(sum).toContain(`k8s.io/kubectl v0.${pinned?.[1]} h1:`);
    // The Go image is at least the go.mod's go version.
    const goImage = /^golang:1\.(\d+)/.exec(k.from);
    const goMod = /^go 1\.(\d+)/m.exec(mod);
    expect(Number(goImage?.[1])).toBeGreaterThanOrEqual(Number(goMod?.[1]));
    expect(
      of(k, 'RUN').some((r) => r.args.includes('CGO_ENABLED=0 go build') && r.args.includes('version --client')),
    ).toBe(true);
  });

  it('.dockerignore keeps node_modules, .cache and .git out of the build context, and nothing the Dockerfile copies', () => {
    for (const p of ['node_modules', '.cache', '.git', 'src/x/node_modules']) expect(isIgnored(p)).toBe(true);
    const sources = stages
      .flatMap((s) => of(s, 'COPY'))
      .filter((i) => !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .replace(/--\S+\s+/g, '')
          .split(/\s+/)
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(8);
    for (const src of sources) {
      expect(existsSync(`${ROOT}${src}`), `${src} exists`).toBe(true);
      expect(isIgnored(src), `${src} is sent to the build`).toBe(false);
    }
  });
});
