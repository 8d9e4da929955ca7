import { describe, expect, it } from 'vitest';
import { logFormatRegex } from '../../../src/core/logs/log-format-regex.ts';
import { loghubLogFormats } from '../../../src/core/logs/loghub-log-formats.ts';

const formatOf = (name: string) => loghubLogFormats.find((s) => s.name === name)!.format;

describe('logFormatRegex', () => {
  it('cuts the HDFS header off', () => {
    const line =
      '081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating';
    const groups = logFormatRegex(formatOf('HDFS')).exec(line)?.groups;
    expect(groups?.Component).toBe('dfs.DataNode$PacketResponder');
    expect(groups?.Content).toBe('PacketResponder 1 for block blk_38865049064139660 terminating');
  });

  it('handles optional groups (Linux without a pid) and double spaces (Mac)', () => {
    const linux = logFormatRegex(formatOf('Linux')).exec('Jun 14 15:16:01 combo kernel: Linux version 2.6.5')?.groups;
    expect(linux?.Content).toBe('Linux version 2.6.5');
    const mac = logFormatRegex(formatOf('Mac')).exec(
      'Jul  1 09:01:05 calvisitor-10-105-160-95 com.apple.CDScheduler[43]: Thermal pressure state: 1',
    )?.groups;
    expect(mac?.Content).toBe('Thermal pressure state: 1');
  });

  it('does not match a line of another shape', () => {
    expect(logFormatRegex(formatOf('HDFS')).exec('no header here')).toBeNull();
  });
});
