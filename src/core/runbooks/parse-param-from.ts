import type { ParamFrom } from './runbook.ts';

/** Reads `alert.labels.NAME`, `alert.service`, `alert.name`, `hypothesis.service|kind|changeId`. */
export function parseParamFrom(text: string): ParamFrom | undefined {
  const label = /^alert\.labels\.([A-Za-z_][A-Za-z0-9_.-]*)$/.exec(text);
  if (label) return { kind: 'alert.label', label: label[1] as string };
  switch (text) {
    case 'alert.service':
    case 'alert.name':
    case 'hypothesis.service':
    case 'hypothesis.kind':
    case 'hypothesis.changeId':
      return { kind: text };
    default:
      return undefined;
  }
}
