import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { registerAttachmentRoutes } from '../attachments/routes';
import { registerPhotoRoutes } from '../attachments/photo-routes';
import { registerBlueprintRoutes } from '../blueprint/routes';
import { registerNotesRoutes } from '../notes/routes';
import { registerTagRoutes } from '../tags/routes';
import { registerRelatedRoutes } from './routes';

/** Everything hanging off a record: notes, attachments, photo, tags, related lists and blueprint. */
export function registerRecordSubResourceRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerNotesRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerPhotoRoutes(app, ctx);
  registerTagRoutes(app, ctx);
  registerBlueprintRoutes(app, ctx);
  registerRelatedRoutes(app, ctx);
}
