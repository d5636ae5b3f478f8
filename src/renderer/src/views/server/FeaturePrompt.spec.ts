import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import FeaturePrompt from './FeaturePrompt.svelte';
import { mockApi } from '../../../test/mock-api';
import { t } from '../../lib/strings';
import { FEATURE_TERMS_URLS } from '../../../../shared/feature-terms';
import { REF } from './test-fixtures';

const words = t.live.feature.eula;
const prompt = { feature: 'eula' as const, seenAt: 1_700_000_000_000 };

function show() {
  return render(FeaturePrompt, { server: REF, prompt });
}

describe('FeaturePrompt (the Minecraft EULA)', () => {
  beforeEach(() => {
    mockApi.answer('featuresAccept', undefined);
    mockApi.answer('featuresDismiss', undefined);
    mockApi.answer('featuresOpenTerms', undefined);
  });

  it('asks, under its own heading, with the EULA’s link and both choices', () => {
    show();
    const region = screen.getByRole('region', { name: words.title });
    expect(region.textContent).toContain('eula=true');
    expect(screen.getByRole('link', { name: words.link }).getAttribute('href')).toBe(FEATURE_TERMS_URLS.eula);
    expect(screen.getByRole('button', { name: words.accept })).toBeTruthy();
    expect(screen.getByRole('button', { name: words.notNow })).toBeTruthy();
  });

  it('Accept asks main to write eula.txt and restart, then goes', async () => {
    show();
    await fireEvent.click(screen.getByRole('button', { name: words.accept }));
    await waitFor(() => expect(screen.queryByRole('region', { name: words.title })).toBeNull());
    expect(mockApi.calls('featuresAccept')).toEqual([[{ server: REF, feature: 'eula' }]]);
  });

  it('a refused write is said, and the prompt stays to try again', async () => {
    mockApi.fail('featuresAccept', { code: 'forbidden', message: 'You may not change files on this server.' });
    show();
    await fireEvent.click(screen.getByRole('button', { name: words.accept }));
    expect((await screen.findByRole('alert')).textContent).toContain('You may not change files on this server.');
    expect(screen.getByRole('region', { name: words.title })).toBeTruthy();
  });

  it('Not now, or Escape inside it, puts it away and tells main', async () => {
    show();
    await fireEvent.keyDown(screen.getByRole('button', { name: words.accept }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: words.title })).toBeNull();
    expect(mockApi.calls('featuresDismiss')).toEqual([[{ server: REF, feature: 'eula' }]]);
    expect(mockApi.calls('featuresAccept')).toEqual([]);
  });

  it('the link opens the terms through main, not in the window', async () => {
    show();
    const link = screen.getByRole('link', { name: words.link });
    const notPrevented = await fireEvent.click(link);
    expect(notPrevented).toBe(false);
    expect(mockApi.calls('featuresOpenTerms')).toEqual([[{ feature: 'eula' }]]);
  });
});
