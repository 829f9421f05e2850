import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

/** An emulator started through the `zcrm emulator` CLI in its own process, so load generators do not share its event loop. */
export interface EmulatorProcess {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Mints an access token (grant code from the admin route, exchanged at the token endpoint). */
  accessToken(scope: string): Promise<string>;
  /** PUTs `/__emulator/limits` (raise credits so a long run measures speed, not the daily quota). */
  setLimits(limits: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/cli/main.ts', 'emulator', '--port', '0', ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const banner = JSON.parse(await readFirstLine(child)) as {
    url: string;
    clientId: string;
    clientSecret: string;
  };
  const json = async (res: Response) => {
    if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  return {
    ...banner,
    accessToken: async (scope) => {
      const { code } = await json(
        await fetch(`${banner.url}/__emulator/grant-tokens`, {
          method: 'POST',
          body: JSON.stringify({ scope }),
        }),
      );
      const params = new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: banner.clientId,
        client_secret: banner.clientSecret,
        code: String(code),
      });
      const tokens = await json(
        await fetch(`${banner.url}/oauth/v2/token`, { method: 'POST', body: params }),
      );
      if (typeof tokens.access_token !== 'string')
        throw new Error(`token exchange failed: ${JSON.stringify(tokens)}`);
      return tokens.access_token;
    },
    setLimits: async (limits) => {
      await json(
        await fetch(`${banner.url}/__emulator/limits`, { method: 'PUT', body: JSON.stringify(limits) }),
      );
    },
    stop: () => stopChild(child),
  };
}

function readFirstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      child.stdout!.off('data', onData);
      resolve(out.slice(0, newline));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the emulator exited (code ${code}) before it was ready`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
