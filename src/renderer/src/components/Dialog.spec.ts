import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRawSnippet } from 'svelte';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import Dialog from './Dialog.svelte';

const field = createRawSnippet(() => ({ render: () => '<input type="text" aria-label="Name" />' }));

function open(props: Partial<{ message: string; isDanger: boolean; isBusy: boolean; isConfirmDisabled: boolean; onopen: () => void }> = {}) {
  const onconfirm = vi.fn();
  const oncancel = vi.fn();
  const view = render(Dialog, { title: 'Delete “a.txt”?', confirmLabel: 'Delete', onconfirm, oncancel, ...props });
  return { ...view, onconfirm, oncancel, dialog: screen.getByRole('dialog') as HTMLDialogElement };
}

describe('Dialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('opens as a modal, named by its title and described by its message', () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    open({ message: 'This is deleted from the server for good.' });
    expect(showModal).toHaveBeenCalledOnce();
    const dialog = screen.getByRole('dialog', { name: 'Delete “a.txt”?', description: 'This is deleted from the server for good.' });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    showModal.mockRestore();
  });

  it('two dialogs on screen keep their own title ids', () => {
    render(Dialog, { title: 'First', confirmLabel: 'OK', onconfirm: vi.fn(), oncancel: vi.fn() });
    render(Dialog, { title: 'Second', confirmLabel: 'OK', onconfirm: vi.fn(), oncancel: vi.fn() });
    expect(screen.getAllByRole('dialog').map((d) => d.getAttribute('aria-labelledby'))).toHaveLength(2);
    expect(screen.getByRole('dialog', { name: 'First' })).not.toBe(screen.getByRole('dialog', { name: 'Second' }));
  });

  it('cancels on Escape, once, and keeps the key from window-wide handlers', async () => {
    const seenByWindow = vi.fn();
    const listener = (event: KeyboardEvent): void => seenByWindow(event.key, event.defaultPrevented);
    window.addEventListener('keydown', listener);
    const { oncancel, onconfirm } = open();
    const user = userEvent.setup();
    within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }).focus();
    await user.keyboard('{Escape}');
    window.removeEventListener('keydown', listener);
    expect(oncancel).toHaveBeenCalledOnce();
    expect(onconfirm).not.toHaveBeenCalled();
    expect(seenByWindow).toHaveBeenCalledWith('Escape', true);
  });

  it('cancels on Escape typed in one of its fields', async () => {
    const onconfirm = vi.fn();
    const oncancel = vi.fn();
    render(Dialog, { title: 'New folder', confirmLabel: 'Create', onconfirm, oncancel, children: field });
    const user = userEvent.setup();
    await user.click(screen.getByRole('textbox', { name: 'Name' }));
    await user.keyboard('{Escape}');
    expect(oncancel).toHaveBeenCalledOnce();
  });

  it('hands a close request of the browser (its cancel event) to the owner, who closes it', () => {
    const { oncancel, dialog } = open();
    const cancel = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(oncancel).toHaveBeenCalledOnce();
    expect(dialog.open).toBe(true);
  });

  it('gives the focus back to what opened it when it goes', async () => {
    const opener = document.createElement('button');
    opener.textContent = 'Kill Alpha';
    document.body.append(opener);
    opener.focus();
    const { unmount } = open({ isDanger: true });
    expect(document.activeElement).toBe(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    unmount();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves the focus alone when what opened it is gone', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { unmount } = open();
    opener.remove();
    const focus = vi.spyOn(opener, 'focus');
    unmount();
    expect(focus).not.toHaveBeenCalled();
  });

  it('confirms with its button and with Enter in a field, and Cancel cancels', async () => {
    const onconfirm = vi.fn();
    const oncancel = vi.fn();
    render(Dialog, { title: 'New folder', confirmLabel: 'Create', onconfirm, oncancel, children: field });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'maps{Enter}');
    expect(onconfirm).toHaveBeenCalledTimes(2);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(oncancel).toHaveBeenCalledOnce();
  });

  it('does not confirm while busy or disabled', async () => {
    const busy = open({ isBusy: true });
    expect((within(busy.dialog).getByRole('button', { name: 'Delete' }) as HTMLButtonElement).disabled).toBe(true);
    busy.dialog.querySelector('form')?.requestSubmit();
    expect(busy.onconfirm).not.toHaveBeenCalled();
    busy.unmount();
    const disabled = open({ isConfirmDisabled: true });
    disabled.dialog.querySelector('form')?.requestSubmit();
    expect(disabled.onconfirm).not.toHaveBeenCalled();
  });

  it('marks a destructive confirm and starts on Cancel; a plain one starts on its confirm', () => {
    const danger = open({ isDanger: true });
    expect(within(danger.dialog).getByRole('button', { name: 'Delete' }).classList.contains('danger')).toBe(true);
    expect(document.activeElement).toBe(within(danger.dialog).getByRole('button', { name: 'Cancel' }));
    danger.unmount();
    const plain = open();
    const confirm = within(plain.dialog).getByRole('button', { name: 'Delete' });
    expect(confirm.classList.contains('primary')).toBe(true);
    expect(document.activeElement).toBe(confirm);
  });

  it('runs onopen once it is open, and leaves the focus to it', () => {
    const onopen = vi.fn(() => {
      expect((screen.getByRole('dialog') as HTMLDialogElement).open).toBe(true);
      screen.getByRole('textbox', { name: 'Name' }).focus();
    });
    render(Dialog, { title: 'New folder', confirmLabel: 'Create', onconfirm: vi.fn(), oncancel: vi.fn(), onopen, children: field });
    expect(onopen).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
  });
});
