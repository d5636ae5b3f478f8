import { app } from 'electron';

app.whenReady().then(() => {
  // The tray app is wired here in the tray issue.
});
