import { describe, expect, it } from 'vitest';
import { parseProxyUrl } from '../../../../shared/model/network';

describe('parseProxyUrl', () => {
  it('normalizes http(s) proxy addresses and adds http:// to host:port', () => {
    expect(parseProxyUrl('http://proxy.example:3128')).toEqual({ ok: true, url: 'http://proxy.example:3128' });
    expect(parseProxyUrl(' proxy.example:3128/ ')).toEqual({ ok: true, url: 'http://proxy.example:3128' });
    expect(parseProxyUrl('HTTPS://Proxy.Example')).toEqual({ ok: true, url: 'https://proxy.example' });
    expect(parseProxyUrl('[::1]:8080')).toEqual({ ok: true, url: 'http://[::1]:8080' });
  });

  it('returns credentials from the URL separately', () => {
    expect(parseProxyUrl('http://us%40er:p%20w@p.example:1')).toEqual({ ok: true, url: 'http://p.example:1', username: 'us@er', password: 'p w' });
  });

  it('names the problem with anything else', () => {
    expect(parseProxyUrl('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseProxyUrl('http://')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseProxyUrl('proxy example:80')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseProxyUrl('http://p:99999')).toEqual({ ok: false, problem: 'invalid' });
    expect(parseProxyUrl('socks5://p:1080')).toEqual({ ok: false, problem: 'scheme' });
    expect(parseProxyUrl('ftp://p:21')).toEqual({ ok: false, problem: 'scheme' });
    expect(parseProxyUrl('http://p:80/path')).toEqual({ ok: false, problem: 'path' });
    expect(parseProxyUrl('http://p:80/?q=1')).toEqual({ ok: false, problem: 'path' });
  });
});
