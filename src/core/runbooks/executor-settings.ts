/** What the executors may reach, from the configuration (`runbooks.*`). */
export type ExecutorSettings = {
  readonly httpAllowHosts: readonly string[];
  readonly commandAllow: readonly string[];
  /** runbooks.command.allowProgramRunners: whether `commandAllow` may hold shells, interpreters and wrappers (dangerous). */
  readonly commandAllowProgramRunners: boolean;
  readonly kubectlPath: string;
  readonly kubectlNamespaces: readonly string[];
  readonly secretEnv: readonly string[];
  /**
   * false only to read runbooks (list, validate without a configuration, a dry-run plan): the
   * allowlists above are not checked. Anything that executes leaves it unset (checked).
   */
  readonly checkAllowlists?: boolean;
};
