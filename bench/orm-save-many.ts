/**
 * `Lead.saveMany` of 10,000 new records (validation, serialisation, 100 per call, 10 calls in flight)
 * against the seed's way: `ZCRMModule.createRecords` batches of 100 sent one after another. The emulator
 * (its own process) adds 100 ms to every CRM call, as a real Zoho round trip does. Prints both times and the
 * speed-up (target ≥ 8× at the default concurrency of 10).
 */
import { ZCRMModule } from '../src/api/entities/zcrm-module';
import { ZCRMRecord } from '../src/api/entities/zcrm-record';
import { Lead } from './support/bench-models';
import { openOrmBenchSession } from './support/orm-session';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const DELAY_MS = 100;

async function main(): Promise<void> {
  const session = await openOrmBenchSession();
  try {
    await session.admin('POST', 'faults', { path: '/crm/v2/*', delayMs: DELAY_MS });

    // Baseline: seed style, one batch of 100 after another.
    const leads = ZCRMModule.getInstance('Leads');
    let started = performance.now();
    for (let offset = 0; offset < RECORDS; offset += 100) {
      const batch = Array.from({ length: Math.min(100, RECORDS - offset) }, (_, i) => {
        const record = ZCRMRecord.getInstance('Leads');
        record.setFieldValue('Last_Name', `Seed ${offset + i}`);
        record.setFieldValue('Company', 'Zylker');
        record.setFieldValue('Description', `Lead ${offset + i} of the bench`);
        return record;
      });
      const response = await leads.createRecords(batch);
      if (response.bulkEntityResponse.some((r) => !r.isSuccess)) throw new Error('seed-style batch failed');
    }
    const sequentialMs = performance.now() - started;

    // zcrm: saveMany at its default concurrency.
    const records = Array.from({ length: RECORDS }, (_, i) =>
      Lead.create({ lastName: `ORM ${i}`, company: 'Zylker', description: `Lead ${i} of the bench` }),
    );
    started = performance.now();
    const results = await Lead.saveMany(records);
    const ormMs = performance.now() - started;
    const failed = results.filter((r) => !r.ok).length;
    if (failed > 0) {
      const first = results.find((r) => !r.ok);
      throw new Error(
        `${failed} records failed, the first with ${first && !first.ok ? first.error.message : ''}`,
      );
    }

    console.log(`${RECORDS} records, ${DELAY_MS} ms added to every call`);
    console.log(
      `  seed-style sequential createRecords (100 per call): ${(sequentialMs / 1000).toFixed(2)} s`,
    );
    console.log(`  Lead.saveMany (100 per call, concurrency 10): ${(ormMs / 1000).toFixed(2)} s`);
    console.log(`  speed-up: ${(sequentialMs / ormMs).toFixed(2)}x (target >= 8x)`);
  } finally {
    await session.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
