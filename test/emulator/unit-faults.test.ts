import { FaultInjector, pathMatches, validateRule } from '../../src/emulator/admin/faults';
import { isLoopback } from '../../src/emulator/admin/loopback';
import { redactUrl, RequestLog } from '../../src/emulator/admin/request-log';
import { captureBody } from '../../src/emulator/admin/body-capture';
import { PassThrough } from 'node:stream';

describe('FaultInjector', () => {
  it('applies a rule to the next `times` matching requests, then drops it', () => {
    const faults = new FaultInjector();
    faults.add({ path: '/crm/v2/Leads', status: 500, times: 2 });
    expect(faults.take('GET', '/crm/v2/Contacts')).toBeUndefined();
    expect(faults.take('GET', '/crm/v2/Leads')?.status).toBe(500);
    expect(faults.take('POST', '/crm/v2/Leads')?.status).toBe(500);
    expect(faults.size).toBe(0);
    expect(faults.take('GET', '/crm/v2/Leads')).toBeUndefined();
  });

  it('matches the method case-insensitively and a trailing * as a prefix', () => {
    const faults = new FaultInjector();
    faults.add({ method: 'post', path: '/oauth/*', status: 503 });
    expect(faults.take('GET', '/oauth/v2/token')).toBeUndefined();
    expect(faults.take('POST', '/oauth/v2/token')?.status).toBe(503);
    expect(faults.take('POST', '/oauth/v2/token')?.status).toBe(503);
    expect(faults.size).toBe(1);
  });

  it('uses the first matching rule in the order added', () => {
    const faults = new FaultInjector();
    faults.add({ path: '/crm/*', status: 429, times: 1 });
    faults.add({ path: '/crm/v2/Leads', status: 500 });
    expect(faults.take('GET', '/crm/v2/Leads')?.status).toBe(429);
    expect(faults.take('GET', '/crm/v2/Leads')?.status).toBe(500);
    faults.clear();
    expect(faults.size).toBe(0);
  });

  it('refuses rules that could never work, naming the property', () => {
    const bad: Array<[unknown, RegExp]> = [
      [null, /must be an object/],
      [[{ path: '/x', status: 500 }], /must be an object/],
      [{ status: 500 }, /"path"/],
      [{ path: 'crm/v2/Leads', status: 500 }, /"path"/],
      [{ path: '/x', status: 500, times: 0 }, /"times"/],
      [{ path: '/x', status: 500, times: 1.5 }, /"times"/],
      [{ path: '/x', status: 99 }, /"status"/],
      [{ path: '/x', status: '500' }, /"status"/],
      [{ path: '/x', status: 500, headers: { 'Retry-After': 5 } }, /"headers"/],
      [{ path: '/x', delayMs: -1 }, /"delayMs"/],
      [{ path: '/x', delayMs: 10 * 60 * 1000 }, /"delayMs"/],
      [{ path: '/x', drop: 'yes' }, /"drop"/],
      [{ path: '/x', method: 7, status: 500 }, /"method"/],
      [{ path: '/x' }, /needs "status", "answer", "delayMs", "drop" or "dropAnswerAfterCommit"/],
      [{ path: '/x', drop: false }, /needs "status", "answer", "delayMs", "drop" or "dropAnswerAfterCommit"/],
    ];
    for (const [rule, message] of bad) expect(() => validateRule(rule)).toThrow(message);
    const faults = new FaultInjector();
    expect(() => faults.add({ path: '/x' })).toThrow();
    expect(faults.size).toBe(0);
    expect(() =>
      validateRule({ path: '/x', status: 429, headers: { 'Retry-After': '5' }, times: 3, delayMs: 0 }),
    ).not.toThrow();
  });

  it('pathMatches compares exactly unless the pattern ends with *', () => {
    expect(pathMatches('/crm/v2/Leads', '/crm/v2/Leads')).toBe(true);
    expect(pathMatches('/crm/v2/Leads', '/crm/v2/Leads/1')).toBe(false);
    expect(pathMatches('/crm/v2/Leads*', '/crm/v2/Leads/1')).toBe(true);
    expect(pathMatches('*', '/anything')).toBe(true);
  });
});

describe('isLoopback', () => {
  it('accepts IPv4 and IPv6 loopback, including IPv4-mapped', () => {
    for (const address of [
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '::ffff:127.0.0.1',
      '::FFFF:127.0.0.2',
      '0:0:0:0:0:0:0:1',
    ]) {
      expect(isLoopback(address)).toBe(true);
    }
  });

  it('refuses every other address, and a missing one', () => {
    for (const address of [
      undefined,
      '',
      '10.0.0.1',
      '192.168.1.127',
      '::ffff:10.0.0.1',
      '127.0.0.1.evil',
      '1270.0.0.1',
      '127.0.0.999',
      'fe80::1',
      '::',
    ]) {
      expect(isLoopback(address)).toBe(false);
    }
  });
});

describe('request log', () => {
  it('redacts token, code and secret values in logged URLs', () => {
    expect(
      redactUrl(
        '/oauth/v2/token?grant_type=refresh_token&client_id=1000.ABC&client_secret=s3cret&refresh_token=1000.aa.bb',
      ),
    ).toBe('/oauth/v2/token?grant_type=refresh_token&client_id=1000.ABC&client_secret=***&refresh_token=***');
    expect(redactUrl('/oauth/v2/token/revoke?token=1000.aa.bb')).toBe('/oauth/v2/token/revoke?token=***');
    expect(redactUrl('/oauth/v2/token?code=1000.x.y&access_token=z&scope=a')).toBe(
      '/oauth/v2/token?code=***&access_token=***&scope=a',
    );
    expect(redactUrl('/crm/v2/Leads?fields=Last_Name&zcode=keep')).toBe(
      '/crm/v2/Leads?fields=Last_Name&zcode=keep',
    );
  });

  it('keeps the newest entries up to its capacity, numbered in order', () => {
    const log = new RequestLog(2);
    for (const path of ['/a', '/b', '/c']) log.add({ time: 't', method: 'GET', url: path, path });
    expect(log.list().map((e) => [e.seq, e.path])).toEqual([
      [2, '/b'],
      [3, '/c'],
    ]);
    log.clear();
    expect(log.list()).toEqual([]);
  });

  it('drops the oldest bodies once the kept bodies pass its byte budget', async () => {
    const log = new RequestLog(10, 10);
    for (const text of ['{"a":1}', '{"b":2}', '{"c":3}']) {
      const source = new PassThrough();
      const { stream, captured } = captureBody(source, 'application/json');
      source.end(text);
      for await (const chunk of stream) void chunk;
      log.add({ time: 't', method: 'POST', url: '/x', path: '/x', capturedBody: captured });
    }
    expect(log.list().map((e) => e.body)).toEqual([
      { dropped: true, size: 7 },
      { dropped: true, size: 7 },
      { c: 3 },
    ]);
  });
});
