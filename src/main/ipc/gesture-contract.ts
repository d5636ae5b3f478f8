/**
 * The gesture contract (issue 11): every channel that touches this computer or sends what is on
 * it elsewhere, with the gesture main itself can see that must come first. A page, even one
 * running hostile script, can call any channel well-formed; it cannot open, answer or skip main's
 * own dialogs, cannot make a `File` that has a path on disk, and cannot forge the person's input
 * (webContents `input-event` fires only for input the OS delivered).
 *
 * Every channel of the contract is here, so a new one cannot be added without deciding. The
 * security suite (test/security/gesture-contract.test.ts) calls each guarded channel well-formed,
 * from the page, without its gesture, and checks that nothing happened: no local file read or
 * written, no request to any panel, no link opened.
 */
import type { InvokeChannel } from '../../shared/ipc-contract';

export type Gesture =
  /** Main's own open or save dialog picks the local file: the page names none. */
  | { kind: 'main-picker'; note: string }
  /** A drop's `File`s, turned into paths by the preload only, then main's own question. */
  | { kind: 'dropped-files'; note: string }
  /** Main's own question, which the page can neither answer nor skip. */
  | { kind: 'main-confirmation'; note: string }
  /** A press or key of the person in the window, seen by main, consumed by the one action. */
  | { kind: 'user-activation'; note: string }
  /** Touches nothing on this computer and sends nothing of it: a panel action or app state. */
  | { kind: 'none'; note: string };

type NoGesture = { kind: 'none'; note: string };

export const panelAction = (what: string): NoGesture => ({
  kind: 'none',
  note: `${what} on a panel already added, from the window's own controls: one click, as in the panel's own UI.`,
});
export const appState = (what: string): NoGesture => ({ kind: 'none', note: `${what}: the app's own state, nothing of this computer leaves it.` });
export const read = (what: string): NoGesture => ({ kind: 'none', note: `Reads ${what} from an added panel or main's memory for the window.` });

