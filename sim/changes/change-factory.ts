import type { Rng } from '../core/rng.ts';
import type { ChangeRecord } from './change-record.ts';

const PEOPLE = [
  'dana',
  'j.kowalski',
  'mpatel',
  'emma.r',
  'tobias',
  'lin.wei',
  'akira.s',
  'fatima.z',
  'oscar',
  'priya.n',
  'sam.okafor',
  'lucia',
  'h.nguyen',
  'ben',
  'chloe.m',
  'r.ivanova',
  'kwame',
  'noah.b',
];
const BOTS = ['renovate[bot]', 'dependabot[bot]', 'ci-bot', 'argocd', 'flux', 'release-bot'];

type Tool = 'github' | 'argocd' | 'spinnaker' | 'jenkins' | 'gitlab';

export type ChangeFactory = {
  readonly deploy: (p: {
    service: string;
    at: number;
    durationMs: number;
    version: string;
    previous: string;
    description: string;
    rollback?: boolean;
    status?: string;
    bot?: boolean;
  }) => ChangeRecord;
  readonly config: (p: { service: string; at: number; description: string; flag?: string }) => ChangeRecord;
  readonly infra: (p: {
    service: string;
    at: number;
    durationMs: number;
    description: string;
    scale?: boolean;
  }) => ChangeRecord;
};

/**
 * Makes change events with the ids, URLs and authors of the organisation's tooling
 * (GitHub deployments, Argo CD, Spinnaker, Jenkins or GitLab; LaunchDarkly or Unleash
 * flags; Terraform runs or ServiceNow changes).
 */
export function createChangeFactory(rng: Rng, org: string, env: string): ChangeFactory {
  const tool = rng.pick<Tool>(['github', 'argocd', 'spinnaker', 'jenkins', 'gitlab']);
  const flags = rng.pick(['launchdarkly', 'unleash', 'flagsmith'] as const);
  const infraTool = rng.pick(['terraform', 'servicenow'] as const);
  let seq = rng.int(1200, 98000);
  const people = rng.shuffle(PEOPLE).slice(0, rng.int(5, 10));
  const person = () => rng.pick(people);
  const ghHost = rng.pick(['github.com', `github.${org}.internal`, 'github.example']);
  return {
    deploy: (p) => {
      const n = seq++;
      const sha = rng.hex(40);
      const short = sha.slice(0, 7);
      let id: string;
      let url: string;
      let author = p.bot ? rng.pick(BOTS) : person();
      switch (tool) {
        case 'github':
          id = `gh-deploy-${n}`;
          url = `https://${ghHost}/${org}/${p.service}/deployments/${n}`;
          break;
        case 'argocd':
          id = `argocd-${p.service}-${n}`;
          url = `https://argocd.${org}.internal/applications/argocd/${p.service}-${env}?view=tree&resource=&revision=${short}`;
          if (rng.chance(0.4)) author = 'argocd';
          break;
        case 'spinnaker': {
          const ex = rng.chars('0123456789ABCDEFGHJKMNPQRSTVWXYZ', 26);
          id = `spin-${ex.slice(0, 10).toLowerCase()}`;
          url = `https://spinnaker.${org}.io/#/applications/${p.service}/executions/details/${ex}`;
          break;
        }
        case 'jenkins':
          id = `jenkins-${p.service}-deploy-${n % 5000}`;
          url = `https://jenkins.${org}.internal/job/${p.service}-deploy/${n % 5000}/`;
          break;
        case 'gitlab':
          id = `gl-deploy-${n}`;
          url = `https://gitlab.${org}.com/${org}/${p.service}/-/environments/${rng.int(3, 40)}/deployments/${n}`;
          break;
      }
      return {
        id,
        type: p.rollback ? 'rollback' : 'deploy',
        service: p.service,
        startedAt: p.at,
        finishedAt: p.at + p.durationMs,
        version: p.version,
        previousVersion: p.previous,
        status: p.status ?? 'succeeded',
        author,
        commit: short,
        url,
        description: p.description,
      };
    },
    config: (p) => {
      const n = seq++;
      if (p.flag) {
        const id =
          flags === 'launchdarkly'
            ? `ld-${p.flag}-${n % 1000}`
            : flags === 'unleash'
              ? `unleash-${n}`
              : `flagsmith-${n}`;
        const url =
          flags === 'launchdarkly'
            ? `https://app.launchdarkly.com/${org}/production/features/${p.flag}`
            : flags === 'unleash'
              ? `https://unleash.${org}.internal/projects/default/features/${p.flag}`
              : `https://app.flagsmith.com/project/${rng.int(100, 999)}/environment/prod/features?feature=${p.flag}`;
        return {
          id,
          type: 'feature_flag',
          service: p.service,
          startedAt: p.at,
          finishedAt: p.at + rng.int(0, 2000),
          status: 'succeeded',
          author: person(),
          url,
          description: p.description,
        };
      }
      const sha = rng.hex(7);
      const id = rng.chance(0.5) ? `cfg-${p.service}-${sha}` : `config-${n}`;
      return {
        id,
        type: 'config',
        service: p.service,
        startedAt: p.at,
        finishedAt: p.at + rng.int(5_000, 60_000),
        status: 'succeeded',
        author: person(),
        commit: sha,
        url: `https://${ghHost}/${org}/platform-config/commit/${sha}`,
        description: p.description,
      };
    },
    infra: (p) => {
      const n = seq++;
      if (p.scale)
        return {
          id: `hpa-${p.service}-${n % 10000}`,
          type: 'scale',
          service: p.service,
          startedAt: p.at,
          finishedAt: p.at + p.durationMs,
          status: 'succeeded',
          author: 'horizontal-pod-autoscaler',
          description: p.description,
        };
      const id =
        infraTool === 'terraform'
          ? `tf-run-${rng.chars('abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ123456789', 16)}`
          : `CHG${String(n * 7).padStart(7, '0')}`;
      const url =
        infraTool === 'terraform'
          ? `https://app.terraform.io/app/${org}/workspaces/${env}-platform/runs/${id.replace('tf-', '')}`
          : `https://${org}.service-now.com/change_request.do?number=${id}`;
      return {
        id,
        type: 'infra',
        service: p.service,
        startedAt: p.at,
        finishedAt: p.at + p.durationMs,
        status: 'succeeded',
        author: person(),
        url,
        description: p.description,
      };
    },
  };
}
