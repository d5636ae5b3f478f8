/**
 * The composition root: builds the services once the app is ready and wires them to Electron's
 * objects (tray, notifications, window, IPC, power and theme events). Everything it starts, it
 * disposes on quit (house style rule 14).
 */
import { writeFile } from 'node:fs/promises';
import { Menu, app, clipboard, ipcMain, nativeTheme, net, powerMonitor, protocol, shell } from 'electron';
import { failureNotice } from '../core/rules/failure-notice';
// ── incidents (issue 14) ──
import { incidentIdOf } from '../core/incidents/describe';
import { serversInMenuView, trayModelFrom, type TraySources } from '../core/tray/tray-model';
import { systemClock, type Logger } from '../core/util/deps';
import { serverKey } from '../shared/server-key';
import type { DesktopInfo, ServerRef } from '../shared/types';
import { createAppLogger } from './app-logger';
import { appPaths } from './app-paths';
import { APP_SCHEME, appUrlMatcher, createAppProtocolHandler } from './app-protocol';
import { createServices, type AppServices } from './app-services';
import { applicationMenuTemplate } from './desktop/app-menu';
import { DockPresence } from './desktop/dock-presence';
import { LoginItem } from './desktop/login-item';
import { hasTrayHost } from './desktop/tray-host';
import { ConsolePushBatcher } from './console-push-batcher';
import { checkExternalLink, checkSftpLink, serverPageUrl } from './external-links';
import { watchInstallOutput } from '../core/wings/install-watch';
import { FEATURE_TERMS_URLS } from '../shared/feature-terms';
import { backupsPort } from './backups-port';
import { createHandlers } from './ipc/handlers';
import { createScheduleFiles } from './schedule-files';
import { createDialogs } from './dialogs';
// ── alerts (issue 14) ──
import { createAlertQuestion } from './alerts-question';
import { registerHandlers } from './ipc/register-handlers';
import { Notifier } from './notifications/notifier';
import { installTestHooks } from './test-hooks';
import { createTrayActions } from './tray-actions';
import { favouriteChange } from '../core/settings/favourites';
// ── notices (issue 15) ──
import { ownPower, windowMonitor } from './own-power';
import { electronTrayPorts } from './tray/electron-tray-ports';
import { TrayController } from './tray/tray-controller';
import { QuickOpenShortcut } from './tray/quick-open-shortcut';
import { MainWindow } from './window/main-window';
import { OnScreen } from './window/on-screen';

interface Ui {
  window: MainWindow;
  tray: TrayController;
  notifier: Notifier;
  renderTray(): void;
  /** ── tray (issue 15) ── the quick-open search's global shortcut. */
  quickOpen: QuickOpenShortcut;
  openExternal(url: string): void;
  /** Servers whose console and stats the window is showing: only those are pushed. */
  attached: Set<string>;
  loginItem: LoginItem;
  desktop(): DesktopInfo;
  dock: DockPresence;
  onScreen: OnScreen;
}

