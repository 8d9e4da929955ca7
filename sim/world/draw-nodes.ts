import type { Rng } from '../core/rng.ts';

/** Names of the cluster's worker nodes, in the naming of the cloud the cluster name suggests. */
export function drawNodes(rng: Rng, cluster: string): string[] {
  const count = rng.int(4, 12);
  const out: string[] = [];
  const gkeId = rng.hex(8);
  const aksId = String(rng.int(10000000, 99999999));
  const region = /(eu|us|ap)-[a-z]+-\d/.exec(cluster)?.[0] ?? rng.pick(['eu-west-1', 'us-east-1']);
  for (let i = 0; i < count; i++) {
    if (cluster.includes('gke') || cluster.includes('europe-west'))
      out.push(
        `gke-${cluster.split('-')[0]}-default-pool-${gkeId}-${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 4)}`,
      );
    else if (cluster.includes('aks') || cluster.includes('eastus'))
      out.push(`aks-nodepool1-${aksId}-vmss${String(i).padStart(6, '0')}`);
    else if (cluster.includes('eks') || /-(eu|us|ap)-/.test(cluster))
      out.push(`ip-10-${rng.int(0, 60)}-${rng.int(0, 255)}-${rng.int(2, 254)}.${region}.compute.internal`);
    else out.push(`worker-${String(i + 1).padStart(2, '0')}`);
  }
  return out;
}
