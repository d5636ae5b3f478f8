/**
 * What the person is looking at, so live states come first for it: the servers on screen in the
 * window (the open one and the rows in view), those marked as favourite, and those in the tray's
 * menu while it is open. The budget serves waiting token requests by this rank, and the poller
 * breaks ties by it; everything else keeps the panel's order.
 */
import { serverKey } from '../../shared/server-key';

/** Lower is sooner. */
export const RANK = { onScreen: 0, inMenu: 1, favourite: 2, other: 3 } as const;

/** Keys are `accountId/identifier`, as the tray's flags. */
export interface AttentionInput {
  onScreen?: readonly string[];
  favourites?: readonly string[];
  inMenu?: readonly string[];
}

/** The ranks of every server, replaced part by part as the window, the settings and the tray report. */
export class Attention {
  private onScreen: ReadonlySet<string> = new Set();
  private favourites: ReadonlySet<string> = new Set();
  private inMenu: ReadonlySet<string> = new Set();

  /** Replaces the parts given; a part left out keeps what it had. */
  set(input: AttentionInput): void {
    if (input.onScreen) this.onScreen = new Set(input.onScreen);
    if (input.favourites) this.favourites = new Set(input.favourites);
    if (input.inMenu) this.inMenu = new Set(input.inMenu);
  }

  rank(accountId: string, identifier: string): number {
    const key = serverKey({ accountId, identifier });
    if (this.onScreen.has(key)) return RANK.onScreen;
    if (this.inMenu.has(key)) return RANK.inMenu;
    if (this.favourites.has(key)) return RANK.favourite;
    return RANK.other;
  }
}
