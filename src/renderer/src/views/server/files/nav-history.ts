/** Back/forward through visited folders, like a browser's history. Pure and immutable. */

export interface NavHistory {
  readonly stack: readonly string[];
  readonly index: number;
}

export function startHistory(directory: string): NavHistory {
  return { stack: [directory], index: 0 };
}

export function currentDirectory(history: NavHistory): string {
  return history.stack[history.index]!;
}

/** Visiting a new folder drops the forward entries. Visiting the current one changes nothing. */
export function visit(history: NavHistory, directory: string): NavHistory {
  if (currentDirectory(history) === directory) return history;
  const stack = [...history.stack.slice(0, history.index + 1), directory];
  return { stack, index: stack.length - 1 };
}

export function canGoBack(history: NavHistory): boolean {
  return history.index > 0;
}

export function canGoForward(history: NavHistory): boolean {
  return history.index < history.stack.length - 1;
}

/** One step back (or forward with `step` 1); unchanged at either end. */
export function step(history: NavHistory, by: -1 | 1): NavHistory {
  const index = history.index + by;
  if (index < 0 || index >= history.stack.length) return history;
  return { stack: history.stack, index };
}
