import { describe, expect, it } from 'vitest';
import { detectEventsLog, firstMeaningfulLine } from '../../../src/model/events/detectEventsLog';
import { fixtureLogs } from './helpers';

describe('detectEventsLog', () => {
  for (const { file, text } of fixtureLogs()) {
    it(`finds the fixture ${file}`, () => {
      expect(detectEventsLog(text, file)).toBe(true);
      // Content decides: the same text without a name, or with another log-ish name.
      expect(detectEventsLog(text)).toBe(true);
      expect(detectEventsLog(text, 'events')).toBe(true);
    });
  }

  it('reads the three shapes from their first line', () => {
    expect(detectEventsLog('2017-01-05T00:35:58.859401177+08:00 container create 0fdb (image=alpine, name=test)')).toBe(true);
    expect(detectEventsLog('2026-01-01T00:00:01Z container start abc (name=web)')).toBe(true);
    expect(detectEventsLog('Type=container  Status=create  ID=2ee349dac409')).toBe(true);
    expect(detectEventsLog('{"Type":"container","Action":"create","Actor":{"ID":"x","Attributes":{}}}')).toBe(true);
    // Legacy (pre-1.10) JSON: status/id/from only.
    expect(detectEventsLog('{"status":"kill","id":"273a26b6855e","from":"a33df36cfc8e","time":1439184255}')).toBe(true);
  });

  it('skips a BOM, blank lines, CRLF and # comments before the first event', () => {
    expect(detectEventsLog('\uFEFF\r\n\n# captured on host-1\r\n   \n2026-01-01T00:00:01Z container start abc (name=web)\r\n')).toBe(true);
    expect(firstMeaningfulLine('\n  # c\n\n  Type=container Status=start ID=1 \n')).toBe('Type=container Status=start ID=1');
  });

  it('does not take compose files (YAML or JSON) for logs', () => {
    expect(detectEventsLog('services:\n  web:\n    image: nginx\n', 'compose.yaml')).toBe(false);
    expect(detectEventsLog('# my app\nname: shop\nservices:\n  web:\n    image: nginx\n')).toBe(false);
    expect(detectEventsLog('{\n  "services": { "web": { "image": "nginx" } }\n}\n', 'compose.json')).toBe(false);
    expect(detectEventsLog('{"services":{"web":{"image":"nginx"}}}')).toBe(false);
    expect(detectEventsLog('version: "3.8"\nservices: {}\n')).toBe(false);
  });

  it('never takes a .yml/.yaml file, whatever it holds', () => {
    const log = '2026-01-01T00:00:01Z container start abc (name=web)';
    expect(detectEventsLog(log, 'events.yml')).toBe(false);
    expect(detectEventsLog(log, 'EVENTS.YAML')).toBe(false);
  });

  it('says no for empty, comment-only, prose and non-event JSON', () => {
    expect(detectEventsLog('')).toBe(false);
    expect(detectEventsLog('\n\n# nothing here\n')).toBe(false);
    expect(detectEventsLog('hello world\n2026-01-01T00:00:01Z container start abc (name=web)')).toBe(false);
    expect(detectEventsLog('[1, 2, 3]')).toBe(false);
    expect(detectEventsLog('{"Type":"container"}')).toBe(false);
    expect(detectEventsLog('2026-01-01 container start')).toBe(false);
    expect(detectEventsLog(42 as unknown as string)).toBe(false);
  });

  it('recognises a JSON log whose first line is broken or cut', () => {
    expect(detectEventsLog('{"Type":"container","Action":"create","Actor":{"ID":"x"')).toBe(true);
    expect(detectEventsLog(`{"status":"create","id":"${'a'.repeat(70_000)}"}`)).toBe(true);
  });
});
