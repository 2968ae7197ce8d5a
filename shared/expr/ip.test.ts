import { describe, expect, it } from 'vitest';
import { cidrContains, formatIp, parseCidr, parseIp } from './ip';

const ip = (text: string) => {
  const r = parseIp(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const cidr = (text: string) => {
  const r = parseCidr(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('addresses', () => {
  it.each([
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['::', '::'],
    ['::1', '::1'],
    ['2001:DB8:0:0:0:0:0:7', '2001:db8::7'],
    ['fe80::1:0:0:2', 'fe80::1:0:0:2'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['::ffff:10.0.0.1', '::ffff:a00:1'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
  ])('%s reads as %s', (text, canonical) => {
    expect(formatIp(ip(text))).toBe(canonical);
  });

  it.each([
    ['1.2.3', 'four numbers'],
    ['1.2.3.4.5', 'four numbers'],
    ['1.2..4', 'a number is missing'],
    ['1.2.3.256', '256 is over 255'],
    ['01.2.3.4', 'leading zero'],
    ['1.2.3.x', 'x is not a number'],
    ['1::2::3', ':: may appear only once'],
    ['1:2:3:4:5:6:7', 'eight groups'],
    ['1:2:3:4:5:6:7:8:9', 'eight groups'],
    ['1:2:3:4::5:6:7:8', 'too many groups'],
    ['12345::', 'not a group of 1 to 4 hex digits'],
    ['g::1', 'not a group'],
    ['1.2.3.4::', 'IPv4 part may only come last'],
    ['', 'four numbers'],
  ])('%j is refused: %s', (text, reason) => {
    const r = parseIp(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});

describe('CIDR blocks', () => {
  it.each([
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['192.168.4.0/22', '192.168.7.200', true],
    ['192.168.4.0/22', '192.168.8.1', false],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['1.2.3.4/32', '1.2.3.4', true],
    ['1.2.3.4', '1.2.3.5', false],
    ['fe80::/10', 'febf::1', true],
    ['fe80::/10', 'fec0::1', false],
    ['2001:db8::/127', '2001:db8::1', true],
    ['2001:db8::/128', '2001:db8::1', false],
    ['::/0', '10.0.0.1', false],
    ['0.0.0.0/0', '::1', false],
  ])('%s contains %s: %s', (block, addr, expected) => {
    expect(cidrContains(cidr(block), ip(addr))).toBe(expected);
  });

  it.each([
    ['10.0.0.0/33', 'from 0 to 32'],
    ['10.0.0.0/', 'from 0 to 32'],
    ['10.0.0.0/x', 'from 0 to 32'],
    ['::/129', 'from 0 to 128'],
    ['10.0.0.1/8', 'did you mean 10.0.0.0/8?'],
    ['fe80::1/64', 'did you mean fe80::/64?'],
    ['300.0.0.0/8', '300 is over 255'],
  ])('%s is refused: %s', (text, reason) => {
    const r = parseCidr(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });
});
