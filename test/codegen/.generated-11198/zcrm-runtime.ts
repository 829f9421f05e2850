export * from '../../../src/orm';
