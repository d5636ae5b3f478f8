/** The console's own shortcuts, shared by the view and the terminal (which must let them through). */

/** Ctrl+L (Cmd+L on macOS) clears the view, as in a shell. */
export function isClearShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l';
}

/** Ctrl+F (Cmd+F on macOS) searches the scrollback, as in a browser or an editor. */
export function isFindShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';
}

/** Keys the terminal passes on to the window: the console's and the server view's shortcuts. */
export function isViewShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return isClearShortcut(event) || isFindShortcut(event) || ((event.ctrlKey || event.metaKey) && /^[1-9]$/.test(event.key));
}
