import type { EmulatorContext } from '../context';
import type { SeedFile } from './seed-file';

/** Seeds demo records and the seed file's records through the normal write path. */
export function seedRecords(ctx: EmulatorContext, options: { demo: boolean; seed: SeedFile }): void {
  const now = ctx.timestamp();
  const admin = { id: ctx.adminUser().id };
  const add = (module: string, fields: Record<string, unknown>) => {
    const id = ctx.newId();
    ctx.recordsOf(module)[id] = { id, Owner: admin, Created_By: admin, Modified_By: admin, Created_Time: now, Modified_Time: now, ...fields };
  };
  if (options.demo) {
    add('Leads', { First_Name: 'Paul', Last_Name: 'Daly', Full_Name: 'Paul Daly', Company: 'Zylker', Email: 'p.daly@zylker.com', Lead_Source: 'Advertisement', $approved: true, $converted: false });
  }
  for (const [module, records] of Object.entries(options.seed.records ?? {})) for (const r of records) add(module, r);
}
