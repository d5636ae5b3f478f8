/** The tasks dialog: tasks in the order they run, a move asks for the neighbour's place, a delete is confirmed first. */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import type { ScheduleView } from '../../../../../shared/ipc/schedules';
import TasksDialog from './TasksDialog.svelte';

const schedule: ScheduleView = {
  id: 3,
  name: 'Nightly',
  cron: { minute: '0', hour: '4', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
  isActive: true,
  isProcessing: false,
  onlyWhenOnline: false,
  lastRunAt: null,
  nextRunAt: null,
  tasks: [
    { id: 11, sequenceId: 2, action: 'power', payload: 'restart', timeOffsetS: 30, isQueued: false, continueOnFailure: true },
    { id: 10, sequenceId: 1, action: 'command', payload: 'say bye', timeOffsetS: 0, isQueued: false, continueOnFailure: false },
  ],
};

test('lists in sequence order, moves by sequence_id, and confirms before deleting', async () => {
  const user = userEvent.setup();
  const onsave = vi.fn(async () => null);
  const ondelete = vi.fn(async () => null);
  render(TasksDialog, { props: { schedule, onsave, ondelete, onclose: vi.fn() } });
  const dialog = screen.getByRole('dialog', { name: 'Tasks of “Nightly”' });
  const items = within(dialog).getAllByRole('listitem');
  expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['1. Send command', '2. Power action']);
  expect(items[1]!.textContent).toContain('after 30 s');
  expect(items[1]!.textContent).toContain('continues on failure');
  expect((within(dialog).getByRole('button', { name: 'Move up 1' }) as HTMLButtonElement).disabled).toBe(true);
  await user.click(within(dialog).getByRole('button', { name: 'Move up 2' }));
  expect(onsave).toHaveBeenCalledWith(11, { action: 'power', payload: 'restart', timeOffsetS: 30, continueOnFailure: true, sequenceId: 1 });
  await user.click(within(items[0]!).getByRole('button', { name: 'Delete' }));
  const confirm = screen.getByRole('dialog', { name: 'Delete this task?' });
  expect(ondelete).not.toHaveBeenCalled();
  await user.click(within(confirm).getByRole('button', { name: 'Delete task' }));
  expect(ondelete).toHaveBeenCalledWith(10);
});
