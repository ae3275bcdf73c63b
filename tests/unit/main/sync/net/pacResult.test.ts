import { describe, expect, it } from 'vitest';
import { choosePacRoute, parsePacResult, usablePacRoutes } from '../../../../../main/sync/net/pacResult';

const route = (text: string) => choosePacRoute(parsePacResult(text));

describe('parsePacResult', () => {
  it('reads DIRECT, PROXY, HTTP and HTTPS entries in order', () => {
    expect(parsePacResult('PROXY proxy.example:3128; HTTPS secure.example:8443;DIRECT')).toEqual([
      { kind: 'proxy', scheme: 'http', host: 'proxy.example', port: 3128 },
      { kind: 'proxy', scheme: 'https', host: 'secure.example', port: 8443 },
      { kind: 'direct' },
    ]);
    expect(parsePacResult('HTTP 10.0.0.1:8080')).toEqual([{ kind: 'proxy', scheme: 'http', host: '10.0.0.1', port: 8080 }]);
  });

  it('treats an empty answer as DIRECT and is case-insensitive', () => {
    expect(parsePacResult('')).toEqual([{ kind: 'direct' }]);
    expect(parsePacResult('  ;  ')).toEqual([{ kind: 'direct' }]);
    expect(parsePacResult('direct')).toEqual([{ kind: 'direct' }]);
    expect(parsePacResult('proxy P.Example:1')).toEqual([{ kind: 'proxy', scheme: 'http', host: 'p.example', port: 1 }]);
  });

  it('fills in default ports and reads IPv6 literals', () => {
    expect(parsePacResult('PROXY p.example')).toEqual([{ kind: 'proxy', scheme: 'http', host: 'p.example', port: 80 }]);
    expect(parsePacResult('HTTPS p.example')).toEqual([{ kind: 'proxy', scheme: 'https', host: 'p.example', port: 443 }]);
    expect(parsePacResult('PROXY [::1]:3128')).toEqual([{ kind: 'proxy', scheme: 'http', host: '::1', port: 3128 }]);
  });

  it('marks SOCKS, QUIC and malformed entries unsupported instead of throwing', () => {
    expect(parsePacResult('SOCKS5 s.example:1080; SOCKS s:1; QUIC q:443; PROXY; PROXY h:99999; BOGUS')).toEqual([
      { kind: 'unsupported', scheme: 'SOCKS5', raw: 'SOCKS5 s.example:1080' },
      { kind: 'unsupported', scheme: 'SOCKS', raw: 'SOCKS s:1' },
      { kind: 'unsupported', scheme: 'QUIC', raw: 'QUIC q:443' },
      { kind: 'unsupported', scheme: 'PROXY', raw: 'PROXY' },
      { kind: 'unsupported', scheme: 'PROXY', raw: 'PROXY h:99999' },
      { kind: 'unsupported', scheme: 'BOGUS', raw: 'BOGUS' },
    ]);
    expect(parsePacResult('DIRECT extra')[0].kind).toBe('unsupported');
  });

  it('accepts percent-encoded credentials (our extension for environment proxies)', () => {
    expect(parsePacResult('PROXY us%40er:p%3Ass@p.example:8080')).toEqual([
      { kind: 'proxy', scheme: 'http', host: 'p.example', port: 8080, username: 'us@er', password: 'p:ss' },
    ]);
    expect(parsePacResult('PROXY %E0%A4%A:x@p:1')[0].kind).toBe('unsupported');
  });
});

describe('choosePacRoute', () => {
  it('takes the first usable entry', () => {
    expect(route('DIRECT')).toEqual({ kind: 'direct' });
    expect(route('PROXY a.example:1; DIRECT')).toEqual({ kind: 'proxy', url: 'http://a.example:1' });
    expect(route('HTTPS a.example:2; PROXY b:3')).toEqual({ kind: 'proxy', url: 'https://a.example:2' });
    expect(route('PROXY [::1]:8080')).toEqual({ kind: 'proxy', url: 'http://[::1]:8080' });
    expect(route('PROXY u:p@a:1')).toEqual({ kind: 'proxy', url: 'http://a:1', username: 'u', password: 'p' });
  });

  it('skips SOCKS for a later PROXY or DIRECT, and reports when nothing usable is left', () => {
    expect(route('SOCKS5 s:1080; PROXY p:3128')).toEqual({ kind: 'proxy', url: 'http://p:3128' });
    expect(route('SOCKS5 s:1080; DIRECT')).toEqual({ kind: 'direct' });
    expect(route('SOCKS5 s:1080; SOCKS4 t:1080; SOCKS5 u:1')).toEqual({ kind: 'unsupported', schemes: ['SOCKS5', 'SOCKS4'] });
  });
});

describe('usablePacRoutes', () => {
  it('lists every usable entry in order, once each, for failover', () => {
    expect(usablePacRoutes(parsePacResult('PROXY a:1; SOCKS5 s:1080; PROXY b:2; PROXY a:1; DIRECT; DIRECT'))).toEqual([
      { kind: 'proxy', url: 'http://a:1' },
      { kind: 'proxy', url: 'http://b:2' },
      { kind: 'direct' },
    ]);
    expect(usablePacRoutes(parsePacResult('SOCKS5 s:1080'))).toEqual([{ kind: 'unsupported', schemes: ['SOCKS5'] }]);
  });
});
