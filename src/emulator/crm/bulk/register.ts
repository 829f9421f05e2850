import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { registerBulkReadRoutes } from './read-routes';
import { registerBulkUploadRoute } from './upload-route';
import { registerBulkWriteRoutes } from './write-routes';

/** Bulk Read, Bulk Write and the bulk-write file upload (docs/zoho-v2-notes.md §7). */
export function registerBulkRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerBulkReadRoutes(app, ctx);
  registerBulkUploadRoute(app, ctx);
  registerBulkWriteRoutes(app, ctx);
}
