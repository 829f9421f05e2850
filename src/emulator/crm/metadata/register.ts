import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { registerModuleRoutes } from './module-routes';
import { registerFieldRoutes } from './field-routes';
import { registerLayoutRoutes } from './layout-routes';
import { registerCustomViewRoutes } from './custom-view-routes';
import { registerRelatedListRoutes } from './related-list-routes';

/** Module metadata: modules, fields, layouts, custom views and related lists under `/settings` (docs/zoho-v2-notes.md §6). */
export function registerMetadataRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerModuleRoutes(app, ctx);
  registerFieldRoutes(app, ctx);
  registerLayoutRoutes(app, ctx);
  registerCustomViewRoutes(app, ctx);
  registerRelatedListRoutes(app, ctx);
}
