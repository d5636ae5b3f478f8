/**
 * ── tray (issue 15) ── The shortcut recorder that is recording now, if any. A global shortcut is
 * grabbed from the system for its owner, whichever window has focus (docs/api/global-shortcut.md:
 * "it will work even if the app does not have the keyboard focus"; electron/electron#8491: the key
 * goes to the registering app, not the window in front; nwjs/nw.js#2337: a registered shortcut
 * never reaches the page's keydown), so pressing the quick-open shortcut itself while recording
 * would open the search over Settings and record nothing. Main says which shortcut asked for the search
 * (Navigation.byShortcut); while a recorder records, it takes that shortcut as the keys pressed.
 */
type Taker = (accelerator: string) => void;

let taker: Taker | null = null;

/** Marks a recorder as recording until the returned function is called. */
export function startRecording(take: Taker): () => void {
  taker = take;
  return () => {
    if (taker === take) taker = null;
  };
}

/** Gives a global shortcut's press to the recorder that is recording: true when one took it. */
export function giveToRecorder(accelerator: string): boolean {
  if (taker === null) return false;
  taker(accelerator);
  return true;
}
