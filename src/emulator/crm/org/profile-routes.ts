import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { SEED_TIME } from '../../data/org';
import { crmRoute, NO_CONTENT } from '../route';
import { settingsScope } from '../module-scopes';
import { ifModifiedSince } from '../records/read-routes';
import { renderProfile } from './render-profile';

/** `GET /settings/profiles` and `GET /settings/profiles/{id}`, both honouring `If-Modified-Since` (docs/zoho-v2-notes.md §6). */
export function registerProfileRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  // Profiles cannot be changed over the API, so they were last modified when the org was seeded.
  const unchangedSince = (header: string | string[] | undefined) => {
    const since = ifModifiedSince(header);
    return since !== undefined && since >= Date.parse(SEED_TIME);
  };

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/profiles',
    scopes: () => settingsScope('profiles', 'READ'),
    handler: ({ request }) => {
      if (unchangedSince(request.headers['if-modified-since'])) return { status: 304 };
      return { profiles: ctx.state.profiles.map((p) => renderProfile(ctx, p, false)) };
    },
  });

  crmRoute(app, ctx, {
    method: 'GET',
    url: '/settings/profiles/:id',
    scopes: () => settingsScope('profiles', 'READ'),
    handler: ({ params, request }) => {
      // An unknown profile id answers 204 No Content (zoho/crm-oas `profiles.json` lists 204 for this read).
      const profile = ctx.state.profiles.find((p) => p.id === params.id);
      if (!profile) return NO_CONTENT;
      if (unchangedSince(request.headers['if-modified-since'])) return { status: 304 };
      return { profiles: [renderProfile(ctx, profile, true)] };
    },
  });
}
