import { describe, expect, it } from 'vitest';
import { listAction } from './list-keys';
import { menuActions } from './menu-actions';
import { canGoBack, canGoForward, currentDirectory, startHistory, step, visit } from './nav-history';
import { flagsToMode, isValidMode, modeToFlags, permissionDigits } from './permissions';
import { fileEntry, folderEntry } from './test-entries';

describe('permissions', () => {
  it.each(['755', '644', '000', '777', '640'])('%s round-trips through the checkboxes', (mode) => {
    expect(flagsToMode(modeToFlags(mode))).toBe(mode);
  });

  it('maps digits to rwx and validates', () => {
    expect(modeToFlags('750')).toEqual([true, true, true, true, false, true, false, false, false]);
    expect(isValidMode('644')).toBe(true);
    expect(isValidMode('8')).toBe(false);
    expect(isValidMode('0644')).toBe(false);
    expect(permissionDigits('0644')).toBe('644');
    expect(permissionDigits('2755')).toBe('755');
  });
});

describe('history', () => {
  it('goes back and forward, and a new visit drops the forward entries', () => {
    let h = visit(visit(startHistory('/'), '/a'), '/a/b');
    h = step(h, -1);
    expect(currentDirectory(h)).toBe('/a');
    expect(canGoForward(h)).toBe(true);
    h = visit(h, '/c');
    expect(canGoForward(h)).toBe(false);
    expect(h.stack).toEqual(['/', '/a', '/c']);
    expect(step(step(step(h, -1), -1), -1).index).toBe(0);
    expect(canGoBack(startHistory('/'))).toBe(false);
  });
});

describe('list keys', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
    listAction({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

  it.each([
    ['ArrowDown', {}, { type: 'move', move: 1, isExtending: false }],
    ['ArrowUp', { shiftKey: true }, { type: 'move', move: -1, isExtending: true }],
    ['ArrowUp', { altKey: true }, { type: 'up' }],
    ['Backspace', {}, { type: 'up' }],
    ['Backspace', { metaKey: true }, { type: 'delete' }],
    ['Delete', {}, { type: 'delete' }],
    ['Enter', {}, { type: 'open' }],
    ['F2', {}, { type: 'rename' }],
    ['a', { ctrlKey: true }, { type: 'select-all' }],
    ['A', { metaKey: true }, { type: 'select-all' }],
    ['F10', { shiftKey: true }, { type: 'menu' }],
    ['x', {}, null],
    ['s', { ctrlKey: true }, null],
  ])('%s %j → %j', (k, mods, action) => {
    expect(key(k, mods)).toEqual(action);
  });
});

describe('menu actions', () => {
  it('offers what applies to one entry, and bulk actions to several', () => {
    expect(menuActions([fileEntry('a.txt')])).toEqual(['open', 'rename', 'copy', 'download', 'compress', 'permissions', 'delete']);
    expect(menuActions([fileEntry('w.zip', { mimetype: 'application/zip' })])).toContain('decompress');
    expect(menuActions([folderEntry('plugins')])).toEqual(['open', 'rename', 'compress', 'permissions', 'delete']);
    expect(menuActions([folderEntry('a'), fileEntry('b')])).toEqual(['download', 'compress', 'delete']);
    expect(menuActions([folderEntry('a'), folderEntry('b')])).toEqual(['compress', 'delete']);
  });
});
