/**
 * One variable's field on the Startup tab: what is typed, checked against the egg's rules as it
 * is typed (src/shared/egg-rules.ts, the panel's own checks), saved on its own. A failed save
 * keeps what was typed and shows why under the field; the panel's words for a 422.
 */
import { checkVariableValue } from '../../../../../shared/egg-rules';
import type { StartupVariableSaved, StartupVariableView } from '../../../../../shared/ipc/startup';
import type { ServerRef } from '../../../../../shared/types';
import { failureText } from '../../../lib/panel-page/failure-text';
import { t } from '../../../lib/strings';

type SaveVariable = (args: { server: ServerRef; key: string; value: string }) => Promise<StartupVariableSaved>;

export class VariableForm {
  variable = $state<StartupVariableView>() as StartupVariableView;
  value = $state('');
  /** Why the last save failed, as a sentence; null when it did not. */
  saveError = $state<string | null>(null);
  isSaving = $state(false);
  justSaved = $state(false);
  readonly check = $derived(checkVariableValue(this.value, this.variable.rules));
  readonly isDirty = $derived(this.value !== (this.variable.serverValue ?? ''));
  /** The first local failure, shown as typed (only once the value differs from the saved one). */
  readonly localError = $derived(this.isDirty && !this.check.isValid ? (this.check.failures[0]?.message ?? null) : null);
  readonly canSave = $derived(this.variable.isEditable && this.isDirty && this.check.isValid && !this.isSaving);

  constructor(
    variable: StartupVariableView,
    private readonly ref: ServerRef,
    private readonly save: SaveVariable,
  ) {
    this.variable = variable;
    this.value = variable.serverValue ?? '';
  }

  input(value: string): void {
    this.value = value;
    this.saveError = null;
    this.justSaved = false;
  }

  revert(): void {
    this.input(this.variable.serverValue ?? '');
  }

  /** Saves; resolves with the new command, or null when nothing was saved. */
  async submit(): Promise<string | null> {
    if (!this.canSave) return null;
    this.isSaving = true;
    this.saveError = null;
    try {
      const saved = await this.save({ server: this.ref, key: this.variable.envVariable, value: this.value });
      this.variable = saved.variable;
      this.value = saved.variable.serverValue ?? '';
      this.justSaved = true;
      return saved.command;
    } catch (error) {
      this.saveError = failureText(error, t.startup.saveWhat(this.variable.name), 'startup.update');
      return null;
    } finally {
      this.isSaving = false;
    }
  }
}
