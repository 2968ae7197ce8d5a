import { describe, expect, it } from 'vitest';
import { base64ToHex, bytesToHex, normalizeParentId, normalizeSpanId, normalizeTraceId } from './ids';

describe('normalizeTraceId', () => {
  it.each([
    ['lowercase hex', '5b8efff798038103d269b633813fc60c', '5b8efff798038103d269b633813fc60c'],
    ['uppercase hex', '5B8EFFF798038103D269B633813FC60C', '5b8efff798038103d269b633813fc60c'],
    ['base64 (Konnect)', 'f1PA1H4PEgUZVrgFp2ljYw==', '7f53c0d47e0f12051956b805a7696363'],
    ['base64 without padding', 'f1PA1H4PEgUZVrgFp2ljYw', '7f53c0d47e0f12051956b805a7696363'],
    ['base64url alphabet', 'f1PA1H4PEgUZVrgFp2ljYw==', '7f53c0d47e0f12051956b805a7696363'],
    ['raw bytes', new Uint8Array(16).fill(0xab), 'ab'.repeat(16)],
  ])('%s', (_name, input, expected) => {
    expect(normalizeTraceId(input)).toBe(expected);
  });

  it.each([
    ['all zero', '00000000000000000000000000000000'],
    ['empty', ''],
    ['too short hex', '5b8efff798038103'],
    ['too long hex', '5b8efff798038103d269b633813fc60c00'],
    ['not hex, not base64', 'zz8efff798038103d269b633813fc6!!'],
    ['base64 of 8 bytes', 'jj/XTXTFu6s='],
    ['number', 12345],
    ['bytes of the wrong length', new Uint8Array(8)],
    ['undefined', undefined],
  ])('rejects %s', (_name, input) => {
    expect(normalizeTraceId(input)).toBeNull();
  });

  it('pads 64-bit Jaeger/Zipkin ids only when asked', () => {
    expect(normalizeTraceId('463ac35c9f6413ad')).toBeNull();
    expect(normalizeTraceId('463ac35c9f6413ad', true)).toBe('0000000000000000463ac35c9f6413ad');
    expect(normalizeTraceId('63ac35c9f6413ad', true)).toBe('00000000000000000' + '63ac35c9f6413ad');
  });
});

describe('normalizeSpanId and normalizeParentId', () => {
  it.each([
    ['hex', 'EEE19B7EC3C1B174', 'eee19b7ec3c1b174'],
    ['base64', 'jj/XTXTFu6s=', '8e3fd74d74c5bbab'],
    ['bytes', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), '0102030405060708'],
  ])('span id from %s', (_name, input, expected) => {
    expect(normalizeSpanId(input)).toBe(expected);
  });

  it.each([
    ['absent', undefined, ''],
    ['empty string', '', ''],
    ['all-zero hex', '0000000000000000', ''],
    ['all-zero base64', 'AAAAAAAAAAA=', ''],
    ['empty bytes', new Uint8Array(0), ''],
    ['a real parent', 'EEE19B7EC3C1B173', 'eee19b7ec3c1b173'],
    ['garbage', 'not-an-id', null],
  ])('parent %s', (_name, input, expected) => {
    expect(normalizeParentId(input)).toBe(expected);
  });
});

describe('byte helpers', () => {
  it('round-trips hex and base64', () => {
    expect(bytesToHex(new Uint8Array([0, 15, 16, 255]))).toBe('000f10ff');
    expect(base64ToHex('AQID', 3)).toBe('010203');
    expect(base64ToHex('AQID', 4)).toBeNull();
  });
});
