import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runTs } from '../support/child-processes';

// ts-node compiles the SDK and the emulator on the fly: slow on a busy machine.
jest.setTimeout(120_000);

describe('quickstart (npm run quickstart)', () => {
  it('authorises through the SDK, persists tokens in SQLite, lists Leads and exits 0', async () => {
    const run = runTs('examples/quickstart.ts');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe('');
    const out = run.stdout();
    expect(out).toMatch(/^Zoho CRM emulator listening on http:\/\/127\.0\.0\.1:\d+\n/);
    expect(out).toMatch(/\n5 lead\(s\):\n/);
    expect(out).toMatch(/\nName +Company +Email +Source +Owner\n-+ +-+ +-+ +-+ +-+\n/);
    expect(out).toMatch(/\nPaul Daly +Zylker +p\.daly@zylker\.com +Advertisement +Patricia Boyle\n/);
    expect(out).toMatch(/Access token valid until \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30/);
    const tokens = join(__dirname, '../../.zcrm/tokens.sqlite');
    expect(existsSync(tokens)).toBe(true);
    expect(statSync(tokens).mode & 0o077).toBe(0);
  });
});
