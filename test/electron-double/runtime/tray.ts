/**
 * Tray: records the icon, tooltip, title and the context menu as captured at `setContextMenu`
 * (on Linux a changed MenuItem shows only after `setContextMenu` is called again). Like Electron
 * it cannot be made before `ready` and throws "Tray is destroyed" once destroyed.
 *
 * Clicks follow each platform (docs/api/tray.md and the native code), and every time the user
 * sees the context menu open is counted (`menuOpens`):
 * - darwin (shell/browser/ui/tray_icon_cocoa.mm, mouseDown): with a context menu set, a left
 *   click emits 'click' and then opens the menu itself; `popUpContextMenu` opens it unless it is
 *   already open. A right click emits 'right-click' and opens the menu.
 * - win32 (shell/browser/ui/win/notify_icon.cc, HandleClickEvent): a left click emits 'click'
 *   only; a right click opens the context menu when one is set, else emits 'right-click'.
 * - linux (StatusNotifierItem): a left click is an activation, 'click' only; the host (KDE, the
 *   GNOME AppIndicator extension) shows the menu on a right click with no event; 'right-click'
 *   and `popUpContextMenu` are "macOS Windows" only and do nothing. With no tray host (plain
 *   GNOME) the icon is not shown at all: nobody can click it.
 */
import { EventEmitter } from 'node:events';
import type { Tray as ElectronTray, Rectangle } from 'electron';
import type { ClickMenuParams } from '../shared/protocol';
import type { TraySnapshot } from '../shared/snapshot';
import { assertReady, doubleContext } from './context';
import { createEvent } from './event';
import type { Menu } from './menu';
import { captureMenu, clickMenuPath, menuNodes, type MenuView } from './menu-view';
import { toImage, type NativeImage } from './native-image';
import { doublePlatform, hasTrayHost } from './platform';

const trays: Tray[] = [];

type TrayApi = Pick<
  ElectronTray,
  | 'setToolTip'
  | 'setTitle'
  | 'getTitle'
  | 'destroy'
  | 'isDestroyed'
  | 'getBounds'
  | 'setIgnoreDoubleClickEvents'
  | 'getIgnoreDoubleClickEvents'
  | 'focus'
  | 'getGUID'
  | 'displayBalloon'
  | 'removeBalloon'
  | 'closeContextMenu'
>;

/** The double's Tray. */
export class Tray extends EventEmitter implements TrayApi {
  private readonly index: number;
  private image: NativeImage;
  private pressedImage: NativeImage | undefined;
  private toolTip = '';
  private title = '';
  private menu: Menu | null = null;
  private view: MenuView | null = null;
  private destroyed = false;
  private ignoreDoubleClick = false;
  private menuOpens = 0;
  private menuIsOpen = false;

  constructor(
    image: NativeImage | string,
    private readonly guid?: string,
  ) {
    super();
    assertReady('Tray');
    this.image = this.takeImage(image);
    this.index = trays.push(this) - 1;
    doubleContext().recorder.touch();
  }

  setImage(image: NativeImage | string): void {
    this.checkAlive();
    this.image = this.takeImage(image);
    doubleContext().recorder.touch();
  }

  setPressedImage(image: NativeImage | string): void {
    this.checkAlive();
    this.pressedImage = toImage(image);
    doubleContext().recorder.touch();
  }

  setToolTip(toolTip: string): void {
    this.checkAlive();
    this.toolTip = toolTip;
    doubleContext().recorder.touch();
  }

  setTitle(title: string): void {
    this.checkAlive();
    this.title = title;
    doubleContext().recorder.touch();
  }

  getTitle(): string {
    this.checkAlive();
    return this.title;
  }

  setContextMenu(menu: Menu | null): void {
    this.checkAlive();
    this.menu = menu;
    this.view = menu ? captureMenu(menu) : null;
    doubleContext().recorder.touch();
  }

