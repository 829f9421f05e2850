import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { registerRecordReadRoutes } from './records/read-routes';

/** Every CRM route family. Static paths (`/settings/...`, `/coql`, `/{module}/search`) win over `/:module/:id`. */
export function registerCrmRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerRecordReadRoutes(app, ctx);
}
