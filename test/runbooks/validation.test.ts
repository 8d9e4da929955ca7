import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRunbookProblem } from '../../src/adapters/runbooks/format-runbook-problem.ts';
import { loadRunbookCatalog } from '../../src/adapters/runbooks/load-runbook-catalog.ts';
import { parseRunbookFile } from '../../src/adapters/runbooks/parse-runbook-file.ts';
import { billionLaughs } from '../support/yaml-bombs.ts';
import { testValidationContext } from './support/runbook-harness.ts';

const problems = (text: string) => {
  const r = parseRunbookFile('rb.yaml', text, testValidationContext());
  return r.ok ? [] : r.error.map(formatRunbookProblem);
};

const GOOD = `id: restart
title: Restart
params:
  service:
    type: string
    default: checkout
steps:
  - id: restart
    name: Restart {{ params.service }}
    uses: kubectl
    with:
      verb: rollout restart
      resource: deployment/{{ params.service }}
    approval:
      from: [oncall]
`;

describe('runbook validation: every problem with its file, line and field', () => {
  it('accepts a valid runbook and applies the policy (low risk: 1 approver from the named group)', () => {
    const r = parseRunbookFile('rb.yaml', GOOD, testValidationContext());
    expect(r.ok && r.value.runbook.steps[0]).toMatchObject({
      risk: 'low',
      approval: { min: 1, from: ['oncall'] },
      timeoutMs: 30_000,
    });
  });

  it('names the line and field of each problem, all at once', () => {
    const text = `id: Bad_Id
title: Broken
params:
  service:
    type: string
    pattern: '('
  count:
    type: int
    default: many
steps:
  - id: one
    name: Do {{ params.missing }}
    uses: teleport
    with: {}
  - id: two
    name: Undo {{ env.HOME }}
    uses: kubectl
    with:
      verb: rollout undo
      resource: deployment/x
      colour: blue
    risk: low
    approval: none
  - id: one
    name: Call
    uses: http
    with:
      url: https://{{ params.service }}.example/x
    approval:
      from: [nobody]
    onFailure: rollback
`;
    expect(problems(text)).toEqual([
      'rb.yaml:1: id: expected the runbook id (lower-case letters, digits and -, at most 64)',
    ]);
    expect(problems(text.replace('Bad_Id', 'bad-id'))).toEqual([
      'rb.yaml:6: params.service.pattern: is not a valid regular expression',
      'rb.yaml:9: params.count.default: "many" is not a whole number',
      'rb.yaml:12: steps[0].name: {{ params.missing }} refers to an undeclared parameter',
      'rb.yaml:13: steps[0].uses: unknown executor "teleport" (known: http, command, kubectl, elasticsearch, check, wait)',
      'rb.yaml:16: steps[1].name: {{ env.HOME }} is not a parameter reference: templates may only use {{ params.NAME }}',
      'rb.yaml:21: steps[1].with.colour: unknown field: remove it or check its spelling',
      'rb.yaml:23: steps[1].approval: a low-risk step needs approval: only read steps may say none',
      'rb.yaml:24: steps[2].id: step id "one" is used twice',
      'rb.yaml:28: steps[2].with.url: the host must be written out: parameters may fill only the path and query',
      'rb.yaml:30: steps[2].approval.from: no approver group "nobody" in runbooks.approval.groups',
      'rb.yaml:31: steps[2].onFailure: rollback needs rollback steps on this step',
    ]);
  });

  it('refuses a declared risk below what the executor does, unknown top-level fields, and YAML errors', () => {
    expect(problems(GOOD.replace('    approval:', '    risk: read\n    approval:'))).toEqual([
      'rb.yaml:14: steps[0].risk: read is lower than what this kubectl step does (low)',
    ]);
    expect(problems(`${GOOD}owner: me\n`)).toEqual([
      'rb.yaml:16: owner: unknown field: remove it or check its spelling',
    ]);
    expect(problems(`${GOOD}  - id: [unclosed\n`)[0]).toBe(
      'rb.yaml:17: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(problems('- just\n- a list\n')).toEqual([
      'rb.yaml:1: a runbook file holds one mapping (id, title, steps …)',
    ]);
    expect(problems(GOOD.replace('id: restart\ntitle', 'id: restart\nid: again\ntitle'))[0]).toMatch(
      /YAML syntax: Map keys must be unique/,
    );
  });

  it('refuses a circular alias and a "billion laughs" file as problems naming the file, not a crash', () => {
    const circular = `id: es
title: ES
steps:
  - id: s
    name: S
    uses: elasticsearch
    with:
      index: logs
      query: &q {bool: {must: [*q]}}
    approval: {from: [oncall]}
`;
    expect(problems(circular)).toEqual([
      'rb.yaml:9: steps[0].with.query.bool.must[0]: a circular alias (*q is inside the node it names): write the value out',
    ]);
    expect(problems(billionLaughs())).toEqual([
      'rb.yaml: YAML aliases expand too much (more than 100 alias uses, as in a "billion laughs" file): write the values out',
    ]);
  });

  it('loads a folder: duplicate ids across files are problems, a missing folder is one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causeway-runbooks-'));
    try {
      writeFileSync(join(dir, 'a.yaml'), GOOD);
      writeFileSync(join(dir, 'b.yml'), GOOD);
      writeFileSync(join(dir, 'notes.txt'), 'not a runbook');
      const r = await loadRunbookCatalog(dir, testValidationContext(), dir);
      expect(r.ok ? [] : r.error.map(formatRunbookProblem)).toEqual([
        'b.yml:1: id: runbook id "restart" is also used by a.yaml',
      ]);
      const missing = await loadRunbookCatalog(join(dir, 'nope'), testValidationContext(), dir);
      expect(missing.ok ? '' : missing.error[0]?.message).toMatch(/cannot read the runbook folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
