import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { bundleEnv, bundleScript } from './bundle';

/** What a worker answers after a round of calls. */
export interface RoundResult {
  ok: number;
  failed: number;
  errors: string[];
  token: string;
}

/** Forked worker processes (support/token-worker.ts) sharing one configuration, hence one token row. */
export class TokenWorkers {
  private constructor(private readonly children: ChildProcess[]) {}

  /** Forks `count` workers and resolves once every one has opened its client. */
  static async start(count: number, config: unknown): Promise<TokenWorkers> {
    const script = bundleScript(join(__dirname, 'token-worker.ts'));
    const env = bundleEnv({ ZCRM_WORKER_CONFIG: JSON.stringify(config) });
    const children = Array.from({ length: count }, () => fork(script, [], { env, stdio: 'inherit' }));
    const workers = new TokenWorkers(children);
    await Promise.all(children.map((child) => nextMessage(child)));
    return workers;
  }

  /** Each worker makes `calls` concurrent API calls; resolves with every worker's result. */
  round(calls: number): Promise<RoundResult[]> {
    return Promise.all(
      this.children.map((child) => {
        const answer = nextMessage<RoundResult>(child);
        child.send({ calls });
        return answer;
      }),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.send({ exit: true });
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
  }
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`worker exited (${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (message: T & { fatal?: string }) => {
      child.off('exit', onExit);
      if (message.fatal) reject(new Error(`worker failed: ${message.fatal}`));
      else resolve(message);
    });
  });
}
