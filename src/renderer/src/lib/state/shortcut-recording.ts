/**
 * ── tray (issue 15) ── The shortcut recorder that is recording now, if any. The system hands a
 * registered global shortcut to its owner before any window sees the keydown (Electron's
 * globalShortcut: "the shortcut is registered globally, so other applications and the focused
 * window do not receive it"), so pressing the quick-open shortcut itself while recording would
 * open the search over Settings and record nothing. Main says which shortcut asked for the search
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
