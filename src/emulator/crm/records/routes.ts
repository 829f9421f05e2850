import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { registerConvertLeadRoute } from './convert-lead';
import { registerDeletedRecordsRoute } from './deleted-routes';
import { registerMassUpdateRoutes } from './mass-update';
import { registerUpsertRoute } from './upsert';
import { registerInsertUpdateDeleteRoutes } from './write-routes';

/** Record writes and their companions: insert/update/delete, upsert, deleted records, mass update, lead conversion. */
export function registerRecordWriteRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerInsertUpdateDeleteRoutes(app, ctx);
  registerUpsertRoute(app, ctx);
  registerDeletedRecordsRoute(app, ctx);
  registerMassUpdateRoutes(app, ctx);
  registerConvertLeadRoute(app, ctx);
}
