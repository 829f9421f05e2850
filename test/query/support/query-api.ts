/** The query layer's public surface, as the tests use it (one import line per test file). */
export * from '../../../src/query';
export { QueryCompileException } from '../../../src/errors/query-compile-exception';
