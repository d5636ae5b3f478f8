import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The wrapper every `npm test` runs under. It once signalled its own process group on exit
// (`kill` with an empty pid), so a green run ended with exit 143. Run it as its own process
// group leader, as CI does, and check it hands back the command's own exit code and output.
const script = fileURLToPath(new URL('./with-secret-service.sh', import.meta.url));
const secretServiceHere = process.env.PTEROTRAY_SECRET_SERVICE === 'gnome-keyring';

function run(command: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  const env = { ...process.env };
  // Start from outside any session, so the script makes its own D-Bus session and keyring.
  delete env.PTEROTRAY_IN_SECRET_SERVICE;
  delete env.PTEROTRAY_SECRET_SERVICE;
  return new Promise((resolve, reject) => {
    const child = spawn(script, ['bash', '-c', command], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout }));
  });
}

describe.skipIf(!secretServiceHere)('with-secret-service.sh', () => {
  it('returns the exit code of the command it wraps, without signalling its own group', async () => {
    const result = await run('echo "service=$PTEROTRAY_SECRET_SERVICE"; exit 7');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(7);
    expect(result.stdout).toContain('service=gnome-keyring');
  });

  it('returns 0 when the command succeeds, with an unlocked keyring of its own', async () => {
    const result = await run('test "$XDG_RUNTIME_DIR" != "" && test -d "$XDG_DATA_HOME" && echo "scratch=$HOME_KEYRING_SCRATCH"');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/scratch=\S*pterotray-keyring\./);
  });
});
