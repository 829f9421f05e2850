import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { registerRecordTagRoutes } from './record-tag-routes';
import { registerTagSettingsRoutes } from './settings-routes';

/** Tags on records and `/settings/tags` (docs/zoho-v2-notes.md §5.13). */
export function registerTagRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerRecordTagRoutes(app, ctx);
  registerTagSettingsRoutes(app, ctx);
}
