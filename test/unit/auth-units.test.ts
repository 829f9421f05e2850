import { mkdirSync, mkdtempSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SingleFlight } from '../../src/auth/single-flight';
import { expiresInMs, isFresh } from '../../src/auth/oauth-tokens';
import { withFileLock } from '../../src/auth/stores/file-lock';
import { currentUserEmail, runAs } from '../../src/auth/user-context';
import { ValidationException, ZCRMException } from '../../src/errors';

describe('token expiry', () => {
  it('accepts both expires_in forms', () => {
    expect(expiresInMs({ expires_in: 3600 })).toBe(3_600_000);
    expect(expiresInMs({ expires_in: 3_600_000, expires_in_sec: 3600 })).toBe(3_600_000);
  });

  it('counts a token as fresh only outside the margin', () => {
    const tokens = { userEmail: 'a@b.co', accessToken: 'a', refreshToken: 'r', expiryTime: 10_000 };
    expect(isFresh(tokens, 4_000, 5_000)).toBe(true);
    expect(isFresh(tokens, 5_000, 5_000)).toBe(false);
  });
});

describe('SingleFlight', () => {
  it('runs concurrent work for one key once, and again after it settles', async () => {
    const flight = new SingleFlight<number>();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return runs;
    };
    const results = await Promise.all([
      flight.run('k', work),
      flight.run('k', work),
      flight.run('other', work),
    ]);
    expect(results[0]).toBe(results[1]);
    expect(runs).toBe(2);
    await flight.run('k', work);
    expect(runs).toBe(3);
  });

  it('shares a failure and then forgets it', async () => {
    const flight = new SingleFlight<number>();
    const failing = () => Promise.reject(new Error('boom'));
    await expect(Promise.all([flight.run('k', failing), flight.run('k', failing)])).rejects.toThrow('boom');
    await expect(flight.run('k', async () => 7)).resolves.toBe(7);
  });
});

describe('runAs', () => {
  it('scopes the user across awaits and falls back to the configured user', async () => {
    expect(currentUserEmail('fallback@zylker.com')).toBe('fallback@zylker.com');
    await runAs('kevin.hart@zylker.com', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(currentUserEmail('fallback@zylker.com')).toBe('kevin.hart@zylker.com');
      await runAs('priya.raman@zylker.com', async () =>
        expect(currentUserEmail(undefined)).toBe('priya.raman@zylker.com'),
      );
      expect(currentUserEmail(undefined)).toBe('kevin.hart@zylker.com');
    });
  });

  it('fails clearly without any user, and refuses a non-email', () => {
    expect(() => currentUserEmail(undefined)).toThrow(ZCRMException);
    expect(() => currentUserEmail(undefined)).toThrow(/Current user should either be set/);
    expect(() => runAs('nobody', () => 1)).toThrow(ValidationException);
  });
});

describe('withFileLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zcrm-lock-'));

  it('serialises concurrent holders', async () => {
    const lock = join(dir, 'a.lock');
    let inside = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(lock, async () => {
          peak = Math.max(peak, ++inside);
          await new Promise((resolve) => setTimeout(resolve, 3));
          inside--;
        }),
      ),
    );
    expect(peak).toBe(1);
    expect(() => statSync(lock)).toThrow();
  });

  it('breaks a lock whose heartbeat stopped (its holder died)', async () => {
    const lock = join(dir, 'b.lock');
    mkdirSync(lock);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    await expect(withFileLock(lock, async () => 'got it', { timeoutMs: 1000 })).resolves.toBe('got it');
  });

  it('keeps a holder that outlives the stale time, thanks to its heartbeat', async () => {
    const lock = join(dir, 'd.lock');
    const order: string[] = [];
    const holder = withFileLock(
      lock,
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 3_500));
        order.push('holder done');
      },
      { staleMs: 1_500, heartbeatMs: 1_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const waiter = withFileLock(lock, async () => order.push('waiter in'), { staleMs: 1_500 });
    await Promise.all([holder, waiter]);
    expect(order).toEqual(['holder done', 'waiter in']);
  });

  it('times out on a live lock', async () => {
    const lock = join(dir, 'c.lock');
    let release!: () => void;
    const holder = withFileLock(lock, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(withFileLock(lock, async () => 1, { timeoutMs: 100 })).rejects.toMatchObject({
      errorCode: 'LOCK_TIMEOUT',
    });
    release();
    await holder;
  });
});
