/** src/shared/cron.ts against dragonmantank/cron-expression's rules (AbstractField::validate, the day fields, getRunDate). */
import { describe, expect, test } from 'vitest';
import { cronFieldProblems, nextRuns, offsetMinutesOf, panelAcceptsCron, type CronFields } from '../../../src/shared/cron';
import { parseScheduleFileText, scheduleFileName, scheduleFileText } from '../../../src/shared/schedule-file';

const cron = (text: string): CronFields => {
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = text.split(' ');
  return { minute, hour, dayOfMonth, month, dayOfWeek };
};
// Thursday 3 December 2026, 19:05:30 UTC.
const NOW = Date.UTC(2026, 11, 3, 19, 5, 30);
const iso = (ms: number[]): string[] => ms.map((m) => new Date(m).toISOString().slice(0, 16));

describe('what the panel accepts', () => {
  test.each([
    ['* * * * *', true],
    ['*/5 * * * *', true],
    ['0-59/15 * * * *', true],
    ['5/10 * * * *', false], // "Don't allow numeric ranges"
    ['*/0 * * * *', false],
    ['60 * * * *', false],
    ['0 24 * * *', false],
    ['0 4 0 * *', false],
    ['0 4 L * *', true],
    ['0 4 15W * *', true],
    ['0 4 LW * *', true],
    ['0 4 1,L * *', false], // a list may not hold L or W
    ['0 4 * JAN-MAR *', true],
    ['0 4 * 13 *', false],
    ['0 4 * * MON-FRI', true],
    ['0 4 * * 7', true],
    ['0 4 * * 8', false],
    ['0 4 * * 5#3', true],
    ['0 4 * * 5#6', false],
    ['0 4 * * 5L', true],
    ['0 4 * * L', false],
    ['0 4 ? * 1', true],
    ['0 4 ? * ?', false],
    ['? 4 * * *', false],
    ['1-2-3 * * * *', false],
    ['*-5 * * * *', false],
    ['0 4 30 2 *', false], // parses, never runs: the panel's getNextRunDate throws
  ])('%s → %s', (text, accepted) => {
    expect(panelAcceptsCron(cron(text), NOW)).toBe(accepted);
  });

  test('names the field it refuses', () => {
    expect(cronFieldProblems(cron('0 25 * * *'))).toEqual({ hour: 'not a value the panel accepts' });
    expect(cronFieldProblems({ ...cron('0 4 * * *'), minute: '' })).toEqual({ minute: 'required' });
    expect(cronFieldProblems({ ...cron('0 4 * * *'), minute: '0 1' })).toEqual({ minute: 'no spaces' });
  });
});

describe('next runs', () => {
  test('strictly after the current minute, in UTC', () => {
    expect(iso(nextRuns(cron('*/15 * * * *'), NOW, 3))).toEqual(['2026-12-03T19:15', '2026-12-03T19:30', '2026-12-03T19:45']);
    expect(iso(nextRuns(cron('5 19 * * *'), NOW, 1))).toEqual(['2026-12-04T19:05']);
  });

  test('both day fields restricted: either one runs (getRunDate)', () => {
    // 1st of the month or any Monday: Mon 7, Mon 14, … and 1 January.
    expect(iso(nextRuns(cron('0 0 1 * 1'), NOW, 4))).toEqual(['2026-12-07T00:00', '2026-12-14T00:00', '2026-12-21T00:00', '2026-12-28T00:00']);
    expect(iso(nextRuns(cron('0 0 1 * 1'), NOW, 5))[4]).toBe('2027-01-01T00:00');
  });

  test('L, W, # and Sunday as 0 or 7', () => {
    expect(iso(nextRuns(cron('0 12 L * *'), NOW, 2))).toEqual(['2026-12-31T12:00', '2027-01-31T12:00']);
    // 5 December 2026 is a Saturday: the nearest weekday is Friday the 4th.
    expect(iso(nextRuns(cron('0 12 5W * *'), NOW, 1))).toEqual(['2026-12-04T12:00']);
    expect(iso(nextRuns(cron('0 12 * * 5#3'), NOW, 1))).toEqual(['2026-12-18T12:00']);
    expect(iso(nextRuns(cron('0 12 * * 5L'), NOW, 1))).toEqual(['2026-12-25T12:00']);
    expect(nextRuns(cron('0 12 * * 7'), NOW, 2)).toEqual(nextRuns(cron('0 12 * * 0'), NOW, 2));
    expect(iso(nextRuns(cron('0 12 * * SUN'), NOW, 1))).toEqual(['2026-12-06T12:00']);
    expect(iso(nextRuns(cron('0 12 * * 5-7'), NOW, 3))).toEqual(['2026-12-04T12:00', '2026-12-05T12:00', '2026-12-06T12:00']);
  });

  test("on the panel's clock: an offset moves the runs", () => {
    // 04:00 at +02:00 is 02:00 UTC.
    expect(iso(nextRuns(cron('0 4 * * *'), NOW, 1, 120))).toEqual(['2026-12-04T02:00']);
    expect(offsetMinutesOf('2026-12-04T04:00:00+02:00')).toBe(120);
    expect(offsetMinutesOf('2026-12-04T04:00:00-05:30')).toBe(-330);
    expect(offsetMinutesOf(null)).toBeNull();
  });
});

describe('schedule files', () => {
  const ours = {
    name: 'Nightly restart',
    cron: cron('0 4 * * *'),
    isActive: true,
    onlyWhenOnline: false,
    tasks: [
      { sequenceId: 1, action: 'command', payload: 'say bye', timeOffsetS: 0, continueOnFailure: false },
      { sequenceId: 2, action: 'power', payload: 'restart', timeOffsetS: 30, continueOnFailure: true },
    ],
  };

  test('ours round-trips', () => {
    expect(parseScheduleFileText(scheduleFileText(ours))).toEqual(ours);
  });

  test("Pelican's export (ScheduleExporterService) is read, tasks put in sequence order", () => {
    const pelican = JSON.stringify({
      name: 'Nightly restart',
      is_active: true,
      only_when_online: false,
      cron_minute: '0',
      cron_hour: '4',
      cron_day_of_month: '*',
      cron_month: '*',
      cron_day_of_week: '*',
      tasks: [
        { sequence_id: 2, action: 'power', payload: 'restart', time_offset: 30, continue_on_failure: true },
        { sequence_id: 1, action: 'command', payload: 'say bye', time_offset: 0, continue_on_failure: false },
      ],
    });
    expect(parseScheduleFileText(pelican)).toEqual(ours);
  });

  test("Pelican's importer defaults for a missing cron field; refusals say why", () => {
    expect(parseScheduleFileText('{"name":"x","cron_hour":"3"}').cron).toEqual(cron('0 3 * * *'));
    expect(() => parseScheduleFileText('nope')).toThrow(/not JSON/);
    expect(() => parseScheduleFileText('{"name":"x"}')).toThrow(/neither/);
    expect(() => parseScheduleFileText('{"cron_minute":"0"}')).toThrow(/no name/);
    expect(() => parseScheduleFileText('{"name":"x","cron_minute":"0","tasks":[{}]}')).toThrow(/Task 1 has no action/);
  });

  test("Pelican's file name", () => {
    expect(scheduleFileName('Nightly Restart!')).toBe('schedule-nightly-restart.json');
  });
});
