import { describe, expect, it } from 'vitest';
import { envProxyFor, envProxyResolver, matchesNoProxy } from '../../../../../main/sync/net/envProxyResolver';

const noProxy = (url: string, list: string) => matchesNoProxy(new URL(url), list);

describe('matchesNoProxy', () => {
  it('matches a name and its subdomains, with or without a leading dot or *.', () => {
    for (const entry of ['example.com', '.example.com', '*.example.com']) {
      expect(noProxy('http://example.com/', entry)).toBe(true);
      expect(noProxy('https://news.example.com/a', entry)).toBe(true);
      expect(noProxy('http://notexample.com/', entry)).toBe(false);
      expect(noProxy('http://example.com.evil.net/', entry)).toBe(false);
    }
  });

  it('splits on commas and spaces, ignores case and empty entries', () => {
    const list = ' intranet.local ,, Gov.VN  other.org';
    expect(noProxy('http://baochinhphu.gov.vn/', list)).toBe(true);
    expect(noProxy('http://x.intranet.local/', list)).toBe(true);
    expect(noProxy('http://other.org/', list)).toBe(true);
    expect(noProxy('http://example.org/', list)).toBe(false);
    expect(noProxy('http://example.org/', '')).toBe(false);
  });

  it('honours ports, wildcards, exact IPs and IPv4 ranges', () => {
    expect(noProxy('http://example.com:8080/', 'example.com:8080')).toBe(true);
    expect(noProxy('http://example.com/', 'example.com:8080')).toBe(false);
    expect(noProxy('https://example.com/', 'example.com:443')).toBe(true);
    expect(noProxy('http://anything.example/', '*')).toBe(true);
    expect(noProxy('http://10.1.2.3/', '10.1.2.3')).toBe(true);
    expect(noProxy('http://10.1.2.4/', '10.1.2.3')).toBe(false);
    expect(noProxy('http://10.1.2.4/', '10.0.0.0/8')).toBe(true);
    expect(noProxy('http://11.1.2.4/', '10.0.0.0/8')).toBe(false);
    expect(noProxy('http://192.168.1.200/', '192.168.1.128/25')).toBe(true);
    expect(noProxy('http://192.168.1.100/', '192.168.1.128/25')).toBe(false);
    expect(noProxy('http://[2001:db8::1]/', '2001:db8::1')).toBe(true);
    expect(noProxy('http://[2001:db8::1]:81/', '[2001:db8::1]:81')).toBe(true);
  });
});

describe('envProxyFor', () => {
  it('uses HTTP_PROXY for http and HTTPS_PROXY for https, lower case first', () => {
    const env = { HTTP_PROXY: 'http://upper:3128', http_proxy: 'http://lower:3128', HTTPS_PROXY: 'secure.example:8443' };
    expect(envProxyFor('http://site.example/a', env)).toBe('PROXY lower:3128');
    expect(envProxyFor('https://site.example/a', env)).toBe('PROXY secure.example:8443');
    expect(envProxyFor('https://site.example/a', { HTTP_PROXY: 'http://p:1' })).toBe('DIRECT');
    expect(envProxyFor('https://site.example/a', { ALL_PROXY: 'http://all:1' })).toBe('PROXY all:1');
  });

  it('keeps credentials, maps https and SOCKS proxies, and never echoes a malformed value', () => {
    expect(envProxyFor('http://s.example/', { http_proxy: 'http://us%40er:p%3Ass@p.example:8080' })).toBe('PROXY us%40er:p%3Ass@p.example:8080');
    expect(envProxyFor('http://s.example/', { http_proxy: 'https://p.example' })).toBe('HTTPS p.example:443');
    expect(envProxyFor('http://s.example/', { http_proxy: 'http://p.example' })).toBe('PROXY p.example:80');
    expect(envProxyFor('http://s.example/', { http_proxy: 'socks5://s.example' })).toBe('SOCKS5 s.example:1080');
    expect(envProxyFor('http://s.example/', { http_proxy: 'http://user:secret@[bad' })).toBe('INVALID-ENV-PROXY');
  });

  it('goes direct for NO_PROXY hosts and loopback', async () => {
    const env = { HTTP_PROXY: 'http://p:1', NO_PROXY: 'gov.vn' };
    expect(envProxyFor('http://baochinhphu.gov.vn/', env)).toBe('DIRECT');
    expect(envProxyFor('http://example.org/', { ...env, no_proxy: 'example.org' })).toBe('DIRECT');
    expect(envProxyFor('http://example.org/', env)).toBe('PROXY p:1');
    for (const local of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://[::1]/', 'http://app.localhost/']) {
      expect(envProxyFor(local, env)).toBe('DIRECT');
    }
    expect(await envProxyResolver(env)('http://example.org/x')).toBe('PROXY p:1');
    expect(await envProxyResolver({})('http://example.org/x')).toBe('DIRECT');
  });
});