function platformName(): DesktopInfo['platform'] {
  const { platform } = process;
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

function createUi(s: AppServices, logger: Logger, quitting: { isQuitting(): boolean; onQuitCancelled(): void }): Ui {
  const paths = appPaths();
  const hasTrayIcon = hasTrayHost(process.platform, process.env);
  const loginItem = new LoginItem({
    app,
    platform: process.platform,
    env: process.env,
    execPath: process.execPath,
    isDefaultApp: process.defaultApp === true,
    appName: 'Pterotray',
  });
  const desktop = (): DesktopInfo => {
    // ── tray (issue 15) ── a shortcut another application held may be free now: Settings, which
    // asks this each time it shows the field, then says so, and the tray shows it again.
    if (quickOpen.retry()) renderTray();
    return {
      launchAtLogin: loginItem.support(),
      hasTrayIcon,
      platform: platformName(),
      // ── tray2 (issue 15b) ── the shortcut asked for, when the system refused it.
      quickOpenShortcutProblem: quickOpen.problem,
    };
  };
  const openExternal = (url: string): void => {
    const verdict = checkExternalLink(url, s.accounts.list());
    if (verdict.allowed) void shell.openExternal(verdict.url);
    else logger.warn('links: refused to open a URL', { reason: verdict.reason });
  };
  // macOS only (app.dock is undefined elsewhere): the Dock icon is there while the window is.
  const dock = new DockPresence(app.dock);
  dock.start();
  const onScreen = new OnScreen((keys) => s.monitor.setAttention({ onScreen: keys }));
  const window = new MainWindow({
    preloadPath: paths.preload,
    pageUrl: paths.pageUrl,
    iconPath: paths.icon,
    bounds: s.settings.windowBounds(),
    onBoundsChanged: (b) => s.settings.setWindowBounds(b),
    ...quitting,
    hasTrayIcon,
    isAppUrl: appUrlMatcher(paths.pageUrl),
    openExternal,
    onVisibilityChanged: (isVisible) => {
      dock.windowVisibilityChanged(isVisible);
      onScreen.visibilityChanged(isVisible);
    },
    logger,
  });
  // Set below, once the tray exists: the notifier reports a refusal from its first show() on.
  let onNotificationStatus = (): void => {};
  const notifier = new Notifier({
    logger,
    iconPath: paths.icon,
    onStatus: (status) => {
      window.push.notificationsStatusChanged(status);
      onNotificationStatus();
    },
    onClick: ({ target, incidentId }) => {
      const server = target.identifier ? { accountId: target.accountId, identifier: target.identifier } : null;
      if (server) s.monitor.acknowledgeCrash(server);
      // ── incidents (issue 14) ── a notice of an incident lands on it; its page links the console or Settings.
      if (incidentId !== undefined && s.incidents.store.get(incidentId)) window.show({ view: 'incidents', server, incident: incidentId });
      else window.show({ view: server ? 'console' : 'settings', server });
    },
  });
  const openInPanel = async (ref: ServerRef): Promise<void> => openExternal(serverPageUrl(s.accounts.get(ref.accountId).url, ref.identifier));
  // ── tray (issue 15) ── over whatever the window shows; the view is ignored with quickOpen.
  const showQuickOpen = (byShortcut?: string): void =>
    window.show({ view: 'dashboard', server: null, quickOpen: true, ...(byShortcut === undefined ? {} : { byShortcut }) });
  const quickOpen = new QuickOpenShortcut({ onPress: showQuickOpen, logger });
  const actions = createTrayActions({
    // ── notices (issue 15) ── the tray's asks are confirmed once they land, or kept quiet.
    power: ownPower(s.notices, (ref, signal) => s.monitor.power(ref, signal), 'tray'),
    showWindow: (view, server) => window.show({ view, server }),
    openInPanel,
    refresh: () => s.monitor.refresh(),
    // ── tray (issue 15) ── pinning from the menu is the window's star: the same settings patch.
    setFavourite: (ref, isFavourite) => {
      const change = favouriteChange(s.settings.settings().favourites, serverKey(ref), isFavourite);
      if ('problem' in change) return 'too-many';
      s.settings.update(change);
      return 'ok';
    },
    quickOpen: () => showQuickOpen(),
    pause: (minutes) => s.settings.update(s.notices.pausePatch(minutes)),
    resume: () => s.settings.update(s.notices.resumePatch()),
    quit: () => app.quit(),
    reportFailure: (failure, error) => notifier.show(failureNotice(failure, error)),
    logger,
  });
  // While the menu is open, the servers it shows before scrolling have their live states sought first.
  const onMenuOpenChanged = (isOpen: boolean): void => s.monitor.setAttention({ inMenu: isOpen ? serversInMenuView(tray.drawnModel) : [] });
  const tray = new TrayController({
    ports: electronTrayPorts(),
    resourcesDir: paths.resources,
    actions,
    onActivate: () => window.show(),
    desktop: process.env.XDG_CURRENT_DESKTOP,
    onMenuOpenChanged,
  });
  // The desktop's own clock format for "as of 14:03" on a state that is not current.
  const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
  const sources: TraySources = {
    accounts: s.views,
    monitor: s.monitor,
    notices: s.notices,
    notificationsBlocked: () => notifier.status().isBlocked,
    formatTime: (ms) => timeOfDay.format(ms),
    // ── tray (issue 15) ──
    favourites: () => s.settings.settings().favourites,
    quickOpenShortcut: () => quickOpen.registered,
  };
  const renderTray = (): void => tray.render(trayModelFrom(sources));
  onNotificationStatus = renderTray;
  return { window, tray, quickOpen, notifier, renderTray, openExternal, attached: new Set(), loginItem, desktop, dock, onScreen };
}

/** How long a reinstall waits for its output socket before it is asked for anyway. */
const INSTALL_SOCKET_WAIT_MS = 5_000;

function registerIpc(s: AppServices, ui: Ui, logger: Logger): () => void {
  // Reinstall output sockets (issue 13): each ends itself; quitting ends the ones still open.
  const installWatches = new Set<() => void>();
  const unregister = registerHandlers({
    ipcMain,
    isAppUrl: appUrlMatcher(appPaths().pageUrl),
    logger,
    handlers: createHandlers({
      accounts: s.accounts,
      accountViews: s.views,
      // ── notices (issue 15) ── the window's power asks fold their state changes away.
      monitor: windowMonitor(s.monitor, s.notices),
      client: (id) => s.clients.get(id),
      transfers: s.transfers,
      dialogs: createDialogs(() => ui.window.browserWindow()),
      settings: s.settings,
      desktop: ui.desktop,
      // Asked by the page: only right after the person's own press or key (user-activation.ts).
      openInPanel: async (ref) => {
        const url = serverPageUrl(s.accounts.get(ref.accountId).url, ref.identifier);
        if (ui.window.activation.consume()) ui.openExternal(url);
        else logger.warn('links: refused to open a panel page the person did not ask for');
      },
      openTerms: async (feature) => {
        if (ui.window.activation.consume()) void shell.openExternal(FEATURE_TERMS_URLS[feature]);
        else logger.warn('links: refused to open terms the person did not ask for');
      },
      // ── startup (issue 13) ──
      writeClipboard: (text) => clipboard.writeText(text),
      openSftp: async (url) => {
        const verdict = checkSftpLink(
          url,
          s.monitor.servers().flatMap((v) => (v.sftp ? [v.sftp] : [])),
        );
        if (!verdict.allowed) logger.warn('links: refused an sftp link', { reason: verdict.reason });
        else if (ui.window.activation.consume()) void shell.openExternal(verdict.url);
        else logger.warn('links: refused to open an SFTP client the person did not ask for');
      },
      watchInstall: async (ref) => {
        const client = await s.clients.get(ref.accountId);
        return new Promise<() => void>((resolve) => {
          const ready = (): void => {
            clearTimeout(timer);
            resolve(stop);
          };
          const stop = watchInstallOutput({
            client,
            panelUrl: s.accounts.get(ref.accountId).url,
            identifier: ref.identifier,
            onLine: (text) => ui.window.push.consoleLine({ server: ref, text, kind: 'install-output' }),
            onReady: ready,
            onEnd: (why) => {
              installWatches.delete(stop);
              // The monitor polls an installing server slowly; Wings just said it is done.
              if (why === 'completed') void s.monitor.refresh(ref.accountId).catch(() => undefined);
            },
            clock: systemClock,
            logger,
          });
          installWatches.add(stop);
          const timer = setTimeout(ready, INSTALL_SOCKET_WAIT_MS);
        });
      },
      startDemo: () => s.demo.start(),
      commandHistory: s.commandHistory,
      console: { attach: (ref) => ui.attached.add(serverKey(ref)), detach: (ref) => ui.attached.delete(serverKey(ref)) },
      notificationStatus: () => ui.notifier.status(),
      reportOnScreen: (keys) => ui.onScreen.report(keys),
      now: () => Date.now(),
      copyText: async (text) => {
        await clipboard.writeText(text);
      },
      consumeActivation: () => ui.window.activation.consume(),
      // ── schedules (issue 13) ──
      scheduleFiles: createScheduleFiles(() => ui.window.browserWindow()),
      // ── backups (issue 13) ──
      backups: backupsPort(s.transfers, (event) => ui.window.push.backupsVerified(event)),
      // ── incidents (issue 14) ──
      incidents: { store: s.incidents.store, importActivity: s.incidents.importActivity, logger },
      // ── history (issue 14) ──
      history: { store: s.history, writeFile: (path, text) => writeFile(path, text, { encoding: 'utf8', mode: 0o644 }) },
      // ── alerts (issue 14) ──
      alerts: {
        views: () => s.alerts.views(),
        destinationOf: (input) => s.alerts.destinationOf(input),
        confirmDestination: createAlertQuestion(() => ui.window.browserWindow()),
        save: (input) => s.alerts.save(input),
        remove: (channelId) => s.alerts.remove(channelId),
        test: (channelId) => s.alerts.test(channelId),
      },
    }),
  });
  return () => {
    for (const stop of [...installWatches]) stop();
    unregister();
  };
}

/** Connects the services' events to the tray, notifications and window. */
function connectEvents(s: AppServices, ui: Ui): { disposers: Array<() => void>; syncAccounts(): void } {
  const recordNotice = installTestHooks(() => ui.tray.drawnModel);
  const ifAttached = (ref: ServerRef, push: () => void): void => {
    if (ui.attached.has(serverKey(ref))) push();
  };
  // ── console (issue 15) ──
  const consolePush = new ConsolePushBatcher((lines) => ui.window.push.consoleLines(lines));
  const syncAccounts = (): void => {
    s.monitor.setAccounts(
      s.accounts.list().map(({ id, name, url, keyStorage, isDemo, allowsPlainHttp }) => ({ id, name, url, keyStorage, isDemo, allowsPlainHttp })),
    );
    ui.window.push.accountsChanged(s.views());
    ui.renderTray();
  };
  const forgetRemoved = s.accounts.onChange((records) => {
    for (const id of s.monitor.accounts().map((a) => a.id)) if (!records.some((r) => r.id === id)) s.clients.forget(id);
  });
  const disposers = [
    forgetRemoved,
    s.accounts.onChange(syncAccounts),
    s.monitor.on('changed', () => {
      s.lastStates.changed();
      ui.renderTray();
      ui.window.push.serversChanged(s.monitor.servers());
      ui.window.push.accountsChanged(s.views());
    }),
    s.monitor.on('event', (event) => {
      for (const taken of s.notices.take([event])) {
        // ── incidents (issue 14) ── the notice names its incident, which the recorder stored just before.
        const notice = { ...taken, incidentId: incidentIdOf(event) };
        ui.notifier.show(notice);
        recordNotice?.(notice);
      }
    }),
    s.monitor.on('stats', (ref, sample) => ifAttached(ref, () => ui.window.push.statsSample({ server: ref, sample }))),
    // ── console (issue 15) ── lines in batches of a frame; a connection change comes after its lines.
    s.monitor.on('console', (line) => ifAttached(line.server, () => consolePush.push(line))),
    s.monitor.on('console-connection', (ref, connection) =>
      ifAttached(ref, () => {
        consolePush.flush();
        ui.window.push.consoleConnection({ server: ref, connection });
      }),
    ),
    () => consolePush.stop(),
    // ── backups (issue 13) ── every server's: the Backups tab is not the console's attach.
    s.monitor.on('backup-completed', (ref, b) =>
      ui.window.push.backupsCompleted({
        server: ref,
        uuid: b.uuid,
        isSuccessful: b.isSuccessful,
        checksum: b.checksum === null ? null : `${b.checksumType ?? 'sha1'}:${b.checksum}`,
      }),
    ),
    // ── incidents (issue 14) ──
    s.incidents.on('incident', (incident) => ui.window.push.incidentsAdded(incident)),
    // ── alerts (issue 14) ── a channel's status (deliveries, the failing mark), at most a few times a second.
    pushAlertsOnChange(s, ui),
    s.settings.onChange((settings) => {
      s.monitor.setAttention({ favourites: settings.favourites });
      ui.loginItem.apply(settings.launchAtLogin); // Writes only when it changed.
      ui.quickOpen.apply(settings.quickOpenShortcut ?? ''); // ── tray (issue 15) ── re-registers only when it changed.
      nativeTheme.themeSource = settings.theme;
      ui.window.push.settingsChanged(settings);
      ui.renderTray();
    }),
  ];
  return { disposers, syncAccounts };
}

/** Pushes the alert channels' views when they change, coalesced (a burst of deliveries is one push). */
function pushAlertsOnChange(s: AppServices, ui: Ui): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = s.alerts.onChange(() => {
    timer ??= setTimeout(() => {
      timer = null;
      void s.alerts.views().then(
        (views) => ui.window.push.alertsChanged(views),
        () => undefined, // The keychain went away: the page keeps what it has and asks again on its next list.
      );
    }, 250);
  });
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}

