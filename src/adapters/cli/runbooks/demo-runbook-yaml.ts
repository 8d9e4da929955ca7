/**
 * The demo's runbook (validated like any runbook file): roll back the blamed service's last deploy
 * through a deploy API that the demo runs on 127.0.0.1 (`port`), with a secret token header, two
 * SRE approvals, and a check that the service's error rate is back under 5 %.
 */
export function demoRunbookYaml(port: number): string {
  return `id: demo-rollback
title: Roll back the last deploy (local demo deploy API)
description: >
  The demo's stand-in for rollback-last-deploy: the same plan shape, against a deploy API on
  127.0.0.1 that the demo starts, so nothing outside this machine is touched.
match:
  kinds: [deploy]
params:
  service:
    type: string
    from: hypothesis.service
  change:
    type: string
    from: hypothesis.changeId
    default: unknown
steps:
  - id: inspect
    name: Current deploy of {{ params.service }}
    uses: http
    with:
      method: GET
      url: http://127.0.0.1:${port}/deployments/{{ params.service }}
      expectStatus: 200
    timeout: 10s
  - id: rollback
    name: Roll back {{ params.service }} (undo {{ params.change }})
    uses: http
    with:
      method: POST
      url: http://127.0.0.1:${port}/deployments/{{ params.service }}/rollback
      headers:
        Authorization: { env: CAUSEWAY_DEMO_DEPLOY_TOKEN, prefix: 'Bearer ' }
      body:
        reason: causeway runbook demo-rollback
        change: '{{ params.change }}'
      expectStatus: 200
    risk: high
    approval:
      min: 2
      from: [sre]
    timeout: 10s
    verify:
      id: recovered
      name: Error rate of {{ params.service }} back under 5 %
      uses: check
      with:
        signal: error-rate
        service: '{{ params.service }}'
        below: 0.05
        window: 1m
        every: 0.2s
      timeout: 10s
`;
}

/**
 * The earned-autonomy demo's runbook: the same rollback, low-risk and autonomous once earned —
 * checked by the error rate, undone by rolling back again (the demo API swaps the two versions).
 */
export function demoAutonomyRunbookYaml(port: number): string {
  const call = `uses: http
    with:
      method: POST
      url: http://127.0.0.1:${port}/deployments/{{ params.service }}/rollback
      headers:
        Authorization: { env: CAUSEWAY_DEMO_DEPLOY_TOKEN, prefix: 'Bearer ' }
      expectStatus: 200
    risk: low
    approval:
      from: [sre]
    timeout: 10s`;
  return `id: demo-auto-rollback
title: Roll back the last deploy (earns autonomy)
autonomy: autonomous
match:
  kinds: [deploy]
params:
  service:
    type: string
    from: hypothesis.service
steps:
  - id: rollback
    name: Roll back {{ params.service }}
    ${call}
    onFailure: rollback
    verify:
      id: recovered
      name: Error rate of {{ params.service }} back under 5 %
      uses: check
      with:
        signal: error-rate
        service: '{{ params.service }}'
        below: 0.05
        every: 0.2s
      timeout: 10s
    rollback:
      - id: forward
        name: Roll {{ params.service }} forward again
        ${call.replaceAll('\n    ', '\n        ')}
`;
}
