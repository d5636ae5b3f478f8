/**
 * Text from a panel or its Wings (server names, messages, console lines) made safe to print on a
 * terminal. A hostile panel could otherwise drive the person's terminal: OSC 52 sets the
 * clipboard, OSC 0 retitles the window, a CSI moves the cursor over what was printed before, and
 * a DCS or APC reaches whatever the terminal implements there. Whole sequences are removed (their
 * bodies are not meant to be read); any control character left is replaced by a space.
 */

/* eslint-disable no-control-regex -- matching control characters and escape sequences is the point. */

// ECMA-48 §5.4: CSI (ESC [ or C1 0x9b), parameter bytes 0x30–0x3f, intermediate bytes 0x20–0x2f,
// one final byte 0x40–0x7e.
const CSI = String.raw`(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]`;
// §5.6: the control strings (OSC ESC ], DCS ESC P, SOS ESC X, PM ESC ^, APC ESC _, and their C1
// forms 0x9d 0x90 0x98 0x9e 0x9f) run to ST (ESC \ or 0x9c); xterm also ends them at BEL. One
// without its terminator runs to the end of the text, as a terminal would read it.
const CONTROL_STRING = String.raw`(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)`;
// §5.3 and ECMA-35: any other ESC sequence, intermediates then a final byte (ESC c resets the
// terminal, ESC 7 / ESC 8 save and restore the cursor, ESC ( 0 switches the character set).
const OTHER_ESCAPE = String.raw`\u001b[\u0020-\u002f]*[\u0030-\u007e]`;

// One pass over sequences and single control characters alike, so a kept SGR's own ESC is not
// then taken for a lone one. C0 (tab and newline included: they would break a line), DEL and C1
// (0x9b is a CSI on some terminals); a lone ESC is among them.
const SEQUENCE_OR_CONTROL = new RegExp(`${CSI}|${CONTROL_STRING}|${OTHER_ESCAPE}|[\\u0000-\\u001f\\u007f-\\u009f]`, 'g');

// SGR (CSI … m): colours and bold, nothing else. No private marker (`<=>?`), no intermediates.
const SGR = /^\u001b\[[0-9;:]*m$/;

/* eslint-enable no-control-regex */

type Keep = (match: string) => boolean;

function clean(text: string, keep: Keep): string {
  return text.replace(SEQUENCE_OR_CONTROL, (match) => {
    if (keep(match)) return match;
    // A whole sequence goes; a single control character becomes a space (words stay apart).
    return match.length === 1 ? ' ' : '';
  });
}

const NOTHING: Keep = () => false;
const LINES: Keep = (match) => match === '\n' || match === '\t';
const LINES_AND_COLOURS: Keep = (match) => LINES(match) || SGR.test(match);

/** `text` on one line: every escape sequence removed, every other control character a space. */
export function stripControl(text: string): string {
  return clean(text, NOTHING);
}

/** As `stripControl`, but newlines and tabs stay: for output that is several lines by design. */
export function stripControlKeepingLines(text: string): string {
  return clean(text, LINES);
}

/**
 * A console line from Wings for a terminal: the game's colours (SGR) kept, every other sequence
 * removed, other control characters a space (tabs stay: stack traces are indented with them).
 */
export function keepOnlyColours(text: string): string {
  return clean(text, LINES_AND_COLOURS);
}

// DEL and C1 are valid unescaped in a JSON string, and JSON.stringify leaves them be.
const UNESCAPED_BY_JSON = /[\u007f-\u009f]/g;

/**
 * `JSON.stringify`, with DEL and the C1 controls written as `\u00XX` too (the same JSON value):
 * JSON.stringify escapes C0 and ESC, but a raw 0x9b or 0x9d would reach the terminal of anyone
 * reading `--json` output there.
 */
export function toJson(value: unknown, space?: number): string {
  return (JSON.stringify(value, null, space) ?? 'null').replace(UNESCAPED_BY_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
