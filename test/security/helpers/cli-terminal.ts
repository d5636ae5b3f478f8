/**
 * The built CLI on a pseudo-terminal, for what it does only when stdout is a TTY (the console's
 * colours). util-linux `script` gives it one: stdout and stderr both go to the terminal, so the
 * output is the two merged, with the terminal's \r\n; stdin stays /dev/null (`< /dev/null`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { CLI_PATH, childEnv } from '../../helpers/cli-process';

/** True when `script` is util-linux's (the flags below are its own). */
export function hasUtilLinuxScript(): boolean {
  try {
    return execFileSync('script', ['--version'], { encoding: 'utf8' }).includes('util-linux');
  } catch {
    return false;
  }
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Runs the CLI to completion on a terminal; resolves with its exit code and what the terminal got. */
export function runOnTerminal(args: readonly string[], env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const command = `${[process.execPath, CLI_PATH, ...args].map(shellQuote).join(' ')} < /dev/null`;
  // -q no banner, -f flush as it comes, -e the child's exit code, -c the command; no typescript file.
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pterotray ${args.join(' ')} on a terminal did not finish in ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}