function connectSystem(s: AppServices, ui: Ui): () => void {
  const onTheme = (): void => ui.renderTray();
  const onResume = (): void => s.monitor.resync('resume');
  const onUnlock = (): void => s.monitor.resync('unlock');
  // A second launch shows the window; on macOS, re-opening the running app from Finder,
  // Spotlight or the Dock is 'activate', not a second instance (docs/api/app.md "Event:
  // 'activate' _macOS_").
  const showWindow = (): void => ui.window.show();
  // Electron has no online/offline event in main: check the network now and then, and resync once
  // when it comes back (a changed Wi-Fi, a VPN), rather than waiting for every backoff to expire.
  let wasOnline = net.isOnline();
  const networkTimer = setInterval(() => {
    const isOnline = net.isOnline();
    if (isOnline && !wasOnline) s.monitor.resync('network');
    wasOnline = isOnline;
  }, 10_000);
  nativeTheme.on('updated', onTheme);
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onUnlock);
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  return () => {
    clearInterval(networkTimer);
    nativeTheme.removeListener('updated', onTheme);
    powerMonitor.removeListener('resume', onResume);
    powerMonitor.removeListener('unlock-screen', onUnlock);
    app.removeListener('second-instance', showWindow);
    app.removeListener('activate', showWindow);
  };
}

