import { describe, expect, it } from 'vitest';
import { baseName, breadcrumbs, isValidName, joinPath, moveTarget, parentPath, resolvePath } from './paths';
import { ODD_NAMES } from './test-entries';

describe('joinPath / parentPath / baseName', () => {
  it.each([
    ['/', 'a', '/a'],
    ['/plugins', 'x.jar', '/plugins/x.jar'],
    ['/plugins/', 'x.jar', '/plugins/x.jar'],
    ['/a b', 'c d', '/a b/c d'],
  ])('joinPath(%j, %j) = %j', (dir, name, path) => {
    expect(joinPath(dir, name)).toBe(path);
  });

  it.each(ODD_NAMES)('keeps the odd name %j intact through join, parent and base', (name) => {
    const path = joinPath('/world data', name);
    expect(path).toBe(`/world data/${name}`);
    expect(baseName(path)).toBe(name);
    expect(parentPath(path)).toBe('/world data');
  });

  it('treats the root as its own parent', () => {
    expect(parentPath('/')).toBe('/');
    expect(parentPath('/a')).toBe('/');
    expect(baseName('/')).toBe('/');
  });
});

describe('breadcrumbs', () => {
  it('lists the root and every folder with its path', () => {
    expect(breadcrumbs('/a b/100%/-rf')).toEqual([
      { name: '/', path: '/' },
      { name: 'a b', path: '/a b' },
      { name: '100%', path: '/a b/100%' },
      { name: '-rf', path: '/a b/100%/-rf' },
    ]);
    expect(breadcrumbs('/')).toEqual([{ name: '/', path: '/' }]);
  });
});

describe('isValidName', () => {
  it.each(ODD_NAMES)('accepts %j', (name) => expect(isValidName(name)).toBe(true));
  it.each(['', '.', '..', 'a/b', 'a\u0000b', 'line\nbreak', 'del\u007f'])('refuses %j', (name) => {
    expect(isValidName(name)).toBe(false);
  });
});

describe('resolvePath', () => {
  it.each([
    ['/a/b', 'c', '/a/b/c'],
    ['/a/b', '../c', '/a/c'],
    ['/a/b', './c/', '/a/b/c'],
    ['/a/b', '/x/y', '/x/y'],
    ['/a/b', '../../', '/'],
    ['/', 'a+b/#1', '/a+b/#1'],
  ])('resolves %j + %j = %j', (base, input, out) => {
    expect(resolvePath(base, input)).toBe(out);
  });

  it.each([
    ['/a', '../../x'],
    ['/', '..'],
    ['/a', ''],
    ['/a', '   '],
    ['/a', 'x\ny'],
  ])('refuses %j + %j', (base, input) => {
    expect(resolvePath(base, input)).toBeNull();
  });
});

describe('moveTarget', () => {
  it.each([
    ['/', 'a.txt', 'b.txt', '/b.txt'],
    ['/cfg', 'a.txt', '../a.txt', '/a.txt'],
    ['/cfg', 'a b.txt', '../backup/', '/backup/a b.txt'],
    ['/cfg', '-rf', '/plugins/', '/plugins/-rf'],
    ['/cfg', 'x', 'trail ', '/cfg/trail '],
  ])('in %j, %j typed as %j goes to %j', (root, name, input, to) => {
    expect(moveTarget(root, name, input)).toBe(to);
  });

  it.each([
    ['/', 'a', 'a'],
    ['/', 'a', '/'],
    ['/', 'dir', 'dir/inside/'],
    ['/', 'a', '../../x'],
  ])('refuses moving %j/%j to %j', (root, name, input) => {
    expect(moveTarget(root, name, input)).toBeNull();
  });
});
