import { describe, expect, it } from 'vitest';
import { toMaskFlags } from '../../../src/core/logs/mask-flags.ts';
import { type MaskKind, maskKinds } from '../../../src/core/logs/mask-kind.ts';
import { maskToken } from '../../../src/core/logs/mask-token.ts';

const all = toMaskFlags(maskKinds);
const mask = (token: string) => maskToken(token, all);
const without = (kind: MaskKind) => toMaskFlags(maskKinds.filter((k) => k !== kind));

describe('maskToken', () => {
  it.each([
    ['uuid', '123e4567-e89b-12d3-a456-426614174000', '<*>'],
    ['uuid in brackets', '[3edec1e4-9678-4a3a-a21b-a145a4ee5e61]', '[<*>]'],
    ['url', 'https://api.example.com/v1/orders?id=7', 'https://<*>'],
    ['url with nested scheme', 'jdbc:postgresql://db:5432/app', 'jdbc:postgresql://<*>'],
    ['email', 'alice@example.com', '<*>'],
    ['email in angle brackets', '<bob.smith+ops@mail.example.org>', '<<*>>'],
    ['absolute path', '/var/log/app/server.log', '<*>'],
    ['relative path', './config/app.yaml', '<*>'],
    ['home path', '~/data/x.csv', '<*>'],
    ['windows path', 'C:\\Program Files\\app.exe', '<*>'],
    ['path then port', '/10.251.107.19:50010', '<*>:<*>'],
    ['ipv4', '10.0.0.12', '<*>'],
    ['ipv4 with port', '10.251.73.220:50010', '<*>:<*>'],
    ['ipv4 in parens, comma', '(192.168.1.1),', '(<*>),'],
    ['ipv6', 'fe80::1ff:fe23:4567:890a', '<*>'],
    ['ipv6 full', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '<*>'],
    ['ipv6 with port', '[2001:db8::1]:443', '[<*>]:<*>'],
    ['hex with 0x', '0x1f3a', '<*>'],
    ['long hex', '54fadb412c4e40cdbaed9335e4c35a9e', '<*>'],
    ['duration ms', '1200ms', '<*>'],
    ['duration seconds', '1.5s', '<*>'],
    ['compound duration', '1h30m', '<*>'],
    ['size', '10KB', '<*>'],
    ['percent', '45%', '<*>'],
    ['integer', '503', '<*>'],
    ['decimal', '0.2477829', '<*>'],
    ['negative', '-127633188', '<*>'],
    ['date', '2017-05-16', '<*>'],
    ['clock time', '20:10:40', '<*>:<*>:<*>'],
    ['block id', 'blk_-6952295868487656571', '<*>'],
    ['attempt id', 'appattempt_1445144423722_0020_000001', '<*>'],
    ['node name', 'node-246', '<*>'],
    ['pod name', 'payment-5d8f7c9b-x2k4q', '<*>'],
    ['request id', 'req-38101a0b-2096-447d-96ea-a692162415ae', '<*>'],
    ['key=value', 'uid=0', 'uid=<*>'],
    ['key=word', 'status=failed', 'status=<*>'],
    ['quoted value', 'error="timeout"', 'error="<*>"'],
    ['empty value', 'ruser=', 'ruser='],
    ['host:port', '(redis:6379)', '(redis:<*>)'],
    ['java object', 'QuorumPeer$QuorumServer@4a8b2f1c', 'QuorumPeer$QuorumServer@<*>'],
  ])('masks %s', (_name, token, expected) => {
    expect(mask(token)).toBe(expected);
  });

  it.each([
    'ssh2',
    'jk2_init()',
    'HTTP/1.1"',
    'java.net.ConnectException:',
    'Step_LSC',
    'PacketResponder',
    'workerEnv.init()',
    'BLOCK*',
    '-',
    '/',
  ])('keeps the constant %s', (token) => {
    expect(mask(token)).toBe(token);
  });

  it('masks nothing when masking is off', () => {
    const none = toMaskFlags([]);
    for (const token of ['503', '10.0.0.1:80', 'uid=0', '/var/log/x', 'alice@example.com']) {
      expect(maskToken(token, none)).toBe(token);
    }
  });

  it('turns single classes off', () => {
    expect(maskToken('uid=0', without('keyValue'))).toBe('uid=<*>'); // the number still goes
    expect(maskToken('level=error', without('keyValue'))).toBe('level=error');
    expect(maskToken('1200ms', without('duration'))).toBe('1200ms');
    expect(maskToken('/var/log/x', without('path'))).toBe('/var/log/x');
    expect(maskToken('10.0.0.1', without('ip'))).toBe('10.0.0.1');
    expect(maskToken('alice@example.com', without('email'))).toBe('alice@example.com');
    expect(maskToken('503', without('number'))).toBe('503');
  });
});
