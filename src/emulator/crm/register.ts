import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { registerRecordReadRoutes } from './records/read-routes';
import { registerRecordWriteRoutes } from './records/routes';
import { registerMetadataRoutes } from './metadata/register';
import { registerOrgRoutes } from './org/register';
import { registerRecordSubResourceRoutes } from './related/sub-resources';
import { registerBulkRoutes } from './bulk/register';
import { registerSearchRoutes } from './search/search-routes';
import { registerCoqlRoutes } from './coql/coql-routes';

/** Every CRM route family. Static paths (`/settings/...`, `/coql`, `/{module}/search`) win over `/:module/:id`. */
export function registerCrmRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerRecordReadRoutes(app, ctx);
  registerRecordWriteRoutes(app, ctx);
  registerMetadataRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerRecordSubResourceRoutes(app, ctx);
  registerBulkRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerCoqlRoutes(app, ctx);
}
