/**
 * A picture of the tray menu as the double recorded it: the top level and each submenu along a
 * path, side by side as a desktop draws an open menu, in a blank page of the app's browser (the
 * OS draws the real one, which the double has no pixels of), drawn by its own Chromium (the
 * double's browser belongs to the app's windows). For looking at, not for asserting.
 */
import { chromium, type Browser } from 'playwright-core';
import type { MenuNode } from '../../electron-double/launch';
import { screenshot } from './app-on-sim';

function column(items: readonly MenuNode[], open: string | undefined): string {
  const rows = items
    .filter((i) => i.visible)
    .map((i) => {
      if (i.type === 'separator') return '<li class="sep"></li>';
      const text = i.label.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const classes = [i.enabled ? '' : 'off', i.label === open ? 'open' : ''].join(' ');
      return `<li class="${classes}"><span>${text}</span><span>${i.accelerator ?? ''}${i.type === 'submenu' ? ' ▸' : ''}</span></li>`;
    });
  return `<ul>${rows.join('')}</ul>`;
}

/** Screenshots the menu opened along `path` (labels), named `name`. */
export async function screenshotMenu(menu: readonly MenuNode[], path: readonly string[], name: string): Promise<string> {
  const columns: string[] = [];
  let items = menu;
  for (let depth = 0; depth <= path.length; depth++) {
    columns.push(column(items, path[depth]));
    const next = items.find((i) => i.label === path[depth]);
    if (!next?.submenu) break;
    items = next.submenu;
  }
  const browser: Browser = await chromium.launch({ executablePath: process.env.PTEROTRAY_CHROMIUM ?? '/usr/bin/chromium' });
  const page = await browser.newPage();
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.setContent(`<style>
      body { margin: 12px; font: 13px system-ui, sans-serif; background: #3a3f4b; display: flex; align-items: flex-start; gap: 2px; }
      ul { list-style: none; margin: 0; padding: 4px 0; background: #fafafa; border: 1px solid #bbb; border-radius: 6px; min-width: 220px; box-shadow: 0 4px 14px #0006; }
      li { display: flex; justify-content: space-between; gap: 24px; padding: 3px 14px; white-space: nowrap; }
      li.off { color: #888; } li.open { background: #3b73d9; color: white; }
      li.sep { border-top: 1px solid #ddd; margin: 4px 0; padding: 0; }
    </style>${columns.join('')}`);
    return await screenshot(page, name);
  } finally {
    await browser.close();
  }
}
