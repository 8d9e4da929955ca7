// Kubernetes Deployment pods are named <deployment>-<replicaset hash>-<5 chars>. The hash must
// contain a digit, so that ordinary names such as `user-service-alpha-beta1` are left alone.
const DEPLOYMENT_POD = /^(.+?)-((?=[a-z0-9]*\d)[a-z0-9]{5,10})-[a-z0-9]{5}$/;

/** `checkout-7d9f8c6b5-x2k4q` → `checkout`; any other name is returned unchanged. */
export function serviceFromPodName(name: string): string {
  const m = DEPLOYMENT_POD.exec(name);
  return m?.[1] ?? name;
}

/** `checkout-7d9f8c6b5-x2k4q` → `7d9f8c6b5` (the ReplicaSet's pod template hash); undefined for other names. */
export function podTemplateHash(name: string): string | undefined {
  return DEPLOYMENT_POD.exec(name)?.[2];
}
