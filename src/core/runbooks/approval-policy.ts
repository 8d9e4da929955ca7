/** The approval policy from the configuration: approver groups (Slack user and user group ids) and expiry. */
export type ApprovalPolicy = {
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly expiryMs: number;
};
