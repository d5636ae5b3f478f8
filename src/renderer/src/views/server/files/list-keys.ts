/**
 * The file list's keyboard, as data: which key does what. The component applies the action;
 * keeping the mapping pure makes the shortcuts testable and easy to read in one place.
 */

export type ListAction =
  | { type: 'move'; move: number | 'first' | 'last' | 'page-up' | 'page-down'; isExtending: boolean }
  | { type: 'open' }
  | { type: 'up' }
  | { type: 'delete' }
  | { type: 'rename' }
  | { type: 'select-all' }
  | { type: 'clear' }
  | { type: 'toggle' }
  | { type: 'menu' };

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Ctrl on Windows and Linux, Cmd on macOS; either is accepted so no platform check is needed. */
export function isModKey(event: Pick<KeyInput, 'ctrlKey' | 'metaKey'>): boolean {
  return event.ctrlKey || event.metaKey;
}

function moveFor(key: string): number | 'first' | 'last' | 'page-up' | 'page-down' | null {
  switch (key) {
    case 'ArrowDown':
      return 1;
    case 'ArrowUp':
      return -1;
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'PageUp':
      return 'page-up';
    case 'PageDown':
      return 'page-down';
    default:
      return null;
  }
}

/** The action for a key press on the list, or null to let it through. */
export function listAction(event: KeyInput): ListAction | null {
  if (event.altKey) return event.key === 'ArrowUp' ? { type: 'up' } : null;
  const mod = isModKey(event);
  if (mod && event.key.toLowerCase() === 'a') return { type: 'select-all' };
  if (mod && event.key === ' ') return { type: 'toggle' };
  const move = moveFor(event.key);
  if (move !== null) return { type: 'move', move, isExtending: event.shiftKey };
  // macOS has no Delete key on most keyboards: Cmd+Backspace deletes, as in Finder.
  if (mod) return event.key === 'Backspace' ? { type: 'delete' } : null;
  switch (event.key) {
    case 'Enter':
      return { type: 'open' };
    case 'Backspace':
      return { type: 'up' };
    case 'Delete':
      return { type: 'delete' };
    case 'F2':
      return { type: 'rename' };
    case 'Escape':
      return { type: 'clear' };
    case 'ContextMenu':
      return { type: 'menu' };
    case 'F10':
      return event.shiftKey ? { type: 'menu' } : null;
    default:
      return null;
  }
}
