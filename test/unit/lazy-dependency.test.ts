/* eslint-disable @typescript-eslint/no-require-imports -- each test requires the SDK inside jest.isolateModules, which a static import cannot do */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type * as LazyDependency from '../../src/config/lazy-dependency';
import type { ConfigurationException } from '../../src/errors';

/** A `require` failure as Node reports a package that is not installed. */
function notInstalled(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- ${__filename}`), {
    code: 'MODULE_NOT_FOUND',
  });
}

/**
 * Runs `body` with the SDK modules in a fresh registry where `hidden` packages cannot be found, as in a
 * project that did not install them.
 */
function withoutPackages(hidden: string[], body: () => void): void {
  jest.isolateModules(() => {
    for (const name of hidden) {
      jest.doMock(name, () => {
        throw notInstalled(name);
      });
    }
    try {
      body();
    } finally {
      for (const name of hidden) jest.dontMock(name);
    }
  });
}

function expectMissingPackage(run: () => unknown, packageName: string, feature: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(Error);
  // The error class of the isolated registry that threw it, so compared by name.
  const error = thrown as ConfigurationException;
  expect(error.name).toBe('ConfigurationException');
  expect(error.errorCode).toBe('CONFIG_MISSING_PACKAGE');
  expect(error.key).toBe(packageName);
  expect(error.message).toMatch(feature);
  expect(error.message).toContain(`"${packageName}"`);
  expect(error.message).toContain(`npm install ${packageName}`);
}

describe('loadOptional', () => {
  const { loadOptional } = jest.requireActual<typeof LazyDependency>('../../src/config/lazy-dependency');

  it('returns the package when it is installed', () => {
    expect(loadOptional<typeof import('fflate')>('fflate', 'Zipping')).toBe(require('fflate'));
  });

  it('names the package, the feature and the install command when the package is missing', () => {
    expectMissingPackage(
      () => loadOptional('zcrm-test-no-such-package', 'The test feature'),
      'zcrm-test-no-such-package',
      /^.*The test feature needs the package/,
    );
  });

  it('rethrows the failure of an installed package that cannot load a module of its own', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zcrm-lazy-'));
    try {
      const broken = path.join(dir, 'broken.js');
      writeFileSync(broken, "require('zcrm-test-missing-inner-dependency');\n");
      expect(() => loadOptional(broken, 'The broken feature')).toThrow(
        /Cannot find module 'zcrm-test-missing-inner-dependency'/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('features that need packages not installed', () => {
  const heavy = [
    'typeorm',
    'ioredis',
    'bottleneck',
    'class-validator',
    'fastify',
    'mysql2',
    'pg',
    'better-sqlite3',
  ];

  it('the root entry point loads without any of the packages only some features need', () => {
    withoutPackages(heavy, () => {
      const root = require('../../src') as Record<string, unknown>;
      expect(typeof root.ZCRMRestClient).toBe('function');
      expect(typeof root.LineItem).toBe('function');
    });
  });

  it('the Redis limiter reports a missing ioredis', () => {
    withoutPackages(['ioredis'], () => {
      const { createLimiter } = require('../../src/http/steps/limiter');
      expectMissingPackage(
        () =>
          createLimiter({ id: 'lazy-test', maxConcurrent: 1, minTimeMs: 0, redis: 'redis://127.0.0.1:6379' }),
        'ioredis',
        /The Redis-shared rate limiter/,
      );
    });
  });

  it('request spacing reports a missing bottleneck; the plain concurrency cap needs nothing', () => {
    withoutPackages(['bottleneck'], () => {
      const { createLimiter, ConcurrencyLimiter } = require('../../src/http/steps/limiter');
      expect(createLimiter({ id: 'lazy-test', maxConcurrent: 2, minTimeMs: 0 })).toBeInstanceOf(
        ConcurrencyLimiter,
      );
      expectMissingPackage(
        () => createLimiter({ id: 'lazy-test', maxConcurrent: 1, minTimeMs: 10 }),
        'bottleneck',
        /Request spacing/,
      );
    });
  });

  it('a PostgreSQL token store reports a missing pg, a MySQL one a missing mysql2', () => {
    withoutPackages(['pg', 'mysql2'], () => {
      const { TypeOrmTokenStore } = require('../../src/auth/stores/typeorm-token-store');
      expectMissingPackage(
        () => TypeOrmTokenStore.fromOptions({ type: 'postgres', database: 'zohooauth' }),
        'pg',
        /The SQL token store on postgres/,
      );
      expectMissingPackage(
        () => TypeOrmTokenStore.fromOptions({ type: 'mariadb', database: 'zohooauth' }),
        'mysql2',
        /The SQL token store on mariadb/,
      );
    });
  });

  it('a SQL token store reports a missing typeorm', () => {
    withoutPackages(['typeorm'], () => {
      const { TypeOrmTokenStore } = require('../../src/auth/stores/typeorm-token-store');
      expectMissingPackage(
        () => TypeOrmTokenStore.fromOptions({ type: 'sqlite', path: ':memory:', database: 'zohooauth' }),
        'typeorm',
        /The SQL token store/,
      );
    });
  });
});
