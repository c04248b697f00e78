import { describe, expect, it } from 'vitest';
import { createHttpAllowlist } from '../../src/security/http-allowlist.js';
import { embeddedIpv4, isBlockedAddress } from '../../src/security/ip-ranges.js';

describe('blocked address ranges', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.251',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00:ec2::254',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '2002:c0a8:101::1',
    'not-an-ip',
  ])('%s is blocked', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('%s is allowed', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it('reads the IPv4 address inside mapped, NAT64 and 6to4 IPv6 forms', () => {
    expect(embeddedIpv4('::ffff:7f00:1')).toBe('127.0.0.1');
    expect(embeddedIpv4('64:ff9b::c0a8:101')).toBe('192.168.1.1');
    expect(embeddedIpv4('2002:0a00:0001::')).toBe('10.0.0.1');
    expect(embeddedIpv4('2606:4700::1')).toBeNull();
  });
});

describe('HTTP allowlist', () => {
  const allowlist = createHttpAllowlist([
    'radio.lan',
    '*.home.arpa',
    '192.168.1.0/24',
    'fd00::/8',
    '127.0.0.1',
  ]);

  it('matches host names, wildcard sub-domains, CIDRs and single addresses', () => {
    expect(allowlist.allowsHost('RADIO.lan')).toBe(true);
    expect(allowlist.allowsHost('nas.home.arpa')).toBe(true);
    expect(allowlist.allowsHost('home.arpa')).toBe(false);
    expect(allowlist.allowsAddress('192.168.1.77')).toBe(true);
    expect(allowlist.allowsAddress('192.168.2.1')).toBe(false);
    expect(allowlist.allowsAddress('fd12::1')).toBe(true);
    expect(allowlist.allowsAddress('127.0.0.1')).toBe(true);
    expect(allowlist.allowsAddress('127.0.0.2')).toBe(false);
  });

  it('GIVEN a malformed CIDR THEN throws at start', () => {
    expect(() => createHttpAllowlist(['10.0.0.0/33'])).toThrow(/Invalid CIDR/);
  });
});
