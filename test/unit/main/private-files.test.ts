import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLog, privateDir, privateFile } from '../../../src/main/private-files';

const mode = (path: string): number => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';
let root: string;

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!posix)('private files', () => {
  it('makes folders 0700 and existing files 0600, leaving a missing file missing', () => {
    root = mkdtempSync(join(tmpdir(), 'pterotray-private-'));
    const dir = join(root, 'config', 'pterotray');
    privateDir(dir);
    expect(mode(dir)).toBe(0o700);
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    privateFile(file);
    expect(mode(file)).toBe(0o600);
    privateFile(join(dir, 'absent.json'));
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('writes the log 0600 and rotates it at its size, keeping a bounded number of files', () => {
    root = mkdtempSync(join(tmpdir(), 'pterotray-log-'));
    const dir = join(root, 'logs');
    const log = new RotatingLog({ dir, name: 'pterotray.log', maxBytes: 100, keep: 2 });
    const line = (n: number): string => `${String(n).padStart(3, '0')} ${'x'.repeat(45)}\n`; // 50 bytes
    for (let n = 0; n < 9; n++) log.write(line(n));
    log.close();
    expect(readdirSync(dir).sort()).toEqual(['pterotray.log', 'pterotray.log.1', 'pterotray.log.2']);
    expect(readFileSync(join(dir, 'pterotray.log'), 'utf8')).toBe(line(8));
    expect(readFileSync(join(dir, 'pterotray.log.1'), 'utf8')).toBe(line(6) + line(7));
    expect(readFileSync(join(dir, 'pterotray.log.2'), 'utf8')).toBe(line(4) + line(5));
    for (const name of readdirSync(dir)) expect(mode(join(dir, name))).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
  });

  it('goes on appending to a log left by the last run, counting its size', () => {
    root = mkdtempSync(join(tmpdir(), 'pterotray-log-'));
    writeFileSync(join(root, 'a.log'), 'x'.repeat(90), { mode: 0o644 });
    const log = new RotatingLog({ dir: root, name: 'a.log', maxBytes: 100, keep: 1 });
    expect(mode(join(root, 'a.log'))).toBe(0o600);
    log.write('y'.repeat(20));
    log.close();
    expect(readFileSync(join(root, 'a.log'), 'utf8')).toBe('y'.repeat(20));
    expect(readFileSync(join(root, 'a.log.1'), 'utf8')).toBe('x'.repeat(90));
  });
});
