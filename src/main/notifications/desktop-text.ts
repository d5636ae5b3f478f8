/**
 * The title and body exactly as Electron's Notification gets them, per desktop. The notifier
 * calls this for every notification, so no text reaches the desktop another way.
 *
 * Linux (and the BSDs, where Electron also uses libnotify). Electron hands both strings on
 * untouched: LibnotifyNotification::Show (shell/browser/notifications/linux/
 * libnotify_notification.cc) calls notify_notification_new(title, msg) and never asks the server
 * for `body-markup` (only for `actions` and `append`), and libnotify sends them as given. The
 * Desktop Notifications Specification lets a server that advertises `body-markup` read the body
 * as markup (<b>, <i>, <u>, <a href>, <img>), so a body holding `<a href="https://evil.example/">`
 * is a link that seems to come from Pterotray. Chromium's own Linux bridge escapes `&`, `<` and
 * `>` in the body when the server advertises `body-markup`, never in the summary
 * (EscapeUnsafeCharacters, chrome/browser/notifications/notification_platform_bridge_linux.cc).
 * Electron does not tell us the server's capabilities, so the body is escaped always: the
 * common servers (GNOME Shell, KDE Plasma, dunst) advertise `body-markup`, dunst leaves the
 * escaping to the client (dunst-project/dunst#546), and where a server does not, the worst is an
 * "&amp;" shown as such. Our own sentences hold none of the three characters, so only a name with
 * one of them could ever show so.
 *
 * The summary (title) is plain text in the specification; GNOME Shell escapes it itself
 * (js/ui/messageList.js, the title setter: `_fixMarkup(text, false)`) and dunst does since 2018
 * (dunst-project/dunst#503, fixing #497). Escaping it here would show "&lt;" on those, so `<`
 * and `>` are stripped from it instead: nothing is lost that a title needs, and a server that
 * still reads the summary as markup, as dunst did before that fix, finds no tag in it. `&`
 * stays: alone it makes no tag.
 *
 * macOS and Windows read neither as markup (UNNotificationContent takes plain strings; Electron's
 * Windows toast XML is written by XmlWriter, ours by toastXml, both escaping), so escaping there
 * would show the entities. Everywhere, both are cleaned of control and bidi characters
 * (core/rules/notice-text.ts) and kept to a length a notification can show.
 */
import { capChars, plainLine } from '../../core/rules/notice-text';

export const TITLE_MAX_CHARS = 120;
export const BODY_MAX_CHARS = 400;

/** The body's markup characters as entities (Chromium's EscapeUnsafeCharacters; `&` first). */
export function escapeBodyMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The texts for `platform`: cleaned and capped everywhere; on libnotify, the title stripped of `<>` and the body escaped. */
export function desktopText(platform: NodeJS.Platform, text: { title: string; body: string }): { title: string; body: string } {
  const isLinux = platform !== 'darwin' && platform !== 'win32';
  // Stripped before the cap and the clean-up, so the cap counts what is shown and no double space is left.
  const title = capChars(plainLine(isLinux ? text.title.replace(/[<>]/g, '') : text.title), TITLE_MAX_CHARS);
  // Capped before escaping, so the cut never falls inside an entity.
  const body = capChars(plainLine(text.body), BODY_MAX_CHARS);
  return { title, body: isLinux ? escapeBodyMarkup(body) : body };
}
