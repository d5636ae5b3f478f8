import { describe, expect, it } from 'vitest';
import type { SimRequestLogEntry } from '../../src/sim';
import { describeRoutes, requestFigures, routeLabel } from './request-figures';

function entry(route: string, timeMs: number, status = 200, port: 'panel' | 'wings' = 'panel'): SimRequestLogEntry {
  return { method: route.split(' ')[0] ?? 'GET', route, path: '/x', port, timeMs, status };
}

const RESOURCES = 'GET /api/client/servers/:server/resources';
const TOKEN = 'GET /api/client/servers/:server/websocket';

describe('requestFigures', () => {
  const logs = [
    {
      limitPerMinute: 100,
      entries: [
        entry(RESOURCES, 1_000),
        entry(RESOURCES, 2_000, 429),
        entry(TOKEN, 3_000),
        entry('GET /api/servers/:uuid/ws', 3_500, 101, 'wings'),
        entry(RESOURCES, 70_000),
      ],
    },
    { limitPerMinute: 50, entries: [entry('GET /api/client', 10_000), entry('GET /api/client', 61_000, 0)] },
  ];

  it('counts REST requests on the panel port inside the span only', () => {
    const figures = requestFigures(logs, 10, 0, 60_000);
    expect(figures.requests).toBe(4);
    expect(figures.perServerPerMinute).toBeCloseTo(0.4);
    expect(figures.sharePerPanel).toEqual([0.03, 0.02]);
    expect(figures.tooManyRequests).toBe(1);
    expect(figures.errors).toBe(1);
    expect(figures.byRoute).toEqual({ resources: 2, 'ws token': 1, list: 1 });
  });

  it('takes the worst sliding minute of the busiest panel against its own limit', () => {
    const figures = requestFigures(logs, 10, 0, 120_000);
    // Panel 2: 2 requests within 51 s of 50 allowed = 4 %; panel 1: 3 of 100 = 3 %.
    expect(figures.peakShare).toBeCloseTo(0.04);
    expect(figures.errors).toBe(2);
  });
});

describe('route names', () => {
  it('shortens the routes the watchers use and lists the biggest first', () => {
    expect(routeLabel('GET /api/client')).toBe('list');
    expect(routeLabel(TOKEN)).toBe('ws token');
    expect(routeLabel('POST /api/client/servers/:server/power')).toBe('POST /api/client/servers/:server/power');
    expect(describeRoutes({ list: 1, resources: 5 })).toBe('resources 5, list 1');
    expect(describeRoutes({})).toBe('none');
  });
});
