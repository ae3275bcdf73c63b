import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { describeNetworkError, errorChainText, isProxyAuthRefusal, isProxyUnreachable } from '../../../../../main/sync/net/networkErrors';

const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
// How fetch reports the same failures: a TypeError whose cause is undici's error.
const viaFetch = (cause: unknown) => new TypeError('fetch failed', { cause });

describe('network error shapes of undici request and of fetch', () => {
  it('describes an error by its code and message, whether bare (request) or as a cause (fetch)', () => {
    const socket = new errors.SocketError('other side closed');
    expect(describeNetworkError(socket)).toBe('UND_ERR_SOCKET (other side closed)');
    expect(describeNetworkError(viaFetch(socket))).toBe('UND_ERR_SOCKET (other side closed)');
    expect(describeNetworkError(refused('127.0.0.1:9'))).toBe('ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:9)');
    expect(describeNetworkError(new errors.RequestAbortedError())).toBe('UND_ERR_ABORTED (Request aborted)');
    expect(describeNetworkError(new Error('plain'))).toBe('plain');
  });

  it('describes an AggregateError (IPv6 and IPv4 both tried) by its parts', () => {
    const both = Object.assign(new AggregateError([refused('::1:80'), refused('127.0.0.1:80')], ''), { code: 'ECONNREFUSED' });
    expect(describeNetworkError(both)).toBe('ECONNREFUSED (connect ECONNREFUSED ::1:80; connect ECONNREFUSED 127.0.0.1:80)');
    expect(isProxyUnreachable(new AggregateError([refused('::1:80')], ''))).toBe(true);
  });

  it('tells an unreachable proxy from a failure behind it', () => {
    expect(isProxyUnreachable(refused('127.0.0.1:3128'))).toBe(true);
    expect(isProxyUnreachable(viaFetch(refused('127.0.0.1:3128')))).toBe(true);
    // Its message does not name the code, so only the code can say it.
    const connectTimeout = new errors.ConnectTimeoutError();
    expect(isProxyUnreachable(connectTimeout)).toBe(true);
    expect(isProxyUnreachable(viaFetch(connectTimeout))).toBe(true);
    expect(isProxyUnreachable(Object.assign(new Error('getaddrinfo ENOTFOUND proxy.corp'), { code: 'ENOTFOUND' }))).toBe(true);
    expect(isProxyUnreachable(new errors.SocketError('other side closed'))).toBe(false);
    expect(isProxyUnreachable(new errors.RequestAbortedError())).toBe(false);
  });

  it("recognises undici's two ways of reporting a 407", () => {
    expect(isProxyAuthRefusal(new errors.InvalidArgumentError('Proxy Authentication Required (407)'))).toBe(true);
    expect(isProxyAuthRefusal(viaFetch(new errors.RequestAbortedError('Proxy response (407) !== 200 when HTTP Tunneling')))).toBe(true);
    expect(isProxyAuthRefusal(refused('127.0.0.1:4071'))).toBe(false);
  });

  it('lists codes and messages along the cause chain', () => {
    expect(errorChainText(viaFetch(new errors.SocketError('other side closed')))).toBe('fetch failed | UND_ERR_SOCKET: other side closed');
  });
});
