/**
 * The file manager as a person sees it, for the window specs: rows found by their name, the row
 * menu, the footer's count and the editor's text.
 */
import type { Locator, Page } from 'playwright-core';

/** The file list (the grid of the Files tab). */
export function fileList(page: Page): Locator {
  return page.getByRole('grid', { name: /^Files in / });
}

/** The rows of the list that exist in the DOM (the list draws only those near the viewport). */
export function renderedFileRows(page: Page): Locator {
  return fileList(page).locator('[role="rowgroup"] [role="row"]');
}

/** The row of one entry, by its exact name. */
export function fileRow(page: Page, name: string): Locator {
  return renderedFileRows(page).filter({ has: page.getByTitle(name, { exact: true }) });
}

/** The footer under the list: "14 items", "10,000 items · 1 selected". */
export function fileCount(page: Page): Locator {
  return page.locator('footer.status');
}

/** Opens an entry's menu with its ⋯ button and picks an action by its label. */
export async function runFileAction(page: Page, name: string, action: string | RegExp): Promise<void> {
  await fileRow(page, name).hover();
  await page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** Opens a folder or a file with a double-click on its name. */
export async function openEntry(page: Page, name: string): Promise<void> {
  await fileRow(page, name).getByTitle(name, { exact: true }).dblclick();
}

/** The editor of an open file. */
export function editor(page: Page, name: string): Locator {
  return page.getByRole('region', { name: `Editing ${name}`, exact: true });
}

/** The text in the editor: its lines joined (small files, whose lines are all drawn). */
export function editorText(page: Page): Promise<string> {
  return page.locator('.cm-content .cm-line').evaluateAll((lines) => lines.map((line) => line.textContent ?? '').join('\n'));
}

/** Closes the editor with its Close button and waits for the list. */
export async function closeEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Close/ }).first().click();
  await fileList(page).waitFor();
}