  /** macOS and Windows only (docs/api/tray.md); on macOS not while the menu is already open. */
  popUpContextMenu(menu?: Menu): void {
    this.checkAlive();
    if (doublePlatform() === 'linux') return;
    if (menu) this.openMenu(menu);
    else if (!this.menuIsOpen) this.openMenu(this.menu);
  }

  closeContextMenu(): void {
    this.checkAlive();
  }

  /** On Linux Electron cannot know where the icon is. */
  getBounds(): Rectangle {
    this.checkAlive();
    return { x: 0, y: 0, width: 0, height: 0 };
  }

  setIgnoreDoubleClickEvents(ignore: boolean): void {
    this.ignoreDoubleClick = ignore;
  }

  getIgnoreDoubleClickEvents(): boolean {
    return this.ignoreDoubleClick;
  }

  focus(): void {}

  getGUID(): string | null {
    return this.guid ?? null;
  }

  displayBalloon(): void {}

  removeBalloon(): void {}

  destroy(): void {
    this.destroyed = true;
    doubleContext().recorder.touch();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** A user clicking the icon with the left or right button, as each platform handles it. */
  userActivate(button: 'left' | 'right' = 'left', modifiers: ClickMenuParams['modifiers'] = {}): void {
    this.checkAlive();
    if (!hasTrayHost()) throw new Error('this desktop has no tray host (no StatusNotifierWatcher): the icon is not shown, so nobody can click it');
    const platform = doublePlatform();
    const event = createEvent({ triggeredByAccelerator: false, ...modifiers });
    const bounds = this.getBounds();
    const hasMenu = (this.menu?.items.length ?? 0) > 0;
    if (button === 'left') {
      this.emit('click', event, bounds, { x: 0, y: 0 });
      if (platform === 'darwin' && hasMenu) this.openMenu(this.menu);
      return;
    }
    if (platform === 'linux') {
      if (hasMenu) this.openMenu(this.menu);
    } else if (platform === 'darwin') {
      this.emit('right-click', event, bounds);
      if (hasMenu) this.openMenu(this.menu);
    } else if (hasMenu) {
      this.openMenu(this.menu);
    } else {
      this.emit('right-click', event, bounds);
    }
  }

  /** The menu shows and is dismissed (a pick is a separate clickMenu). */
  private openMenu(menu: Menu | null): void {
    if (!menu) return;
    this.menuOpens += 1;
    this.menuIsOpen = true;
    try {
      menu.popup();
    } finally {
      this.menuIsOpen = false;
    }
    doubleContext().recorder.touch();
  }

  /** A user picking an item in the context menu as last set. */
  userClickMenu(params: ClickMenuParams): void {
    this.checkAlive();
    if (!this.view) throw new Error('this tray has no context menu (setContextMenu was not called, or was given null)');
    clickMenuPath(this.view, params);
  }

  toSnapshot(): TraySnapshot {
    const snapshot: TraySnapshot = {
      index: this.index,
      destroyed: this.destroyed,
      image: this.image.toRef(),
      tooltip: this.toolTip,
      title: this.title,
      menu: menuNodes(this.view),
      menuOpens: this.menuOpens,
    };
    if (this.pressedImage) snapshot.pressedImage = this.pressedImage.toRef();
    return snapshot;
  }

  private takeImage(image: NativeImage | string): NativeImage {
    const taken = toImage(image);
    if (taken.isEmpty()) doubleContext().warn(`Tray image is empty (${typeof image === 'string' ? image : 'NativeImage'}): the icon would be invisible`);
    return taken;
  }

  private checkAlive(): void {
    if (this.destroyed) throw new Error('Tray is destroyed');
  }
}

/** All trays ever made, in creation order. */
export function allTrays(): readonly Tray[] {
  return trays;
}

/** The tray a test means: by index, else the newest one still alive. */
export function findTray(index?: number): Tray {
  const tray = index === undefined ? [...trays].reverse().find((candidate) => !candidate.isDestroyed()) : trays[index];
  if (!tray) throw new Error(index === undefined ? 'the app has no tray' : `the app has no tray #${index}`);
  return tray;
}
