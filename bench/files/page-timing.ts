/**
 * Runs in the window: page.evaluate sends a function's source, so each function here is one
 * self-contained piece (no helpers, no imports), longer than usual for that reason. Opens a folder of
 * the file list the way a person does (a double-click on its row) and times it.
 * - First rows: the list of the new folder has its first row in the DOM, a frame has been
 *   produced, and a task after that frame has run (so the rows are on screen).
 * - Interactive: the end of the last long task (> 50 ms, Chromium's Long Tasks API) once the rows
 *   are there, after a quiet spell with none; the main thread then answers input at once.
 */

/** What one open took, in ms from the double-click. */
export interface OpenTiming {
  firstRowsMs: number;
  interactiveMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** The list's footer, e.g. "10,000 items", to check the whole folder arrived. */
  status: string;
}

/** The arguments of `openFolderTimed`. */
export interface OpenRequest {
  name: string;
  quietMs: number;
  timeoutMs: number;
}

/** Double-clicks the row `name` in the current folder and times the folder's arrival. */
export async function openFolderTimed(request: OpenRequest): Promise<OpenTiming> {
  const { name, quietMs, timeoutMs } = request;
  const rows = Array.from(document.querySelectorAll('[role="grid"] [role="row"][data-index]'));
  const row = rows.find((r) => r.querySelector('.label')?.textContent === name);
  if (!row) throw new Error(`no row named ${name} in the current folder`);
  const tasks: Array<{ start: number; end: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ type: 'longtask' });
  const isShown = (): boolean => {
    const grid = document.querySelector('[role="grid"]');
    return grid?.getAttribute('aria-label')?.endsWith(`/${name}`) === true && grid.querySelector('[role="row"][data-index="0"]') !== null;
  };
  const startedAt = performance.now();
  const shown = new Promise<void>((resolve, reject) => {
    const mutations = new MutationObserver(() => {
      if (!isShown()) return;
      mutations.disconnect();
      clearTimeout(deadline);
      resolve();
    });
    const deadline = setTimeout(() => {
      mutations.disconnect();
      reject(new Error(`${name} did not show within ${timeoutMs} ms`));
    }, timeoutMs);
    mutations.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  row.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, cancelable: true }));
  await shown;
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const firstRowsAt = performance.now();
  const lastBusy = (): number => Math.max(firstRowsAt, ...tasks.map((t) => t.end));
  while (performance.now() - lastBusy() < quietMs && performance.now() - startedAt < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  observer.disconnect();
  const after = tasks.filter((t) => t.end > startedAt);
  return {
    firstRowsMs: firstRowsAt - startedAt,
    interactiveMs: lastBusy() - startedAt,
    longTasks: after.length,
    longestTaskMs: Math.max(0, ...after.map((t) => t.end - t.start)),
    status: document.querySelector('footer.status')?.textContent?.trim() ?? '',
  };
}

/** The arguments of `listFolderTimed`: a ServerRef and a directory, as `window.api.filesList` takes them. */
export interface ListRequest {
  server: { accountId: string; identifier: string };
  directory: string;
}

/** Times `window.api.filesList` alone (IPC to main, main's PanelClient, and back), without rendering. */
export async function listFolderTimed(request: ListRequest): Promise<{ ms: number; entries: number }> {
  const api = (globalThis as unknown as { api: { filesList(input: ListRequest): Promise<{ ok: boolean; value?: unknown[] }> } }).api;
  const startedAt = performance.now();
  const result = await api.filesList(request);
  const ms = performance.now() - startedAt;
  if (!result.ok || !Array.isArray(result.value)) throw new Error(`filesList ${request.directory} failed`);
  return { ms, entries: result.value.length };
}
