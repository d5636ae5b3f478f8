/** Text for when the system refuses the app's notifications. */
import type { DesktopPlatform } from '../../../../shared/types';

export const notificationStrings = {
  blockedTitle: 'Notifications are blocked by the system',
  /** What to do, per desktop. */
  advice: (platform: DesktopPlatform): string =>
    ({
      darwin: 'macOS shows notifications only for a signed app: install a signed build of Pterotray, or allow Pterotray in System Settings → Notifications.',
      linux: 'No notification service answered: start your desktop’s notification daemon (for example dunst or mako on a bare window manager).',
      win32: 'Windows did not show it: check Settings → System → Notifications for Pterotray, and Do not disturb.',
      other: 'This system did not show it.',
    })[platform],
  systemSaid: (reason: string) => `The system said: “${reason}”`,
  consequence: 'Crashes and state changes still show in the tray icon and in this window.',
  dismiss: 'Dismiss',
  bannerLabel: 'Notifications blocked',
} as const;