export const GESTURE_CONTRACT = {
  'accounts:list': appState('Lists the panels'),
  'accounts:check': {
    kind: 'none',
    note: 'Sends only what the page itself typed (the address and key of the form) to that address; reads no stored key and nothing of this computer. Plain http off this machine is refused unless the form said so.',
  },
  'accounts:add': {
    kind: 'main-confirmation',
    note: 'A new panel gets a key and the app\'s attention (its servers in the tray, uploads aimed at it): main asks "Add … to Pterotray?" first, with the plain-http warning where it applies.',
  },
  'accounts:rename': appState('Renames a panel'),
  'accounts:remove': appState('Removes a panel and its key (the window confirms)'),
  'accounts:use-demo': { kind: 'none', note: 'Starts the built-in demo panel in main, on 127.0.0.1: nothing leaves this computer.' },

  'servers:list': read('the servers'),
  'servers:refresh': panelAction('Reloads the server lists'),
  'servers:power': panelAction('Start, stop, restart or kill'),
  'servers:open-in-panel': {
    kind: 'user-activation',
    note: "Opens the browser at the server's page on its panel (main builds the URL from the saved account): only right after the person's press or key in the window, one press for one page.",
  },
  'servers:attention': appState('Which rows are on screen'),
  'servers:favourite': appState('Marks a favourite'),
  'servers:permissions': read('what the key may do on a server (which tabs to show)'),
  'features:accept': panelAction('Accepts an egg feature (writes eula.txt on the server)'),
  'features:dismiss': appState('Hides a feature prompt'),
  'features:open-terms': {
    kind: 'user-activation',
    note: "Opens the feature's fixed terms page (the Minecraft EULA) in the browser: only right after the person's press or key.",
  },

  'stats:history': read('stats'),
  'console:attach': read('the console backlog'),
  'console:detach': appState('Stops console pushes'),
  'console:send': panelAction('Sends a console command'),
  'console:history': read('typed commands'),

  'files:list': read('a folder'),
  'files:read': read('a file (into the editor, not to disk)'),
  'files:write': panelAction("Saves the editor's text to a server file"),
  'files:rename': panelAction('Renames or moves a server file'),
  'files:copy': panelAction('Copies a server file'),
  'files:delete': panelAction('Deletes server files (the window confirms)'),
  'files:create-folder': panelAction('Creates a server folder'),
  'files:compress': panelAction('Archives server files'),
  'files:decompress': panelAction('Unpacks a server archive'),
  'files:chmod': panelAction("Changes a server file's mode"),
  'files:download': { kind: 'main-picker', note: "Writes a local file only where the person chose in main's save dialog; nothing is fetched before." },
  'files:upload': {
    kind: 'dropped-files',
    note: 'The page hands the drop\'s File objects to the preload, which alone learns their paths (and refuses a File without one); main then asks "Upload N files to <server>?" before reading any.',
  },
  'files:pick-and-upload': { kind: 'main-picker', note: "Reads only the files the person picked in main's open dialog." },
  'transfers:cancel': appState('Cancels a transfer'),

  'settings:get': appState('Reads settings'),
  'app:desktop': appState('Reads what this desktop allows'),
  'settings:update': appState('Changes settings'),
  'notifications:pause': appState('Pauses notifications'),
  'notifications:resume': appState('Resumes notifications'),
  'notifications:status': appState('Reads whether notifications show'),

  // ── backups (issue 13) ──
  'backups:list': read("a server's backups and its retention rule"),
  'backups:create': panelAction('Starts a backup'),
  'backups:delete': panelAction('Deletes a backup (the window confirms; retention always asks)'),
  'backups:toggle-lock': panelAction('Locks or unlocks a backup'),
  'backups:rename': panelAction('Renames a backup (Pelican)'),
  'backups:restore': panelAction('Restores a backup over the server (the window confirms)'),
  'backups:download': {
    kind: 'main-picker',
    note: "Writes a local file only where the person chose in main's save dialog; no signed link is asked for before.",
  },
  'backups:set-retention': appState('Sets how many backups a server keeps'),
  'backups:retention-candidates': read('which backups the retention rule would delete (it deletes none)'),

  // ── schedules (issue 13) ──
  'schedules:list': read("a server's schedules"),
  'schedules:create': panelAction('Creates a schedule'),
  'schedules:update': panelAction('Saves, enables or disables a schedule'),
  'schedules:delete': panelAction('Deletes a schedule (the window confirms)'),
  'schedules:run': panelAction('Runs a schedule now'),
  'schedules:create-task': panelAction('Adds a task to a schedule'),
  'schedules:update-task': panelAction('Saves or moves a task'),
  'schedules:delete-task': panelAction('Deletes a task (the window confirms)'),
  'schedules:export': { kind: 'main-picker', note: "Writes the schedule's JSON only where the person chose in main's save dialog." },
  'schedules:import': {
    kind: 'main-picker',
    note: "Reads only the one JSON file the person picked in main's open dialog, and sends its schedule to that server.",
  },

  // ── startup (issue 13) ──
  'startup:get': read('the startup command, variables and images'),
  'startup:set-variable': panelAction('Saves one startup variable'),
  'startup:set-image': panelAction("Sets the Docker image to one of the egg's (the window confirms)"),
  'server-settings:get': read('whether the key may see install output'),
  'server-settings:rename': panelAction('Renames the server'),
  'server-settings:reinstall': panelAction('Reinstalls the server (the window confirms)'),
  'server-settings:copy-sftp': {
    kind: 'none',
    note: "Writes the server's SFTP address or username, which main builds from the server's record, to the clipboard: no text of the page's, nothing read from this computer.",
  },
  'server-settings:open-sftp': {
    kind: 'user-activation',
    note: "Hands sftp://user@host:port (main builds it from the server's record) to the system's SFTP client: only right after the person's press or key, one press for one launch.",
  },

  // ── databases (issue 13) ──
  'databases:list': read('the databases (never their passwords)'),
  'databases:create': panelAction('Creates a database (the reply carries no password)'),
  'databases:rotate': panelAction('Gives a database a new password (the window confirms; the reply carries none)'),
  'databases:reveal': {
    kind: 'user-activation',
    note: "Answers with one database's password, the only reply that carries one: only right after the person's press of Reveal in the window, one press for one password.",
  },
  'databases:copy-url': {
    kind: 'user-activation',
    note: "Writes a database's JDBC or MySQL URL (the latter with its password) to this computer's clipboard, built in main: only right after the person's press of Copy, one press for one copy.",
  },
  'databases:delete': panelAction('Deletes a database (the window confirms)'),

  // ── network (issue 13) ──
  'network:list': read("the server's allocations and its allocation limit"),
  'network:add': panelAction('Adds a port the panel picks'),
  'network:set-notes': panelAction("Sets an allocation's notes"),
  'network:set-primary': panelAction('Makes an allocation the primary one'),
  'network:remove': panelAction('Removes an allocation (the window confirms)'),

  // ── users (issue 13) ──
  'users:list': read('the subusers of a server'),
  'users:permissions': read('the permissions the panel knows'),
  'users:create': panelAction('Invites a subuser to a server'),
  'users:update': panelAction("Changes a subuser's permissions"),
  'users:delete': panelAction('Removes a subuser (the window confirms)'),

  // ── activity (issue 13) ──
  'activity:list': read("a page of the server's activity log"),

  // ── incidents (issue 14) ──
  'incidents:list': read("the incident timeline (a server's first page merges its panel activity log)"),
  'incidents:get': read('one incident of the timeline'),
  // ── history (issue 14) ──
  'history:series': read("a range of a server's stats history on disk"),
  'history:uptime': read("a server's uptime per day or week from the history on disk"),
  'history:summaries': read("the servers' 24-hour uptime and CPU sparkline from the history on disk"),
  'history:export-csv': { kind: 'main-picker', note: "Writes the server's history as CSV only where the person chose in main's save dialog." },
  // ── alerts (issue 14) ──
  'alerts:list': appState('Lists the alert channels (never their URLs or tokens)'),
  'alerts:save': {
    kind: 'main-confirmation',
    note: 'Alerts carry what happens to the servers (names, console lines of a crash) to the channel\'s address: a new channel, or a changed URL, topic or ntfy server, is asked about in main\'s own dialog ("Send alerts to discord.com?") first. An edit that sends nowhere new (rules, quiet hours, the name) is not.',
  },
  'alerts:remove': appState('Removes an alert channel and its secrets (the window confirms)'),
  'alerts:test': {
    kind: 'none',
    note: 'Sends a fixed test sentence to a channel the person already confirmed: nothing of this computer or of any server is in it.',
  },
  // ── console (issue 15) ──
  'console:copy': {
    kind: 'user-activation',
    note: "Writes the console text the person selected to this computer's clipboard: only right after their own press (the drag that selected it), one press for one copy.",
  },
} satisfies Record<InvokeChannel, Gesture>;

/** The channels that need a gesture, for the suite. */
export type GuardedChannel = {
  [C in InvokeChannel]: (typeof GESTURE_CONTRACT)[C]['kind'] extends 'none' ? never : C;
}[InvokeChannel];

export function guardedChannels(): GuardedChannel[] {
  return (Object.keys(GESTURE_CONTRACT) as InvokeChannel[]).filter((c): c is GuardedChannel => GESTURE_CONTRACT[c].kind !== 'none');
}
