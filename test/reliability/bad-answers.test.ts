import { ZCRMRestClient } from '../../src/api/rest-client';
import { ZCRMModule } from '../../src/api/entities/zcrm-module';
import { ZCRMRecord } from '../../src/api/entities/zcrm-record';
import { MemoryTokenStore } from '../../src/auth/stores/memory-token-store';
import { ZCRMException } from '../../src/errors';
import { CrmRecord } from '../../src/orm';
import { CrmModule, Field } from '../../decorators';
import { PATRICIA } from '../support/sdk';
import { BAD_ANSWERS, BadAnswer, BadServer } from './support/bad-server';

@CrmModule('Leads')
class Lead extends CrmRecord {
  @Field('Last_Name') lastName!: string;
}

const ID = '4150868000000224005';

/** The common calls of the SDK and the ORM. */
const CALLS: Record<string, (client: ZCRMRestClient) => Promise<unknown>> = {
  'get record': (c) => ZCRMModule.getInstance('Leads', c).getRecord(ID),
  list: (c) => ZCRMModule.getInstance('Leads', c).getRecords({ perPage: 5 }),
  search: (c) => ZCRMModule.getInstance('Leads', c).searchRecords('Daly'),
  insert: (c) => {
    const record = ZCRMRecord.getInstance('Leads', undefined, c);
    record.setFieldValue('Last_Name', 'Daly');
    return record.create();
  },
  update: (c) => {
    const record = ZCRMRecord.getInstance('Leads', ID, c);
    record.setFieldValue('Last_Name', 'Daly');
    return record.update();
  },
  delete: (c) => ZCRMRecord.getInstance('Leads', ID, c).delete(),
  org: (c) => c.getOrganizationDetails(),
  users: (c) => c.getOrganizationInstance().getAllUsers(),
  'fields metadata': (c) => ZCRMModule.getInstance('Leads', c).getAllFields(),
  'ORM find': (c) => Lead.getRepository(c).find({ take: 5 }),
  'ORM save': (c) => Lead.getRepository(c).save(Lead.create({ lastName: 'Daly' })),
};

const TIMEOUT_MS = 1_500;
const MAX_RETRIES = 1;
/** Every attempt may use the whole timeout; the margin covers backoff and a busy CI machine. */
const SETTLE_WITHIN_MS = (MAX_RETRIES + 1) * TIMEOUT_MS + 2_500;

interface Outcome {
  answer: BadAnswer;
  call: string;
  /** The rejection's class and code, or what went wrong instead. */
  result: string;
  ms: number;
  zcrm: boolean;
  hung: boolean;
}

/**
 * Every common call, against a server that answers like a broken Zoho, proxy or network, must reject with a
 * ZCRMException subclass and settle within the timeout: no crash, no hang, no other error type, no "success".
 */
describe('bad answers from the server', () => {
  let server: BadServer;
  let client: ZCRMRestClient;
  const outcomes: Outcome[] = [];
  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);

  beforeAll(async () => {
    server = await BadServer.start();
    const store = new MemoryTokenStore();
    await store.saveOAuthTokens({
      userEmail: PATRICIA,
      accessToken: `1000.${'a'.repeat(32)}.${'b'.repeat(32)}`,
      refreshToken: `1000.${'c'.repeat(32)}.${'d'.repeat(32)}`,
      expiryTime: Date.now() + 3_600_000,
    });
    client = new ZCRMRestClient({
      clientId: '1000.BADSERVERTEST',
      clientSecret: 'bad-server-secret',
      apiBaseUrl: server.url,
      accountsUrl: server.url,
      currentUserEmail: PATRICIA,
      tokenStore: store,
      timeoutMs: TIMEOUT_MS,
      retry: { maxRetries: MAX_RETRIES, baseDelayMs: 5, maxDelayMs: 20 },
    });
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
  });
  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    await client.close();
    await server.stop();
  });

  async function run(answer: BadAnswer, call: string): Promise<Outcome> {
    const started = Date.now();
    let guard: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((resolve) => {
      guard = setTimeout(() => resolve('hang'), SETTLE_WITHIN_MS + 5_000);
    });
    const settled = await Promise.race([
      CALLS[call](client).then(
        () => ({ ok: true as const }),
        (err: unknown) => ({ ok: false as const, err }),
      ),
      hang,
    ]);
    clearTimeout(guard);
    const ms = Date.now() - started;
    if (settled === 'hang') return { answer, call, result: 'HANG', ms, zcrm: false, hung: true };
    if (settled.ok) return { answer, call, result: 'RESOLVED', ms, zcrm: false, hung: false };
    const err = settled.err;
    const zcrm = err instanceof ZCRMException;
    const name = err instanceof Error ? err.constructor.name : typeof err;
    const code = zcrm ? ` ${err.errorCode}` : `: ${String(err).slice(0, 60)}`;
    return { answer, call, result: `${name}${code}`, ms, zcrm, hung: ms > SETTLE_WITHIN_MS };
  }

  it('rejects every call with a ZCRMException within the timeout', async () => {
    for (const answer of BAD_ANSWERS) {
      server.answer = answer;
      const names = Object.keys(CALLS);
      // One 50 MB answer at a time; the others all at once.
      if (answer === 'huge-body') for (const call of names) outcomes.push(await run(answer, call));
      else outcomes.push(...(await Promise.all(names.map((call) => run(answer, call)))));
    }
    console.log(table(outcomes));
    expect(crashes).toEqual([]);
    expect(outcomes.filter((o) => o.hung).map((o) => `${o.answer} × ${o.call}: ${o.ms} ms`)).toEqual([]);
    expect(outcomes.filter((o) => !o.zcrm).map((o) => `${o.answer} × ${o.call}: ${o.result}`)).toEqual([]);
    expect(outcomes).toHaveLength(BAD_ANSWERS.length * Object.keys(CALLS).length);
  }, 180_000);
});

function table(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) => [o.answer, o.call, o.result, `${o.ms} ms`]);
  const header = ['answer', 'call', 'error', 'time'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
