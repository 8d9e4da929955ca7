/** What the executors may reach, from the configuration (`runbooks.*`). */
export type ExecutorSettings = {
  readonly httpAllowHosts: readonly string[];
  readonly commandAllow: readonly string[];
  readonly kubectlPath: string;
  readonly kubectlNamespaces: readonly string[];
  readonly secretEnv: readonly string[];
};
