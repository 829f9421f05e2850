import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { readJson } from '../body';
import { moduleScope } from '../module-scopes';
import { crmRoute } from '../route';
import type { ScopeRequirement } from '../scopes';
import { registerJobRoutes } from './job-routes';
import { bulkScope, moduleName, peekJson } from './scopes';
import { bulkState } from './store';
import { createWriteJob, renderWriteJob, WriteJob } from './write-job';
import { runWriteJob } from './write-runner';

// [I] Following a write job needs the scope that created it (`ZohoCRM.bulk.CREATE`, or `.ALL`).
const BULK_CREATE = bulkScope('CREATE');

/** Bulk Write (docs/zoho-v2-notes.md §7.2): create a job over an uploaded file, poll it, download its result file. */
export function registerBulkWriteRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'POST',
    url: '/crm/bulk/v2/write',
    scopes: ({ request }) => [BULK_CREATE, ...resourceScopes(ctx, peekJson(request))],
    cost: 500,
    heavy: true,
    handler: ({ request, user }) => {
      const job = createWriteJob(ctx, readJson(request), user);
      bulkState(ctx).writeJobs[job.id] = job;
      // [I] 201, as for bulk read job creation.
      return {
        status: 201,
        body: {
          status: 'success',
          code: 'SUCCESS',
          message: 'success',
          details: { id: job.id, created_by: job.created_by },
        },
      };
    },
  });

  registerJobRoutes(app, ctx, {
    url: '/crm/bulk/v2/write',
    unknownJobStatus: 400,
    scopes: [BULK_CREATE],
    jobs: () => bulkState(ctx).writeJobs,
    run: (job) => runWriteJob(ctx, job),
    render: (job) => renderWriteJob(ctx, job),
    resultFiles,
  });
}

/** Module scopes the operation needs on every resource's module (upsert may both create and update). */
function resourceScopes(ctx: EmulatorContext, body: unknown): ScopeRequirement[] {
  const { operation, resource } = (body ?? {}) as { operation?: unknown; resource?: unknown };
  if (!Array.isArray(resource)) return [];
  const operations =
    operation === 'update'
      ? (['UPDATE'] as const)
      : operation === 'upsert'
        ? (['CREATE', 'UPDATE'] as const)
        : (['CREATE'] as const);
  return resource.flatMap((r) => {
    const name = moduleName((r as { module?: unknown } | null)?.module);
    return name === undefined ? [] : operations.flatMap((op) => moduleScope(ctx, name, op));
  });
}

/** One result CSV per resource, named `<Module>-<uploaded file name>` as Zoho names them. */
function resultFiles(job: WriteJob): Record<string, string> {
  const files: Record<string, string> = {};
  for (const r of job.resources) files[`${r.module}-${r.file_name}`] = r.outcome?.text ?? '';
  return files;
}
