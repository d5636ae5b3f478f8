/**
 * All text of the window, in one place, ready for translation: each area has its own file, and
 * components read `t.area.key`. No user-facing string is written in a component.
 */
import { common } from './common';
import { onboardingStrings } from './onboarding';
import { dashboardStrings } from './dashboard';
import { settingsStrings } from './settings';
import { filesStrings } from './files';
import { serverStrings } from './server';
import { statsStrings } from './stats';
import { consoleStrings } from './console';
import { notificationStrings } from './notifications';
import { liveStrings } from './live';
import { pageStrings } from './page';
import { backupsStrings } from './backups';
import { schedulesStrings } from './schedules';
import { startupStrings } from './startup';
import { databasesStrings } from './databases';
import { networkStrings } from './network';
import { usersStrings } from './users';
import { activityStrings } from './activity';
// ── incidents (issue 14) ──
import { incidentsStrings } from './incidents';
// ── alerts (issue 14) ──
import { alertsStrings } from './alerts';
// ── tray (issue 15) ──
import { quickOpenStrings } from './quick-open';

export const t = {
  ...common,
  onboarding: onboardingStrings,
  dashboard: dashboardStrings,
  settings: settingsStrings,
  files: filesStrings,
  server: serverStrings,
  stats: statsStrings,
  console: consoleStrings,
  notifications: notificationStrings,
  live: liveStrings,
  page: pageStrings,
  backups: backupsStrings,
  schedules: schedulesStrings,
  startup: startupStrings,
  databases: databasesStrings,
  network: networkStrings,
  users: usersStrings,
  activity: activityStrings,
  // ── incidents (issue 14) ──
  incidents: incidentsStrings,
  // ── alerts (issue 14) ──
  alerts: alertsStrings,
  // ── tray (issue 15) ──
  quickOpen: quickOpenStrings,
} as const;
