/**
 * The file editor's "unsaved changes" guard, for whoever wants to leave: the server view shell
 * consults it before switching tabs or servers, and the window's `beforeunload` before closing.
 * The panel registers what is dirty and how to ask; without a panel nothing is dirty.
 */

type DirtyCheck = () => boolean;
type Prompt = () => Promise<boolean>;

class UnsavedGuard {
  #checks = new Set<DirtyCheck>();
  #prompt: Prompt | null = null;

  /** Registers a dirty check; returns the unregister. */
  register(check: DirtyCheck): () => void {
    this.#checks.add(check);
    return () => this.#checks.delete(check);
  }

  /** Sets how to ask "Discard unsaved changes?"; returns the unset. */
  setPrompt(prompt: Prompt): () => void {
    this.#prompt = prompt;
    return () => {
      if (this.#prompt === prompt) this.#prompt = null;
    };
  }

  hasUnsavedChanges(): boolean {
    return [...this.#checks].some((check) => check());
  }

  async confirmLeave(): Promise<boolean> {
    if (!this.hasUnsavedChanges()) return true;
    return this.#prompt ? this.#prompt() : false;
  }
}

export const unsavedGuard = new UnsavedGuard();

/** True while the file editor holds edits that are not saved. */
export function hasUnsavedChanges(): boolean {
  return unsavedGuard.hasUnsavedChanges();
}

/**
 * Asks "Discard unsaved changes?" when there are any; resolves true when it is fine to leave.
 * The shell awaits this before switching tabs or servers.
 */
export function confirmLeave(): Promise<boolean> {
  return unsavedGuard.confirmLeave();
}
