/**
 * Pictures of what the OS draws and the double only records, for looking at, not for asserting:
 * the tray menu (the top level and each submenu along a path, side by side as a desktop draws an
 * open menu, accelerators in Linux's words as its menus print them) and a message box. Drawn in
 * a blank page of their own Chromium (the double's browser belongs to the app's windows).
 */
import { chromium, type Browser } from 'playwright-core';
import type { MenuNode } from '../../electron-double/launch';
import { screenshot } from './app-on-sim';
import { acceleratorLabel } from '../../../src/renderer/src/views/settings/shortcut-keys';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function column(items: readonly MenuNode[], open: string | undefined): string {
  const rows = items
    .filter((i) => i.visible)
    .map((i) => {
      if (i.type === 'separator') return '<li class="sep"></li>';
      const text = escape(i.label);
      const classes = [i.enabled ? '' : 'off', i.label === open ? 'open' : ''].join(' ');
      return `<li class="${classes}"><span>${text}</span><span>${i.accelerator ? escape(acceleratorLabel(i.accelerator, 'linux')) : ''}${i.type === 'submenu' ? ' ▸' : ''}</span></li>`;
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
  return picture(
    `<style>
      body { margin: 12px; font: 13px system-ui, sans-serif; background: #3a3f4b; display: flex; align-items: flex-start; gap: 2px; }
      ul { list-style: none; margin: 0; padding: 4px 0; background: #fafafa; border: 1px solid #bbb; border-radius: 6px; min-width: 220px; box-shadow: 0 4px 14px #0006; }
      li { display: flex; justify-content: space-between; gap: 24px; padding: 3px 14px; white-space: nowrap; }
      li.off { color: #888; } li.open { background: #3b73d9; color: white; }
      li.sep { border-top: 1px solid #ddd; margin: 4px 0; padding: 0; }
    </style>${columns.join('')}`,
    name,
  );
}

/**
 * Screenshots a message box as the double recorded its options (title, message, detail, buttons;
 * the default button marked), drawn as a desktop's alert, named `name`.
 */
export async function screenshotMessageBox(options: Record<string, unknown>, name: string): Promise<string> {
  const text = (key: string): string => (typeof options[key] === 'string' ? escape(options[key]) : '');
  const buttons = Array.isArray(options.buttons) ? options.buttons.map(String) : ['OK'];
  const buttonRow = buttons.map((b, i) => `<button class="${i === options.defaultId ? 'default' : ''}">${escape(b)}</button>`).join('');
  return picture(
    `<style>
      body { margin: 0; height: 100vh; font: 13px system-ui, sans-serif; background: #3a3f4b; display: grid; place-items: center; }
      .box { width: 420px; background: #fafafa; border-radius: 8px; box-shadow: 0 8px 28px #0008; overflow: hidden; }
      .title { padding: 6px 12px; background: #e4e4e4; font-weight: 600; text-align: center; }
      .body { display: flex; gap: 14px; padding: 18px; }
      .icon { font-size: 28px; color: #c98a00; }
      .message { font-weight: 600; font-size: 14px; margin-bottom: 6px; }
      .buttons { display: flex; justify-content: flex-end; gap: 8px; padding: 0 18px 14px; }
      button { font: inherit; padding: 4px 16px; border: 1px solid #aaa; border-radius: 4px; background: white; }
      button.default { border: 2px solid #3b73d9; }
    </style><div class="box" role="alertdialog"><div class="title">${text('title')}</div>
    <div class="body"><div class="icon">${options.type === 'warning' ? '⚠' : 'ℹ'}</div>
    <div><div class="message">${text('message')}</div><div>${text('detail')}</div></div></div>
    <div class="buttons">${buttonRow}</div></div>`,
    name,
    { width: 640, height: 320 },
  );
}

/** Draws `html` in a blank page of its own Chromium and screenshots it. */
async function picture(html: string, name: string, size = { width: 1400, height: 900 }): Promise<string> {
  const browser: Browser = await chromium.launch({ executablePath: process.env.PTEROTRAY_CHROMIUM ?? '/usr/bin/chromium' });
  const page = await browser.newPage();
  try {
    await page.setViewportSize(size);
    await page.setContent(html);
    return await screenshot(page, name);
  } finally {
    await browser.close();
  }
}
