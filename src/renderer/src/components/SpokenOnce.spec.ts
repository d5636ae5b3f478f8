import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import SpokenOnce from './SpokenOnce.svelte';

describe('SpokenOnce (issue 15: a countdown read once)', () => {
  it('shows one line, hidden from assistive technology, and puts the other in a live region', () => {
    const { container } = render(SpokenOnce, { shown: 'answers again in 42 s', spoken: 'answers again at 14:03:20', class: 'problem' });
    expect(container.querySelector('.problem > [aria-hidden="true"]')?.textContent).toBe('answers again in 42 s');
    expect(screen.getByRole('status').textContent).toBe('answers again at 14:03:20');
    expect(screen.getByRole('status').classList.contains('sr-only')).toBe(true);
  });

  it('leaves the live region alone while only the shown line changes', async () => {
    const { container, rerender } = render(SpokenOnce, { shown: 'in 42 s', spoken: 'at 14:03:20' });
    const live = screen.getByRole('status');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(live, { subtree: true, childList: true, characterData: true });
    await rerender({ shown: 'in 41 s', spoken: 'at 14:03:20' });
    await rerender({ shown: 'in 40 s', spoken: 'at 14:03:20' });
    changes.push(...observer.takeRecords());
    observer.disconnect();
    expect(container.querySelector('[aria-hidden="true"]')?.textContent).toBe('in 40 s');
    expect(changes).toEqual([]);
    expect(screen.getByRole('status')).toBe(live);
  });

  it('is one live line when there is nothing that ticks', () => {
    const { container } = render(SpokenOnce, { shown: 'The key was revoked.', spoken: 'The key was revoked.' });
    expect(screen.getByRole('status').textContent).toBe('The key was revoked.');
    expect(container.querySelector('[aria-hidden="true"]')).toBeNull();
  });
});
