/** Jest runs the TypeScript sources through ts-jest; integration tests start their own emulator on port 0. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testTimeout: 30000,
  // The examples import the package by name, as its users do: here that is the sources.
  moduleNameMapper: {
    '^zcrm$': '<rootDir>/src/index.ts',
    '^zcrm/decorators$': '<rootDir>/decorators/index.ts',
    '^zcrm/emulator$': '<rootDir>/src/emulator/index.ts',
  },
  // Two workers (CI has 2 cores): suites are independent (emulators on port 0, temp dirs, a database of
  // their own per suite file: zcrm_test/zohooauth for test/db, zcrm_reliability for test/reliability).
  maxWorkers: 2,
};
