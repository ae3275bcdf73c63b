import { describe, expect, it } from 'vitest';
import { parseMachineDate, parsePortalDate } from '../../../../main/extract';

describe('parsePortalDate', () => {
  it('reads dd/mm/yyyy as local (UTC+7) midnight with day precision', () => {
    expect(parsePortalDate('06/01/2014 | 224')).toEqual({ iso: '2014-01-05T17:00:00.000Z', precision: 'day' });
  });

  it('reads "Thứ Hai, dd/mm/yyyy HH:MM" as UTC+7 and ignores the view count', () => {
    expect(parsePortalDate('Thứ Hai, 06/01/2014 18:31 Lượt xem: 9029')).toEqual({ iso: '2014-01-06T11:31:00.000Z', precision: 'minute' });
    expect(parsePortalDate('Chủ nhật, 12/01/2014 02:46')).toEqual({ iso: '2014-01-11T19:46:00.000Z', precision: 'minute' });
  });

  it('accepts the clock before the date, seconds, and an explicit GMT offset', () => {
    expect(parsePortalDate('10:05 6/1/2014')?.iso).toBe('2014-01-06T03:05:00.000Z');
    expect(parsePortalDate('06-01-2014 10:05:09')).toEqual({ iso: '2014-01-06T03:05:09.000Z', precision: 'second' });
    expect(parsePortalDate('06/01/2014 10:05 (GMT+0)')?.iso).toBe('2014-01-06T10:05:00.000Z');
  });

  it('reads the worded form', () => {
    expect(parsePortalDate('Hà Nội, ngày 6 tháng 1 năm 2014')?.iso).toBe('2014-01-05T17:00:00.000Z');
  });

  it('rejects impossible dates and text without a date', () => {
    expect(parsePortalDate('31/02/2014')).toBeNull();
    expect(parsePortalDate('Lượt xem: 1234')).toBeNull();
    expect(parsePortalDate('(3 ngày trước)')).toBeNull();
  });

  it('does not take a view count for a clock', () => {
    expect(parsePortalDate('06/01/2014 | 1234')?.precision).toBe('day');
  });
});

describe('parseMachineDate', () => {
  it('keeps zoned timestamps exact, milliseconds included', () => {
    expect(parseMachineDate('2014-01-06T02:07:37.000Z')).toEqual({ iso: '2014-01-06T02:07:37.000Z', precision: 'second' });
    expect(parseMachineDate('2014-01-06T09:07:37.250+07:00')?.iso).toBe('2014-01-06T02:07:37.250Z');
    expect(parseMachineDate('2014-01-06T09:07+0700')).toEqual({ iso: '2014-01-06T02:07:00.000Z', precision: 'minute' });
  });

  it('reads zoneless values as portal local time, and a bare date as local midnight', () => {
    expect(parseMachineDate('2014-01-06 09:07:37')?.iso).toBe('2014-01-06T02:07:37.000Z');
    expect(parseMachineDate('2014-01-06')).toEqual({ iso: '2014-01-05T17:00:00.000Z', precision: 'day' });
  });

  it('rejects non-dates', () => {
    expect(parseMachineDate('hôm qua')).toBeNull();
    expect(parseMachineDate('2014-13-01')).toBeNull();
  });
});
