import { mkdtempSync, readdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, loadSqlite, openStore, openStoreForReading, type SchemaModule } from '../../../../src/core/store/database';
import { silentLogger } from '../../../../src/core/util/deps';

const NOTES: SchemaModule = { name: 'notes', migrations: ['CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT'] };
const NOTES_V2: SchemaModule = { name: 'notes', migrations: [...NOTES.migrations, 'ALTER TABLE notes ADD COLUMN at INTEGER NOT NULL DEFAULT 0'] };
const T = Date.UTC(2026, 11, 4, 1, 2, 3);

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'pterotray-store-'));
}

describe('openStore', () => {
  it('makes a new file in WAL mode with our application id and the modules’ tables', () => {
    const path = join(dir(), 'history.sqlite');
    const { db, setAside } = openStore(path, [NOTES], { logger: silentLogger });
    expect(setAside).toBeNull();
    expect((db.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id).toBe(APPLICATION_ID);
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('kept');
    db.close();
    const again = openStore(path, [NOTES], { logger: silentLogger });
    expect(again.db.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'kept' }]);
    again.db.close();
  });

  it('applies only the migrations a file has not had', () => {
    const path = join(dir(), 'history.sqlite');
    const first = openStore(path, [NOTES], { logger: silentLogger });
    first.db.prepare('INSERT INTO notes (text) VALUES (?)').run('old');
    first.db.close();
    const { db } = openStore(path, [NOTES_V2], { logger: silentLogger });
    expect(db.prepare('SELECT text, at FROM notes').all()).toEqual([{ text: 'old', at: 0 }]);
    expect(db.prepare("SELECT version FROM schema_versions WHERE module = 'notes'").get()).toEqual({ version: 2 });
    db.close();
  });

  it('sets aside a file that is not a database and starts anew', () => {
    const folder = dir();
    const path = join(folder, 'history.sqlite');
    writeFileSync(path, 'this is a text file, not a database\n'.repeat(10));
    const { db, setAside } = openStore(path, [NOTES], { logger: silentLogger, now: () => T });
    expect(setAside?.reason).toBe('not-sqlite');
    expect(setAside?.message).toMatch(/set aside and a new history was started/);
    expect(readFileSync(setAside!.movedTo, 'utf8')).toMatch(/^this is a text file/);
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
    db.close();
  });

  it('leaves another program’s SQLite file untouched, moved aside', () => {
    const folder = dir();
    const path = join(folder, 'history.sqlite');
    const { DatabaseSync } = loadSqlite();
    const foreign = new DatabaseSync(path);
    foreign.exec('CREATE TABLE theirs (x); INSERT INTO theirs VALUES (42);');
    foreign.close();
    const before = readFileSync(path);
    const { db, setAside } = openStore(path, [NOTES], { logger: silentLogger, now: () => T });
    expect(setAside?.reason).toBe('foreign');
    // Not even switched to WAL: the bytes are theirs as they were.
    expect(readFileSync(setAside!.movedTo).equals(before)).toBe(true);
    db.close();
  });

  it('sets aside a damaged file (a header that is SQLite over garbage pages)', () => {
    const folder = dir();
    const path = join(folder, 'history.sqlite');
    const good = openStore(path, [NOTES], { logger: silentLogger });
    for (let i = 0; i < 2000; i++) good.db.prepare('INSERT INTO notes (text) VALUES (?)').run(`note ${i} `.repeat(20));
    good.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    good.db.close();
    const bytes = readFileSync(path);
    // Keep the 100-byte header, scribble over every page after the first.
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    writeFileSync(path, bytes);
    const { db, setAside } = openStore(path, [NOTES], { logger: silentLogger, now: () => T });
    expect(setAside?.reason).toBe('corrupt');
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
    db.close();
    expect(readdirSync(folder).some((f) => f.startsWith('history.sqlite.set-aside-'))).toBe(true);
  });

  it('sets aside a file a newer build wrote rather than reading it wrong', () => {
    const path = join(dir(), 'history.sqlite');
    openStore(path, [NOTES_V2], { logger: silentLogger }).db.close();
    const { db, setAside } = openStore(path, [NOTES], { logger: silentLogger, now: () => T });
    expect(setAside?.reason).toBe('newer');
    expect(setAside?.message).toMatch(/Update Pterotray/);
    db.close();
  });
});

describe('openStoreForReading', () => {
  it('reads beside a writer without creating, migrating or writing anything', () => {
    const folder = dir();
    const path = join(folder, 'history.sqlite');
    expect(openStoreForReading(path, NOTES)).toEqual({ reason: 'absent' });
    expect(readdirSync(folder)).toEqual([]);
    const writer = openStore(path, [NOTES], { logger: silentLogger });
    writer.db.prepare('INSERT INTO notes (text) VALUES (?)').run('live');
    const reading = openStoreForReading(path, NOTES);
    if (!('db' in reading)) throw new Error(reading.reason);
    expect(reading.db.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'live' }]);
    expect(() => reading.db.exec('DELETE FROM notes')).toThrow(/readonly/);
    reading.db.close();
    writer.db.close();
  });

  it('tells a file that is not ours, one without the module, and one a newer build wrote', () => {
    const folder = dir();
    const theirs = join(folder, 'theirs.sqlite');
    const { DatabaseSync } = loadSqlite();
    const foreign = new DatabaseSync(theirs);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    expect(openStoreForReading(theirs, NOTES)).toEqual({ reason: 'not-ours' });
    const ours = join(folder, 'history.sqlite');
    openStore(ours, [NOTES_V2], { logger: silentLogger }).db.close();
    expect(openStoreForReading(ours, { name: 'other', migrations: ['SELECT 1'] })).toEqual({ reason: 'no-module' });
    expect(openStoreForReading(ours, NOTES)).toEqual({ reason: 'newer' });
    const text = join(folder, 'text.sqlite');
    writeFileSync(text, 'not a database at all, just words\n'.repeat(50));
    expect(openStoreForReading(text, NOTES)).toMatchObject({ reason: 'unreadable' });
  });
});
