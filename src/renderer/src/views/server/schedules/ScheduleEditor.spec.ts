/** The schedule editor: a refused cron is flagged before sending, the preview follows the fields, a failed save keeps every value. */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import type { ScheduleDraft } from '../../../../../shared/ipc/schedules';
import ScheduleEditor from './ScheduleEditor.svelte';

const NOW = Date.UTC(2026, 11, 3, 19, 5, 30);

function setup(onsubmit: (draft: ScheduleDraft) => Promise<string | null>) {
  const user = userEvent.setup();
  render(ScheduleEditor, { props: { schedule: null, offsetMinutes: 0, now: () => NOW, onsubmit, oncancel: vi.fn() } });
  const dialog = screen.getByRole('dialog', { name: 'New schedule' });
  return { user, dialog, field: (name: string) => within(dialog).getByLabelText(name) as HTMLInputElement };
}

describe('ScheduleEditor', () => {
  test('flags a field the panel would refuse and keeps Create disabled; sends nothing', async () => {
    const onsubmit = vi.fn(async () => null);
    const { user, dialog, field } = setup(onsubmit);
    await user.type(field('Name'), 'Restart');
    await user.clear(field('Hour'));
    await user.type(field('Hour'), '5/2');
    expect(within(dialog).getByRole('alert').textContent).toBe('Hour: not a value the panel accepts');
    expect(field('Hour').getAttribute('aria-invalid')).toBe('true');
    expect((within(dialog).getByRole('button', { name: 'Create' }) as HTMLButtonElement).disabled).toBe(true);
    await user.keyboard('{Enter}');
    expect(onsubmit).not.toHaveBeenCalled();
  });

  test('previews the next five runs as the fields change, and says it in words', async () => {
    const { user, dialog, field } = setup(async () => null);
    await user.clear(field('Minute'));
    await user.type(field('Minute'), '*/20');
    const runs = within(dialog).getAllByRole('listitem');
    expect(runs).toHaveLength(5);
    expect(within(dialog).getByText('Every 20 minutes')).toBeTruthy();
  });

  test('a refused save keeps the values and shows the panel’s words', async () => {
    const onsubmit = vi.fn(async () => 'The cron data provided does not evaluate to a valid expression.');
    const { user, dialog, field } = setup(onsubmit);
    await user.type(field('Name'), 'Nightly');
    await user.clear(field('Hour'));
    await user.type(field('Hour'), '4');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(onsubmit).toHaveBeenCalledWith({
      name: 'Nightly',
      cron: { minute: '0', hour: '4', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
      isActive: true,
      onlyWhenOnline: false,
    });
    expect(await within(dialog).findByText('The cron data provided does not evaluate to a valid expression.')).toBeTruthy();
    expect(field('Name').value).toBe('Nightly');
    expect(field('Hour').value).toBe('4');
  });
});
