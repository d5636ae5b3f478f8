/**
 * What each channel is sent, pure: one incident (or a test) as the request that service expects.
 * Every piece of text goes through safe-text.ts first, so no key, token or signed URL can reach a
 * body; the channel's own secrets (its URL, topic, token) are cut out by value too.
 *
 * - Discord, "Execute Webhook" (discord.com/developers/docs/resources/webhook#execute-webhook):
 *   JSON `content` (≤ 2000 characters) and `embeds` (≤ 10; title ≤ 256, description ≤ 4096,
 *   field value ≤ 1024); `allowed_mentions: {parse: []}` so a console line saying @everyone pings
 *   nobody. Success is 204 (200 with `?wait=true`).
 * - Slack, incoming webhooks (docs.slack.dev/messaging/sending-messages-using-incoming-webhooks):
 *   JSON `text` (the notification's fallback) and `blocks` (Block Kit); mrkdwn needs &, < and >
 *   escaped (docs.slack.dev/messaging/formatting-message-text#escaping). Success is 200 `ok`.
 * - ntfy (docs.ntfy.sh/publish): POST the message as the body to `<server>/<topic>`, with headers
 *   `Title`, `Priority` (1..5), `Tags` (comma separated, emoji short codes) and `Authorization`
 *   (`Bearer <token>` or `Basic base64(user:password)`, docs.ntfy.sh/publish/#authentication). A
 *   header can carry only Latin-1, so a title with other characters is sent as an RFC 2047
 *   encoded-word, which ntfy decodes since 2.4 (binwiederhier/ntfy#737).
 * - Generic webhook: webhook-format.ts.
 */
import type { Incident, IncidentSeverity } from '../incidents/types';
import { ChannelSetupError, type OutgoingRequest, type SafeMessage } from './message';
import type { ChannelConfig, ChannelSecret } from './types';
import { webhookRequest } from './webhook-format';

const COLOURS: Record<IncidentSeverity, number> = { critical: 0xe5484d, warning: 0xf5a524, info: 0x3e63dd };
const MARKS: Record<IncidentSeverity, string> = { critical: '🔴', warning: '🟠', info: '🔵' };

function facts(m: SafeMessage): Array<[string, string]> {
  const out: Array<[string, string]> = [['Panel', m.accountName]];
  if (m.serverName) out.push(['Server', m.serverName]);
  if (m.node) out.push(['Node', m.node]);
  if (m.exitCode !== null) out.push(['Exit code', String(m.exitCode)]);
  if (m.oomKilled !== null) out.push(['Out of memory', m.oomKilled ? 'yes' : 'no']);
  if (m.actor) out.push(['By', m.actor]);
  return out;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function discordBody(m: SafeMessage): string {
  const lines = m.lastLines.length ? `\n\`\`\`\n${m.lastLines.join('\n').replaceAll('```', "'''")}\n\`\`\`` : '';
  // No `username` or `avatar_url`: the webhook keeps the name and picture the person gave it in Discord.
  return JSON.stringify({
    content: cut(`${MARKS[m.severity]} ${m.title}`, 2000),
    embeds: [
      {
        title: cut(m.title, 256),
        description: cut(`${m.detail}${lines}`, 4096),
        color: COLOURS[m.severity],
        timestamp: new Date(m.at).toISOString(),
        fields: facts(m).map(([name, value]) => ({ name, value: cut(value, 1024), inline: true })),
        footer: { text: m.isTest ? 'Pterotray · test message' : `Pterotray · ${m.kind}` },
      },
    ],
    allowed_mentions: { parse: [] },
  });
}

/** Slack's three control characters in mrkdwn. */
function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function slackBody(m: SafeMessage): string {
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${MARKS[m.severity]} *${slackEscape(m.title)}*\n${slackEscape(m.detail)}` } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: facts(m)
            .map(([k, v]) => `${k}: ${slackEscape(v)}`)
            .join(' · '),
        },
      ],
    },
  ];
  if (m.lastLines.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(`\`\`\`${slackEscape(m.lastLines.join('\n'))}\`\`\``, 3000) } });
  return JSON.stringify({ text: `${m.title}: ${m.detail}`, blocks });
}

const NTFY_PRIORITY: Record<IncidentSeverity, string> = { critical: '5', warning: '4', info: '3' };
const NTFY_TAGS: Record<IncidentSeverity, string> = { critical: 'rotating_light', warning: 'warning', info: 'information_source' };

/** A header value as Latin-1 allows it; anything else as an RFC 2047 encoded-word (UTF-8, base64). */
export function headerText(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(oneLine) ? oneLine : `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

function ntfyRequest(channel: ChannelConfig, secret: ChannelSecret, m: SafeMessage): OutgoingRequest {
  const ntfy = channel.ntfy;
  if (!ntfy || !secret.topic) throw new ChannelSetupError('The ntfy topic is not set: edit the channel and enter it again.');
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    Title: headerText(m.title),
    Priority: NTFY_PRIORITY[m.severity],
    Tags: `${NTFY_TAGS[m.severity]},${m.kind}`,
  };
  if (ntfy.auth === 'token') {
    if (!secret.token) throw new ChannelSetupError('The ntfy access token is not set: edit the channel and enter it again.');
    headers.Authorization = `Bearer ${secret.token}`;
  } else if (ntfy.auth === 'basic') {
    if (!ntfy.username || secret.password === undefined)
      throw new ChannelSetupError('The ntfy user or password is not set: edit the channel and enter them again.');
    headers.Authorization = `Basic ${Buffer.from(`${ntfy.username}:${secret.password}`, 'utf8').toString('base64')}`;
  }
  const body = [m.detail, ...facts(m).map(([k, v]) => `${k}: ${v}`), ...(m.lastLines.length ? ['', ...m.lastLines] : [])].join('\n');
  return { url: `${ntfy.server.replace(/\/+$/, '')}/${encodeURIComponent(secret.topic)}`, headers, body };
}

function needUrl(secret: ChannelSecret): string {
  if (!secret.url) throw new ChannelSetupError('The webhook URL is not set: edit the channel and paste it again.');
  return secret.url;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** The request that tells `channel` about `message`. Throws ChannelSetupError when a secret it needs is missing. */
export function requestFor(channel: ChannelConfig, secret: ChannelSecret, message: SafeMessage, nowMs: number): OutgoingRequest {
  switch (channel.kind) {
    case 'discord':
      return { url: needUrl(secret), headers: { ...JSON_HEADERS }, body: discordBody(message) };
    case 'slack':
      return { url: needUrl(secret), headers: { ...JSON_HEADERS }, body: slackBody(message) };
    case 'ntfy':
      return ntfyRequest(channel, secret, message);
    case 'webhook':
      return webhookRequest(needUrl(secret), channel.webhook?.isSigned === true ? (secret.signingKey ?? null) : null, message, nowMs);
  }
}

/** The incident "Send test" sends: plainly a test, about no server. */
export function testIncident(channel: ChannelConfig, nowMs: number): Incident {
  return {
    id: `test:${channel.id}:${nowMs}`,
    at: nowMs,
    kind: 'state',
    severity: 'info',
    accountId: 'test',
    accountName: 'Pterotray',
    server: null,
    node: null,
    title: 'Pterotray test message',
    detail: `If you can read this, alerts reach "${channel.name}".`,
    actor: null,
    source: 'app',
    crash: null,
  };
}
