import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import StateBadge from './StateBadge.svelte';
import { formatSeenAt } from '../lib/format';
import { makeServer } from '../../test/view-models';

describe('StateBadge', () => {
  it('shows a current state as a word, with no age', () => {
    const { container } = render(StateBadge, { server: makeServer({ state: 'running', isStateCurrent: true }) });
    expect(container.textContent?.trim()).toBe('Running');
    expect(container.querySelector('.stale')).toBeNull();
  });

  it('shows a state that is not current with its age, and says why in its tooltip', () => {
    const seenAt = Date.now() - 5 * 60_000;
    const { container } = render(StateBadge, { server: makeServer({ state: 'running', isStateCurrent: false, stateSeenAt: seenAt }) });
    const age = `as of ${formatSeenAt(seenAt)}`;
    expect(screen.getByText(age)).toBeTruthy();
    expect(container.querySelector('.stale')?.getAttribute('title')).toContain('cannot watch this server live right now');
  });

  it('never dates an availability or a state never seen', () => {
    const seenAt = Date.now() - 60_000;
    const { container: suspended } = render(StateBadge, { server: makeServer({ availability: 'suspended', isStateCurrent: false, stateSeenAt: seenAt }) });
    expect(suspended.textContent?.trim()).toBe('Suspended');
    const { container: unknown } = render(StateBadge, { server: makeServer({ state: 'unknown', isStateCurrent: false, stateSeenAt: null }) });
    expect(unknown.textContent?.trim()).toBe('Unknown');
  });
});
