/**
 * Which syntax the editor uses for a file, by extension first (Wings sniffs most text as
 * `text/plain`), then by mimetype. Pure, so it is tested without CodeMirror.
 */

export type LanguageKey = 'json' | 'yaml' | 'javascript' | 'typescript' | 'python' | 'html' | 'css' | 'markdown' | 'xml' | 'properties' | 'toml' | 'shell';

const BY_EXTENSION: Record<string, LanguageKey> = {
  json: 'json',
  json5: 'json',
  mcmeta: 'json',
  yml: 'yaml',
  yaml: 'yaml',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  ts: 'typescript',
  py: 'python',
  html: 'html',
  htm: 'html',
  css: 'css',
  md: 'markdown',
  markdown: 'markdown',
  xml: 'xml',
  svg: 'xml',
  properties: 'properties',
  ini: 'properties',
  cfg: 'properties',
  conf: 'properties',
  env: 'properties',
  toml: 'toml',
  sh: 'shell',
  bash: 'shell',
  command: 'shell',
};

const BY_MIMETYPE: Record<string, LanguageKey> = {
  'application/json': 'json',
  'application/yaml': 'yaml',
  'application/x-yaml': 'yaml',
  'text/yaml': 'yaml',
  'text/javascript': 'javascript',
  'application/javascript': 'javascript',
  'text/x-python': 'python',
  'text/html': 'html',
  'text/css': 'css',
  'text/markdown': 'markdown',
  'text/xml': 'xml',
  'application/xml': 'xml',
  'image/svg+xml': 'xml',
  'text/x-shellscript': 'shell',
  'application/x-sh': 'shell',
};

/** The syntax for `name`, or null for plain text. */
export function languageFor(name: string, mimetype = ''): LanguageKey | null {
  const lower = name.toLowerCase();
  const dot = lower.lastIndexOf('.');
  // `.env` style names are all extension; `start.sh` has one.
  const extension = dot >= 0 ? lower.slice(dot + 1) : '';
  const byExtension = BY_EXTENSION[extension];
  if (byExtension) return byExtension;
  const base = (mimetype.split(';')[0] ?? '').trim().toLowerCase();
  return BY_MIMETYPE[base] ?? null;
}
