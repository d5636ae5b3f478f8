/**
 * The channels of the Startup and Settings tabs: startup command, variables, Docker image; rename, reinstall, SFTP (issue 13). The contract (../ipc-contract.ts) is the union of these
 * domain files; a channel is written here once, with its arguments and result.
 */
import type { ServerAvailability, ServerRef } from '../types';

/** One egg variable as the Startup tab shows it. */
export interface StartupVariableView {
  name: string;
  description: string;
  envVariable: string;
  /** The server's value; null when it has none of its own (the default applies). */
  serverValue: string | null;
  defaultValue: string;
  isEditable: boolean;
  /** The egg's Laravel rules string (`required|string|max:20`), checked by src/shared/egg-rules.ts. */
  rules: string;
}

/** A server's Startup page. */
export interface StartupView {
  /** The command as the panel renders it, values substituted. */
  command: string;
  rawCommand: string | null;
  /** The image the server runs now (null when the panel did not say). */
  image: string | null;
  /** The egg's images, label and image, in the egg's order. */
  images: Array<{ label: string; image: string }>;
  variables: StartupVariableView[];
}

/** What saving one variable gave back. */
export interface StartupVariableSaved {
  variable: StartupVariableView;
  /** The startup command with the new value; null when the panel sent none. */
  command: string | null;
}

/** How a rename went for the description: Pelican may refuse it on its own. */
export type RenameOutcome = { description: 'saved' | 'not-asked' | 'not-editable' };

/** The Settings tab's facts beyond the ServerView. */
export interface ServerSettingsView {
  /** Wings sends install output only to root admins' tokens (admin.websocket.install). */
  canSeeInstallOutput: boolean;
}

/** Which SFTP detail to copy. */
export type SftpField = 'address' | 'username' | 'url';

export interface StartupChannels {
  /** The startup command, variables, the image in use and the egg's images. */
  'startup:get': { args: [ServerRef]; result: StartupView };
  /** Saves one variable (`PUT startup/variable`); a 422 keeps the panel's words. */
  'startup:set-variable': { args: [{ server: ServerRef; key: string; value: string }]; result: StartupVariableSaved };
  /** Sets the Docker image to one of the egg's (`PUT settings/docker-image`). */
  'startup:set-image': { args: [{ server: ServerRef; image: string }]; result: void };
  /** What the Settings tab needs to know about the key (install output visible or not). */
  'server-settings:get': { args: [ServerRef]; result: ServerSettingsView };
  /** Renames the server, with its description where given. */
  'server-settings:rename': { args: [{ server: ServerRef; name: string; description?: string }]; result: RenameOutcome };
  /**
   * Reinstalls the server (the window confirms first). Answers the server's availability from a
   * list read after the panel accepted: `installing`, or already back when the script was quick.
   */
  'server-settings:reinstall': { args: [ServerRef]; result: { availability: ServerAvailability | null } };
  /** Copies an SFTP detail main builds from the server's own record (never text from the page). */
  'server-settings:copy-sftp': { args: [{ server: ServerRef; field: SftpField }]; result: void };
  /** Opens `sftp://user@host:port` with the system's SFTP client, right after the person's press. */
  'server-settings:open-sftp': { args: [ServerRef]; result: void };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const STARTUP_CHANNELS = [
  'startup:get',
  'startup:set-variable',
  'startup:set-image',
  'server-settings:get',
  'server-settings:rename',
  'server-settings:reinstall',
  'server-settings:copy-sftp',
  'server-settings:open-sftp',
] as const satisfies readonly (keyof StartupChannels)[];
