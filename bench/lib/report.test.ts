import { describe, expect, it } from 'vitest';
import { DOCS_END, DOCS_START, figuresBlock, replaceFigures } from './report';

describe('replaceFigures', () => {
  it('replaces only what is between the markers', () => {
    const doc = `# Bench\n\nintro\n\n${DOCS_START}\nold figures\n${DOCS_END}\n\nhow to rerun\n`;
    const next = replaceFigures(doc, 'new figures');
    expect(next).toBe(`# Bench\n\nintro\n\n${DOCS_START}\nnew figures\n${DOCS_END}\n\nhow to rerun\n`);
    expect(replaceFigures(next, 'again')).toContain(`${DOCS_START}\nagain\n${DOCS_END}`);
  });

  it('refuses a document without the markers', () => {
    expect(() => replaceFigures('# Bench\n', 'x')).toThrow(/no <!-- bench:figures:start -->/);
  });
});

describe('figuresBlock', () => {
  it('says how and where the figures were made, then gives each table', () => {
    const block = figuresBlock({ machine: '2 × CPU', command: 'npm run bench -- --quick', isQuick: true, durationMs: 90_000 }, [
      { title: 'One', columns: ['a'], rows: [['1']], notes: [] },
    ]);
    expect(block).toContain('Run: `npm run bench -- --quick` (QUICK MODE');
    expect(block).toContain('1.5 min');
    expect(block).toContain('Machine: 2 × CPU.');
    expect(block).toContain('### One');
  });
});
