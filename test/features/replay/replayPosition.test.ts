import { describe, expect, it } from 'vitest';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';
import {
  currentEvent,
  eventSummary,
  formatEventClock,
  formatEventTime,
  positionFromInput,
  positionLabel,
  scrubberValueText,
} from '../../../src/features/replay/replayPosition';
import { BASIC, fixture } from './helpers';

const basic = parseEventsLog(fixture(BASIC)).events;
const custom = parseEventsLog(fixture('docker-cli_events-md__custom_format.txt')).events;

describe('scrubber mapping', () => {
  it('maps the range input value to a whole position in 0..length', () => {
    expect(positionFromInput('0', 7)).toBe(0);
    expect(positionFromInput('3', 7)).toBe(3);
    expect(positionFromInput(2.6, 7)).toBe(3);
    expect(positionFromInput('99', 7)).toBe(7);
    expect(positionFromInput('-4', 7)).toBe(0);
    expect(positionFromInput('', 7)).toBe(0);
    expect(positionFromInput('abc', 7)).toBe(0);
    expect(positionFromInput(Number.POSITIVE_INFINITY, 7)).toBe(0);
  });

  it('the current event is the last one applied', () => {
    expect(currentEvent(basic, 0)).toBeUndefined();
    expect(currentEvent(basic, 1)?.line).toBe(1);
    expect(currentEvent(basic, 7)?.line).toBe(7);
    expect(currentEvent(basic, 8)).toBeUndefined();
  });

  it('says where the replay is', () => {
    expect(positionLabel(0, 40)).toBe('no event applied yet (0 of 40)');
    expect(positionLabel(12, 40)).toBe('event 12 of 40');
    expect(eventSummary(basic[4]!)).toBe('container die test');
    expect(eventSummary(basic[1]!)).toBe('network connect bridge');
    expect(eventSummary(custom[0]!)).toBe('container create 2ee349dac409');
  });

  it('shows recorded times in UTC, and none when the log has none', () => {
    // 2017-01-05T00:36:09.840186338+08:00
    expect(formatEventTime(basic[4]!.message.timeNano)).toBe('2017-01-04 16:36:09.840 UTC');
    expect(formatEventClock(basic[4]!.message.timeNano)).toBe('16:36:09');
    expect(formatEventTime(custom[0]!.message.timeNano)).toBeNull();
    expect(formatEventTime(Number.NaN)).toBeNull();
  });

  it('gives the range an aria-valuetext with the event and its time', () => {
    expect(scrubberValueText(basic, 0)).toBe('no event applied yet (0 of 7)');
    expect(scrubberValueText(basic, 5)).toBe('event 5 of 7: line 5, container die test, 2017-01-04 16:36:09.840 UTC');
    expect(scrubberValueText(custom, 2)).toBe('event 2 of 6: line 2, container attach 2ee349dac409');
  });
});
