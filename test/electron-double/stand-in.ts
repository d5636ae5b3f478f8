/**
 * The stand-in Electron executable's body (bin/electron): `electron <entry> [args]`, run on the
 * double. The entry is a folder (its package.json `main`, as `electron .` does) or a script.
 *
 * It tells the test that started it what a user would see, on stdout, one line each:
 *   electron-double: ready {"url":…,"title":…,"text":…,"tray":…,"platform":…}
 *     once the first window has loaded and (when ELECTRON_DOUBLE_READY_TEXT is set) shows text
 *     matching that regular expression; a screenshot goes to ELECTRON_DOUBLE_SCREENSHOT if set;
 *   electron-double: failed <reason>
 *     when that does not happen within ELECTRON_DOUBLE_TIMEOUT_MS (default 90 s).
 * SIGTERM or SIGINT quits the app like a user would; the exit code is the app's.
 * Other settings: ELECTRON_DOUBLE_HOME (app paths; default a temp dir), ELECTRON_DOUBLE_PLATFORM,
 * ELECTRON_DOUBLE_OPEN_FROM_TRAY=1 (an app that starts in the tray: click its icon, as a user would).
 */
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchApp, type LaunchedApp } from './launch';

function mainOf(entry: string): string {
  const path = resolve(entry);
  if (!statSync(path).isDirectory()) return path;
  const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { main?: string };
  return join(path, manifest.main ?? 'index.js');
}

function say(line: string): void {
  process.stdout.write(`electron-double: ${line}\n`);
}

const args = process.argv.slice(2);
const entryAt = args.findIndex((arg) => !arg.startsWith('-'));
const entry = entryAt >= 0 ? args[entryAt]! : '.';
const appArgs = args.filter((_, index) => index !== entryAt);
const timeoutMs = Number(process.env.ELECTRON_DOUBLE_TIMEOUT_MS ?? 90_000);
const platform = (process.env.ELECTRON_DOUBLE_PLATFORM ?? 'linux') as 'linux' | 'darwin' | 'win32';

let app: LaunchedApp | null = null;
let quitting = false;
const quit = async (): Promise<void> => {
  if (quitting) return;
  quitting = true;
  const exit = await app?.close({ timeoutMs: 15_000 });
  process.exit(exit?.code ?? 0);
};
process.on('SIGTERM', () => void quit());
process.on('SIGINT', () => void quit());

try {
  app = await launchApp({
    main: mainOf(entry),
    args: appArgs,
    platform,
    timeoutMs,
    echo: true,
    ...(process.env.ELECTRON_DOUBLE_HOME ? { home: process.env.ELECTRON_DOUBLE_HOME } : {}),
  });
  void app.exited.then((info) => {
    if (!quitting) process.exit(info.code ?? 1);
  });
  if (process.env.ELECTRON_DOUBLE_OPEN_FROM_TRAY === '1') {
    await app.waitFor((s) => s.trays.some((tray) => !tray.destroyed && (tray.menu?.length ?? 0) > 0), { timeoutMs, message: 'a tray icon with its menu' });
    await app.clickTray();
  }
  const page = await app.window(undefined, { timeoutMs });
  const wanted = process.env.ELECTRON_DOUBLE_READY_TEXT;
  if (wanted) await page.getByText(new RegExp(wanted)).first().waitFor({ timeout: timeoutMs });
  if (process.env.ELECTRON_DOUBLE_SCREENSHOT) await page.screenshot({ path: process.env.ELECTRON_DOUBLE_SCREENSHOT });
  const record = app.windows()[0];
  say(
    `ready ${JSON.stringify({
      platform,
      args: appArgs,
      url: record?.url ?? page.url(),
      title: await page.title(),
      text: (await page.locator('body').innerText()).slice(0, 4000),
      tray: app.tray()?.tooltip ?? null,
      node: app.snapshot().versions.node,
      // CSS rules the page actually applied: 0 when its stylesheets were refused (e.g. by CSP).
      cssRules: await page.evaluate(() => {
        // The project compiles without the DOM lib: the page's document, typed as far as used here.
        const { document } = globalThis as unknown as { document: { styleSheets: Iterable<{ cssRules: { length: number } }> } };
        return [...document.styleSheets].reduce((sum, sheet) => sum + sheet.cssRules.length, 0);
      }),
    })}`,
  );
} catch (error) {
  say(`failed ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  await quit();
}
