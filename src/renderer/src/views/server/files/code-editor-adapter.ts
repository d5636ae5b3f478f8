/**
 * CodeMirror 6 behind a small interface, so components never touch it and tests can vi.mock this
 * one module (happy-dom has no layout for CodeMirror to measure).
 *
 * Why a shadow root: style-mod mounts CodeMirror's styles as an inline <style> element when the
 * editor's root is the document, and the window's CSP (`style-src 'self'`) blocks inline styles.
 * Inside a shadow root it uses a constructed stylesheet (adoptedStyleSheets) instead, which CSP
 * does not govern, so the editor is styled without weakening the policy.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, StreamLanguage } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
// @lezer/highlight is CodeMirror's own tag vocabulary, installed with every language package.
import { tags } from '@lezer/highlight';
import { editorTheme } from './code-editor-theme';
import type { TextSource } from './editor-session.svelte';
import type { LanguageKey } from './language';

export interface CodeEditorOptions {
  /** The element that hosts the editor; a shadow root is attached to it. */
  host: HTMLElement;
  text: string;
  language: LanguageKey | null;
  /** The accessible name of the text area. */
  label: string;
  onDirtyChange: (isDirty: boolean) => void;
}

export interface CodeEditorHandle extends TextSource {
  focus(): void;
  destroy(): void;
}

// Each language is its own chunk, loaded when a file needs it.
const LANGUAGES: Record<LanguageKey, () => Promise<Extension>> = {
  json: async () => (await import('@codemirror/lang-json')).json(),
  yaml: async () => (await import('@codemirror/lang-yaml')).yaml(),
  javascript: async () => (await import('@codemirror/lang-javascript')).javascript(),
  typescript: async () => (await import('@codemirror/lang-javascript')).javascript({ typescript: true }),
  python: async () => (await import('@codemirror/lang-python')).python(),
  html: async () => (await import('@codemirror/lang-html')).html(),
  css: async () => (await import('@codemirror/lang-css')).css(),
  markdown: async () => (await import('@codemirror/lang-markdown')).markdown(),
  xml: async () => (await import('@codemirror/lang-xml')).xml(),
  // ── notices (issue 15) ── the legacy mode calls a key `def` (variableName.definition, drawn in the
  // text colour) and a value `quote` (no style): name them as what they are, so both show colours.
  properties: async () => {
    const { properties } = await import('@codemirror/legacy-modes/mode/properties');
    return StreamLanguage.define({ ...properties, tokenTable: { def: tags.propertyName, quote: tags.string, header: tags.heading } });
  },
  toml: async () => StreamLanguage.define((await import('@codemirror/legacy-modes/mode/toml')).toml),
  shell: async () => StreamLanguage.define((await import('@codemirror/legacy-modes/mode/shell')).shell),
};

function baseExtensions(label: string): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    // Tab indents; Escape then Tab leaves the editor (CodeMirror's own rule), so focus is never trapped.
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    EditorView.contentAttributes.of({ 'aria-label': label }),
    editorTheme,
  ];
}

function mountPoint(host: HTMLElement): HTMLElement {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  parent.style.height = '100%';
  shadow.replaceChildren(parent);
  return parent;
}

/** Loads the syntax for `key` into `compartment`, unless the editor is gone by then. */
function loadLanguage(view: EditorView, compartment: Compartment, key: LanguageKey): void {
  void LANGUAGES[key]().then((extension) => {
    // A destroyed view has left the page; dispatching to it would throw.
    if (view.dom.isConnected) view.dispatch({ effects: compartment.reconfigure(extension) });
  });
}

export function createCodeEditor(options: CodeEditorOptions): CodeEditorHandle {
  let saved: Text;
  let isDirty = false;
  const language = new Compartment();
  const report = (doc: Text): void => {
    const dirty = !doc.eq(saved);
    if (dirty !== isDirty) options.onDirtyChange((isDirty = dirty));
  };
  const view = new EditorView({
    parent: mountPoint(options.host),
    state: EditorState.create({
      doc: options.text,
      extensions: [baseExtensions(options.label), language.of([]), EditorView.updateListener.of((update) => update.docChanged && report(update.state.doc))],
    }),
  });
  saved = view.state.doc;
  if (options.language) loadLanguage(view, language, options.language);
  return {
    snapshot: () => ({ text: view.state.doc.toString(), version: view.state.doc }),
    markSaved: (version) => {
      saved = version as Text;
      report(view.state.doc);
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
