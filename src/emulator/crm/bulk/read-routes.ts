import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../context';
import { readJson } from '../body';
import { moduleScope } from '../module-scopes';
import { crmRoute } from '../route';
import { registerJobRoutes } from './job-routes';
import { createReadJob, readResultName, renderReadJob, runReadJob } from './read-job';
import { bulkScope, moduleName, peekJson } from './scopes';
import { bulkState } from './store';

const BULK_READ = bulkScope('READ');

/** Bulk Read (docs/zoho-v2-notes.md §7.1): create a job, poll it, download its zipped CSV. */
export function registerBulkReadRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  crmRoute(app, ctx, {
    method: 'POST',
    url: '/crm/bulk/v2/read',
    // The export also needs read access to the module it reads ([I] as Zoho documents for its scopes).
    scopes: ({ request }) => {
      const name = moduleName(
        (peekJson(request) as { query?: { module?: unknown } } | undefined)?.query?.module,
      );
      return name === undefined ? [BULK_READ] : [BULK_READ, ...moduleScope(ctx, name, 'READ')];
    },
    cost: 50,
    heavy: true,
    handler: ({ request, user }) => {
      const job = createReadJob(ctx, readJson(request), user);
      bulkState(ctx).readJobs[job.id] = job;
      // [I] 201, as for other creations (docs/zoho-v2-notes.md §7.1).
      return {
        status: 201,
        body: {
          data: [
            {
              status: 'success',
              code: 'ADDED_SUCCESSFULLY',
              message: 'Added successfully.',
              details: {
                id: job.id,
                operation: 'read',
                state: 'ADDED',
                created_by: job.created_by,
                created_time: job.created_time,
              },
            },
          ],
          info: {},
        },
      };
    },
  });

  registerJobRoutes(app, ctx, {
    url: '/crm/bulk/v2/read',
    unknownJobStatus: 404,
    scopes: [BULK_READ],
    jobs: () => bulkState(ctx).readJobs,
    run: (job) => runReadJob(ctx, job),
    render: (job) => ({ data: [renderReadJob(job)] }),
    resultFiles: (job) => ({ [readResultName(job)]: job.result?.text ?? '' }),
  });
}
