import { describe, expect, it } from 'vitest';
import { EDIT_LIMIT_BYTES, editability, entryKind, isArchive } from './entry-kind';
import { languageFor } from './language';
import { fileEntry, folderEntry } from './test-entries';

describe('entry kinds and editability (the panel rules)', () => {
  it.each([
    [folderEntry('plugins'), 'folder', 'folder'],
    [fileEntry('server.properties'), 'text', 'editable'],
    [fileEntry('world.zip', { mimetype: 'application/zip' }), 'archive', 'binary'],
    [fileEntry('backup.tar.gz', { mimetype: 'application/octet-stream' }), 'archive', 'binary'],
    [fileEntry('server.jar', { mimetype: 'application/jar' }), 'binary', 'binary'],
    [fileEntry('blob', { mimetype: 'application/octet-stream' }), 'binary', 'binary'],
    [fileEntry('icon.png', { mimetype: 'image/png' }), 'image', 'binary'],
    [fileEntry('logo.svg', { mimetype: 'image/svg+xml' }), 'text', 'editable'],
    [fileEntry('ops.json', { mimetype: 'application/json' }), 'text', 'editable'],
    [fileEntry('latest.log', { sizeBytes: EDIT_LIMIT_BYTES + 1 }), 'text', 'too-large'],
    [fileEntry('edge.log', { sizeBytes: EDIT_LIMIT_BYTES }), 'text', 'editable'],
  ] as const)('%j is %s, %s', (entry, kind, verdict) => {
    expect(entryKind(entry)).toBe(kind);
    expect(editability(entry)).toBe(verdict);
  });

  it('reads mimetypes without their charset and ignores a bare extension-like name', () => {
    expect(isArchive(fileEntry('x', { mimetype: 'application/gzip; charset=binary' }))).toBe(true);
    expect(isArchive(fileEntry('.zip', { mimetype: 'text/plain' }))).toBe(false);
    expect(isArchive(folderEntry('old.zip'))).toBe(false);
  });
});

describe('languageFor', () => {
  it.each([
    ['server.properties', '', 'properties'],
    ['config.yml', '', 'yaml'],
    ['ops.json', '', 'json'],
    ['pack.mcmeta', '', 'json'],
    ['start.sh', '', 'shell'],
    ['Cargo.TOML', '', 'toml'],
    ['bukkit.cfg', '', 'properties'],
    ['index.ts', '', 'typescript'],
    ['noext', 'application/json; charset=utf-8', 'json'],
    ['eula.txt', 'text/plain', null],
  ])('%j (%j) → %j', (name, mimetype, language) => {
    expect(languageFor(name, mimetype)).toBe(language);
  });
});
