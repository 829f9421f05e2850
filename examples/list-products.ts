/**
 * The Python SDK README's second sample in TypeScript: list the products and print each one's standard
 * attributes and every field value.
 *
 *   npx ts-node examples/list-products.ts   # against an embedded emulator (or a real account, see support/example-session.ts)
 */
import { BulkAPIResponse, ZCRMException, ZCRMModule, ZCRMRecord } from 'zcrm';
import { openSession } from './support/example-session';

/** Prints a field value readably: lookups by label and id, users by name and id, lists element by element. */
export function describeValue(value: unknown): string {
  if (value instanceof ZCRMRecord)
    return `${value.lookupLabel ?? ''} (${value.moduleApiName} ${value.entityId})`;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const named = value as { name?: string; id?: string };
    if (named.id !== undefined) return `${named.name ?? ''} (${named.id})`;
    if (named.name !== undefined) return named.name;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The sample itself. */
export async function listProducts(
  log: (line: string) => void = console.log,
): Promise<BulkAPIResponse<ZCRMRecord>> {
  const module = ZCRMModule.getInstance('Products'); // module API name
  const response = await module.getRecords();
  log(`status: ${response.statusCode}`);
  for (const record of response.data) {
    log(`id: ${record.entityId}`);
    log(
      `  owner: ${record.owner?.id}, created by: ${record.createdBy?.id}, modified by: ${record.modifiedBy?.id}`,
    );
    log(`  created: ${record.createdTime}, modified: ${record.modifiedTime}`);
    for (const [key, value] of Object.entries(record.fieldData)) log(`  ${key}: ${describeValue(value)}`);
    if (record.taxList.length > 0) log(`  Tax: ${record.taxList.map((t) => t.name).join(', ')}`);
  }
  return response;
}

async function main(): Promise<void> {
  const session = await openSession();
  try {
    console.log(`Products on ${session.target}`);
    await listProducts();
  } catch (error) {
    if (!(error instanceof ZCRMException)) throw error;
    console.error(
      `${error.statusCode} ${error.errorCode}: ${error.errorMessage} ${JSON.stringify(error.errorDetails)}`,
    );
    process.exitCode = 1;
  } finally {
    await session.close();
  }
}

if (require.main === module) void main();
