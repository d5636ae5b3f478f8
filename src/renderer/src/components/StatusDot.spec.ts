import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import StatusDot from './StatusDot.svelte';
import { serverStatus, type StatusTone } from '../lib/server-status';
import { makeServer } from '../../test/view-models';
import type { ServerView } from '../../../shared/types';

/** What assistive technology reads: the text, minus what is aria-hidden. */
function spokenText(root: Element): string {
  const copy = root.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return copy.textContent?.trim() ?? '';
}

describe('StatusDot', () => {
  it.each<[ServerView['state'], ServerView['availability'], string, StatusTone]>([
    ['running', 'ok', 'Running', 'ok'],
    ['starting', 'ok', 'Starting', 'warn'],
    ['stopping', 'ok', 'Stopping', 'warn'],
    ['offline', 'ok', 'Offline', 'off'],
    ['unknown', 'ok', 'Unknown', 'neutral'],
    ['running', 'suspended', 'Suspended', 'neutral'],
    ['offline', 'installing', 'Installing', 'neutral'],
    ['offline', 'install-failed', 'Install failed', 'neutral'],
    ['running', 'transferring', 'Transferring', 'neutral'],
    ['offline', 'restoring', 'Restoring backup', 'neutral'],
    ['running', 'node-maintenance', 'Node in maintenance', 'neutral'],
    ['running', 'node-unreachable', 'Node unreachable', 'danger'],
    ['running', 'unknown', 'Unavailable', 'neutral'],
  ])('a %s server (%s) is said as “%s”, with the %s colour', (state, availability, words, tone) => {
    const { container } = render(StatusDot, serverStatus(makeServer({ state, availability })));
    const status = container.querySelector('.status');
    expect(spokenText(container)).toBe(words);
    expect(status?.classList.contains(tone)).toBe(true);
    // The dot is decoration: the word carries the state, so it is never the colour alone.
    expect(container.querySelector('.dot')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('keeps the word for screen readers when it is hidden from sight', () => {
    const { container } = render(StatusDot, { tone: 'danger', label: 'Node unreachable', isLabelHidden: true });
    expect(spokenText(container)).toBe('Node unreachable');
    expect(container.querySelector('.sr-only')?.textContent).toBe('Node unreachable');
  });

  it('shows the word beside the dot by default, and fades an old state', () => {
    const { container } = render(StatusDot, { tone: 'ok', label: 'Running', isFaded: true });
    expect(container.querySelector('.sr-only')).toBeNull();
    expect(container.querySelector('.status')?.classList.contains('faded')).toBe(true);
  });
});
