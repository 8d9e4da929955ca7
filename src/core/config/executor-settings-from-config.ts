import type { ExecutorSettings } from '../runbooks/executor-settings.ts';
import type { Config } from './config-schema.ts';

/** The executors' allowlists from `runbooks.*`. */
export function executorSettingsFromConfig(config: Readonly<Config>): ExecutorSettings {
  const r = config.runbooks;
  return {
    httpAllowHosts: r.http.allowHosts,
    commandAllow: r.command.allow,
    commandAllowProgramRunners: r.command.allowProgramRunners,
    kubectlPath: r.kubectl.path,
    kubectlNamespaces: r.kubectl.namespaces,
    secretEnv: r.secretEnv,
  };
}
