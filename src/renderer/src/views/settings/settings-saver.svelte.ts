/**
 * Saving one settings section: busy while `settings:update` runs, its error as text, and whether
 * the last save went through. The answer is applied at once; main's `settings:changed` push
 * (which also applies the theme) confirms it.
 */
import { api, errorMessage } from '../../lib/api';
import { appState } from '../../lib/state/app-state.svelte';
import type { Settings } from '../../../../shared/types';

export class SettingsSaver {
  isSaving = $state(false);
  error = $state<string | null>(null);
  hasSaved = $state(false);

  /** Sends a patch; resolves true when main accepted it. Never rejects. */
  async save(patch: Partial<Settings>): Promise<boolean> {
    this.isSaving = true;
    this.error = null;
    this.hasSaved = false;
    try {
      appState.settings = await api.settingsUpdate(patch);
      this.hasSaved = true;
      return true;
    } catch (error) {
      this.error = errorMessage(error);
      return false;
    } finally {
      this.isSaving = false;
    }
  }
}
