/**
 * `dialog`: a modal dialog needs a user, so the test scripts the answers in advance
 * (`answerNext('showMessageBox', { response: 1 })`); a call with no scripted answer is recorded and
 * answered as if the user cancelled (Escape / the Cancel button), which is what a real user could do.
 */
import type { Dialog, MessageBoxReturnValue, OpenDialogReturnValue, SaveDialogReturnValue } from 'electron';
import type { DialogCall, DialogKind } from '../shared/snapshot';
import { doubleContext } from './context';
import { recordOptions } from './recordable';

type Answer = Record<string, unknown>;

const queues = new Map<DialogKind, Answer[]>();
const calls: DialogCall[] = [];
const KINDS: readonly DialogKind[] = ['showMessageBox', 'showOpenDialog', 'showSaveDialog', 'showErrorBox'];

/** Queues the user's next answer to a dialog of `kind` (sync and async variants share the queue). */
export function answerNextDialog(kind: DialogKind, answer: Answer): void {
  if (!KINDS.includes(kind) || kind === 'showErrorBox') throw new Error(`cannot script answers for ${String(kind)}`);
  const queue = queues.get(kind) ?? [];
  queue.push(answer);
  queues.set(kind, queue);
}

/** Every dialog call so far. */
export function dialogCalls(): DialogCall[] {
  return calls;
}

interface Call {
  kind: DialogKind;
  sync: boolean;
  args: unknown[];
}

function split(args: unknown[]): { windowId?: number; options: Record<string, unknown> } {
  const [first, second] = args;
  const isWindow = typeof first === 'object' && first !== null && 'webContents' in first && 'id' in first;
  const options = (isWindow ? second : first) ?? {};
  return isWindow ? { windowId: (first as { id: number }).id, options: options as Record<string, unknown> } : { options: options as Record<string, unknown> };
}

function record(call: Call, result: unknown, scripted: boolean): void {
  const { windowId, options } = split(call.args);
  const entry: DialogCall = { kind: call.kind, sync: call.sync, options: recordOptions(options), result, scripted };
  if (windowId !== undefined) entry.windowId = windowId;
  calls.push(entry);
  doubleContext().recorder.touch();
}

function cancelId(options: Record<string, unknown>): number {
  if (typeof options.cancelId === 'number') return options.cancelId;
  const buttons = Array.isArray(options.buttons) ? (options.buttons as unknown[]) : [];
  const index = buttons.findIndex((label) => typeof label === 'string' && /^(cancel|no)$/i.test(label.replace(/&/g, '')));
  return index === -1 ? 0 : index;
}

function messageBox(call: Call): MessageBoxReturnValue {
  const { options } = split(call.args);
  const answer = queues.get('showMessageBox')?.shift();
  const buttonCount = Math.max(Array.isArray(options.buttons) ? options.buttons.length : 0, 1);
  const response = answer ? Number(answer.response) : cancelId(options);
  if (!Number.isInteger(response) || response < 0 || response >= buttonCount) {
    throw new Error(`electron-double: scripted answer response=${String(answer?.response)} but the box has ${buttonCount} button(s)`);
  }
  const checkboxChecked = Boolean(answer?.checkboxChecked ?? options.checkboxChecked ?? false);
  const result = { response, checkboxChecked };
  record(call, result, answer !== undefined);
  return result;
}

function openDialog(call: Call): OpenDialogReturnValue {
  const answer = queues.get('showOpenDialog')?.shift();
  const canceled = answer ? Boolean(answer.canceled) : true;
  const filePaths = !canceled && Array.isArray(answer?.filePaths) ? (answer.filePaths as string[]) : [];
  const result = { canceled, filePaths };
  record(call, result, answer !== undefined);
  return result;
}

function saveDialog(call: Call): SaveDialogReturnValue {
  const answer = queues.get('showSaveDialog')?.shift();
  const canceled = answer ? Boolean(answer.canceled) : true;
  const filePath = !canceled && typeof answer?.filePath === 'string' ? answer.filePath : '';
  const result = { canceled, filePath };
  record(call, result, answer !== undefined);
  return result;
}

// Answers arrive on a later tick, as a real dialog's would.
function later<T>(compute: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(compute());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
}

type DialogApi = Pick<
  Dialog,
  | 'showMessageBox'
  | 'showMessageBoxSync'
  | 'showOpenDialog'
  | 'showOpenDialogSync'
  | 'showSaveDialog'
  | 'showSaveDialogSync'
  | 'showErrorBox'
  | 'showCertificateTrustDialog'
>;

/** The `dialog` module. */
export const dialog = {
  showMessageBox: (...args: unknown[]) => later(() => messageBox({ kind: 'showMessageBox', sync: false, args })),
  showMessageBoxSync: (...args: unknown[]) => messageBox({ kind: 'showMessageBox', sync: true, args }).response,
  showOpenDialog: (...args: unknown[]) => later(() => openDialog({ kind: 'showOpenDialog', sync: false, args })),
  showOpenDialogSync: (...args: unknown[]) => {
    const result = openDialog({ kind: 'showOpenDialog', sync: true, args });
    return result.canceled ? undefined : result.filePaths;
  },
  showSaveDialog: (...args: unknown[]) => later(() => saveDialog({ kind: 'showSaveDialog', sync: false, args })),
  showSaveDialogSync: (...args: unknown[]) => saveDialog({ kind: 'showSaveDialog', sync: true, args }).filePath,
  showErrorBox: (title: string, content: string): void => {
    record({ kind: 'showErrorBox', sync: true, args: [{ title, content }] }, undefined, false);
  },
  showCertificateTrustDialog: (): Promise<void> => Promise.resolve(),
} satisfies DialogApi;
