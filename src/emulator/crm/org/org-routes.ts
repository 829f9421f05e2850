import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { crmRoute } from '../route';
import type { Operation, ScopeRequirement } from '../scopes';
import { ApiErrors, itemSuccess } from '../zoho-error';

export const orgScope = (operation: Operation, resource?: string): ScopeRequirement[] => [
  { group: 'ZohoCRM.org', resource, operation },
];

/** `GET /org` and `POST /org/photo` (docs/zoho-v2-notes.md §6, §6.3). */
export function registerOrgDetailRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'GET',
    url: '/org',
    scopes: () => orgScope('READ'),
    handler: () => {
      // `offset_minutes` is the emulator's own note of the time zone, not a Zoho key.
      const org: Record<string, unknown> = { ...ctx.state.org };
      delete org.offset_minutes;
      return { org: [org] };
    },
  });

  crmRoute(app, ctx, {
    method: 'POST',
    url: '/org/photo',
    scopes: () => orgScope('CREATE'),
    handler: async ({ request }) => {
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || file.fieldname !== 'file')
        throw ApiErrors.invalidData({}, 'the request does not contain any file');
      if (!file.mimetype.startsWith('image/')) throw ApiErrors.invalidData({}, 'invalid file type');
      const bytes = await file.toBuffer();
      const org = ctx.state.org;
      ctx.state.photos[`org:${org.id}`] = { data: bytes.toString('base64'), contentType: file.mimetype };
      // [I] Zoho's photo_id is an opaque hex key; the emulator uses the image's digest.
      org.photo_id = createHash('md5').update(bytes).digest('hex');
      // Photo uploads answer with one top-level result, not a list (as for record photos, docs/zoho-v2-notes.md §5.14).
      return itemSuccess('photo uploaded successfully', {});
    },
  });
}