/** Builds and starts everything; returns the disposer to run before quitting. */
export async function startApp(): Promise<() => Promise<void>> {
  const log = createAppLogger();
  const logger = log.logger;
  let isQuitting = false;
  let ui: Ui | null = null;
  const menu = applicationMenuTemplate(process.platform, app.isPackaged);
  Menu.setApplicationMenu(menu ? Menu.buildFromTemplate(menu) : null);
  // The renderer's scheme, on the default session the window uses (docs/api/protocol.md).
  protocol.handle(APP_SCHEME, createAppProtocolHandler(appPaths().rendererRoot));
  const services = createServices(logger, (p) => ui?.window.push.transfersProgress(p));
  ui = createUi(services, logger, {
    isQuitting: () => isQuitting,
    onQuitCancelled: () => {
      isQuitting = false;
      logger.info('app: quit cancelled to keep an unsaved edit');
    },
  });
  // A quit closes the window (honouring the page's beforeunload) before index.ts disposes all.
  const onBeforeQuit = (): void => {
    isQuitting = true;
  };
  app.on('before-quit', onBeforeQuit);
  const disposeIpc = registerIpc(services, ui, logger);
  const events = connectEvents(services, ui);
  const disposeSystem = connectSystem(services, ui);

  nativeTheme.themeSource = services.settings.settings().theme;
  ui.loginItem.apply(services.settings.settings().launchAtLogin);
  ui.quickOpen.apply(services.settings.settings().quickOpenShortcut ?? ''); // ── tray (issue 15) ──
  // The accounts first, then what was last seen of their servers, then the live states: every
  // row has its last known state (with its age) before the first request goes out.
  events.syncAccounts();
  services.monitor.setAttention({ favourites: services.settings.settings().favourites });
  services.monitor.seed(await services.lastStates.load());
  services.lastStates.start();
  services.monitor.start();
  if (services.accounts.list().length === 0) {
    // `npm run demo`: someone who just typed it wants to see the app, so the window opens on the
    // demo panel's dashboard rather than leaving only a tray icon to find.
    if (process.env.PTEROTRAY_DEMO === '1') {
      await services.demo.start().then(
        () => ui?.window.show({ view: 'dashboard', server: null }),
        (error: unknown) => logger.error('demo: could not start', { error }),
      );
    }
    // No navigation from here: the page opens onboarding itself while there is no account, so a
    // panel added meanwhile (or a reload) can never be overtaken by a stale "go to onboarding".
    else ui.window.show();
  } else if (!ui.desktop().hasTrayIcon) {
    // Nobody shows the tray icon here: without the window the app would look dead. The page
    // says why (DesktopInfo.hasTrayIcon).
    ui.window.show();
  }
  if (services.storeNotice) {
    // The history file was not usable (damaged, another program's, a newer build's) and was moved
    // aside whole, or the daemon records it: said once, where the person sees it.
    ui.notifier.show({
      kind: 'failure',
      key: 'store:notice',
      title: services.storeNotice.title,
      body: services.storeNotice.body,
      urgency: 'normal',
      target: { accountId: '', identifier: null },
    });
  }
  logger.info('app: started', { accounts: services.accounts.list().length });

  return async () => {
    isQuitting = true;
    app.removeListener('before-quit', onBeforeQuit);
    disposeIpc();
    disposeSystem();
    for (const dispose of events.disposers) dispose();
    await services.dispose();
    ui?.notifier.dispose();
    ui?.tray.dispose();
    ui?.quickOpen.dispose();
    ui?.window.dispose();
    ui?.dock.dispose();
    log.close();
  };
}
