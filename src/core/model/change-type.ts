export const CHANGE_TYPES = ['deploy', 'rollback', 'config', 'feature_flag', 'infra', 'scale'] as const;

export type ChangeType = (typeof CHANGE_TYPES)[number];
