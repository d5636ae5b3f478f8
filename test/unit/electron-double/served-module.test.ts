/**
 * The double stays a bounded test tool (issue 12): the `electron` module it serves main holds what
 * main imports from Electron and nothing more, so a module nobody uses is not kept up as a second
 * Electron. Read from the sources with TypeScript's parser; type-only imports do not count.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const MAIN = resolve('src/main');
const SERVED = resolve('test/electron-double/runtime/index.ts');
/** Served but not imported by main: the double's own fixture app sets its permission handler on it. */
const FOR_THE_FIXTURE = ['session'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** The names a file imports as values from 'electron'. */
function electronValueImports(file: ts.SourceFile): string[] {
  return file.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    if (statement.moduleSpecifier.text !== 'electron' || statement.importClause?.isTypeOnly) return [];
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) return [];
    return bindings.elements.filter((element) => !element.isTypeOnly).map((element) => (element.propertyName ?? element.name).text);
  });
}

/** The named exports of the served module: `export const x` and `export { a, b }`. */
function servedNames(file: ts.SourceFile): string[] {
  return file.statements.flatMap((statement) => {
    if (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      return statement.declarationList.declarations.map((declaration) => (declaration.name as ts.Identifier).text);
    }
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      return statement.exportClause.elements.map((element) => element.name.text);
    }
    return [];
  });
}

describe('the electron module the double serves', () => {
  const mainImports = [...new Set(sources(MAIN).flatMap((path) => electronValueImports(parse(path))))].sort();

  it('reads main’s imports (the reader finds the modules main is known to use)', () => {
    expect(mainImports).toEqual(expect.arrayContaining(['app', 'BrowserWindow', 'Tray', 'protocol']));
  });

  it('holds exactly what main imports, plus session for the fixture', () => {
    expect(servedNames(parse(SERVED)).sort()).toEqual([...mainImports, ...FOR_THE_FIXTURE].sort());
  });

  it('has no module main never uses', () => {
    const served = servedNames(parse(SERVED));
    for (const unused of ['screen', 'crashReporter', 'webContents']) expect(served).not.toContain(unused);
  });
});
