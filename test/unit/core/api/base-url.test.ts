import { describe, expect, it } from 'vitest';
import { normalizePanelUrl } from '../../../../src/core/api/base-url';
import { PanelClient } from '../../../../src/core/api/client';

describe('normalizePanelUrl', () => {
  it.each([
    ['https://panel.example.com', 'https://panel.example.com'],
    ['https://panel.example.com/', 'https://panel.example.com'],
    ['https://panel.example.com///', 'https://panel.example.com'],
    ['https://panel.example.com/api/client', 'https://panel.example.com'],
    ['https://panel.example.com/api/client/', 'https://panel.example.com'],
    ['https://panel.example.com/API/Client', 'https://panel.example.com'],
    ['panel.example.com', 'https://panel.example.com'],
    ['  panel.example.com:8443/  ', 'https://panel.example.com:8443'],
    ['http://192.168.1.10:8080/api/client', 'http://192.168.1.10:8080'],
    ['https://example.com/panel/', 'https://example.com/panel'],
    ['https://example.com/panel/api/client/', 'https://example.com/panel'],
    ['https://user:pass@Panel.Example.com/?x=1#frag', 'https://panel.example.com'],
  ])('%j → %j', (input, want) => {
    expect(normalizePanelUrl(input)).toBe(want);
  });

  it.each(['', '   ', 'ftp://panel.example.com', 'https://', 'http://exa mple.com'])('rejects %j as validation', (input) => {
    expect(() => normalizePanelUrl(input)).toThrow(expect.objectContaining({ kind: 'validation' }));
  });
});

describe('PanelClient construction', () => {
  it('exposes the normalised URL and refuses an empty or malformed key', () => {
    const c = new PanelClient({ url: 'panel.example.com/api/client/', apiKey: ' ptlc_x ' });
    expect(c.url).toBe('https://panel.example.com');
    c.dispose();
    expect(() => new PanelClient({ url: 'https://p', apiKey: '  ' })).toThrow(expect.objectContaining({ kind: 'auth' }));
    expect(() => new PanelClient({ url: 'https://p', apiKey: 'ptlc_a\nb' })).toThrow(expect.objectContaining({ kind: 'auth' }));
  });
});
