/** Text from a panel (server names, messages) made safe to print on a terminal. */

// C0 (tab and newline included: they would break a line), DEL and C1 (0x9b is a CSI on some
// terminals): any of them could move the cursor or rewrite what was printed before.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with every C0, DEL and C1 control character replaced by a space. */
export function stripControl(text: string): string {
  return text.replace(CONTROL_CHARS, ' ');
}
