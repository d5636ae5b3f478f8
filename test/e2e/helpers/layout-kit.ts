/**
 * What a window at a given size hides (issue 15b): the controls a person cannot reach, and the
 * elements that scroll sideways. A control is reachable when, scrolled into view by the page's own
 * vertical scroll, it is wholly inside the window and drawn on top (not cut by an ancestor's
 * overflow, not under a sticky bar or another element).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppOnSim } from './app-on-sim';

export interface Reach {
  /** How many visible controls were checked. */
  checked: number;
  /** "button "Save" at 700..760 × 470..500 of 720×480, outside" for each that is not reachable. */
  unreachable: string[];
  /** "div.list 900>700" for each element that scrolls sideways. */
  sideways: string[];
}

/**
 * Checks every visible control under `scope` (a CSS selector; the whole window by default).
 * Inside a terminal or a code editor only their own boxes count: their lines scroll as text does.
 */
export async function reach(page: Page, scope = 'body'): Promise<Reach> {
  // Through the page's <body>: the specs compile without the DOM's globals (tsconfig: lib ES2023).
  return page.locator('body').evaluate(async (body, selector) => {
    const doc = body.ownerDocument;
    const win = doc.defaultView!;
    const frame = (): Promise<void> => new Promise((resolve) => win.requestAnimationFrame(() => resolve()));
    const OWN_TEXT = '.xterm, .cm-editor';
    type Node = NonNullable<ReturnType<typeof doc.elementFromPoint>>;
    const labelsOf = (el: Node): Node[] => Array.from((el as unknown as { labels?: ArrayLike<Node> | null }).labels ?? []);
    const name = (el: Node): string =>
      `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const unreachable: string[] = [];
    let checked = 0;
    const controls = [...doc.querySelectorAll(selector)].flatMap((root) => [
      ...root.querySelectorAll('button, input:not([type="hidden"]), select, textarea, a[href], [role="tab"], [role="radio"], [role="checkbox"]'),
    ]);
    for (const el of new Set(controls)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.closest(OWN_TEXT) && !el.matches('.cm-editor, .xterm')) continue;
      const first = el.getBoundingClientRect();
      // Visually hidden inputs (a styled checkbox or radio): their label is what is clicked.
      const target: Node = first.width < 4 || first.height < 4 ? (labelsOf(el)[0] ?? el) : el;
      if (target !== el && !target.checkVisibility()) continue;
      checked++;
      target.scrollIntoView({ block: 'center', inline: 'nearest' });
      await frame();
      const r = target.getBoundingClientRect();
      const inside = r.width > 0 && r.height > 0 && r.left >= -0.5 && r.top >= -0.5 && r.right <= win.innerWidth + 0.5 && r.bottom <= win.innerHeight + 0.5;
      const [dx, dy] = [Math.min(r.width * 0.2, 6), Math.min(r.height * 0.2, 6)];
      const points = [
        [r.left + dx, r.top + dy],
        [r.right - dx, r.top + dy],
        [r.left + dx, r.bottom - dy],
        [r.right - dx, r.bottom - dy],
        [r.left + r.width / 2, r.top + r.height / 2],
      ] as const;
      const owns = (hit: Node | null): boolean => hit !== null && (target.contains(hit) || el.contains(hit) || labelsOf(el).some((l) => l.contains(hit)));
      const hit = inside ? points.map(([x, y]) => doc.elementFromPoint(x, y)).find((h) => !owns(h)) : undefined;
      if (!inside || hit !== undefined) {
        const where = `${Math.round(r.left)}..${Math.round(r.right)} × ${Math.round(r.top)}..${Math.round(r.bottom)} of ${win.innerWidth}×${win.innerHeight}`;
        unreachable.push(`${name(el)} at ${where}, ${inside ? `under ${hit?.tagName.toLowerCase()}.${hit?.className}` : 'outside'}`);
      }
    }
    const sideways = [doc.documentElement, doc.body, ...doc.querySelectorAll('body *')]
      .filter((el) => {
        if (el.closest(OWN_TEXT) && !el.matches('.cm-editor, .xterm')) return false;
        const scrolls = el === doc.documentElement || el === doc.body || /(auto|scroll)/.test(win.getComputedStyle(el).overflowX);
        return scrolls && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
    return { checked, unreachable, sideways };
  }, scope);
}

/** Asserts that `view` at this size has controls, all reachable, and nothing scrolling sideways. */
export async function expectReachable(page: Page, view: string, scope?: string): Promise<Reach> {
  const result = await reach(page, scope);
  expect(result.checked, `${view}: controls checked`).toBeGreaterThan(0);
  expect(result.unreachable, `${view}: controls out of reach`).toEqual([]);
  expect(result.sideways, `${view}: sideways scrolling`).toEqual([]);
  return result;
}

/** Drags the window to `size` and waits until the page has that size. */
export async function resizeWindow(env: Pick<AppOnSim, 'app' | 'page'>, size: { width: number; height: number }): Promise<void> {
  await env.app.dragWindow(size);
  await expect
    .poll(() => env.page.locator('body').evaluate((body) => [body.ownerDocument.defaultView!.innerWidth, body.ownerDocument.defaultView!.innerHeight]))
    .toEqual([size.width, size.height]);
}
