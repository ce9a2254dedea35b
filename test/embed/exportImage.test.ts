/** Export helpers that need no DOM: data URL → Blob, file names. */
import { describe, expect, it } from 'vitest';
import { dataUrlToBlob, exportFileName } from '../../src/embed/exportImage';

describe('dataUrlToBlob', () => {
  it('decodes base64 PNG data and URI-encoded SVG', async () => {
    const png = dataUrlToBlob('data:image/png;base64,iVBORw0KGgo=');
    expect(png.type).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const svg = dataUrlToBlob(`data:image/svg+xml;charset=utf-8,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg"/>')}`);
    expect(svg.type).toBe('image/svg+xml');
    expect(await svg.text()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });

  it('refuses what is not a data URL', () => {
    expect(() => dataUrlToBlob('https://x/y.png')).toThrow('not a data URL');
  });
});

describe('exportFileName', () => {
  it('names the file after the project and the time', () => {
    expect(exportFileName('ecommerce', 'png', new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('container-lifecycle-ecommerce-2026-01-02T03-04-05.png');
    expect(exportFileName('../a b', 'svg', new Date(0))).toBe('container-lifecycle-a-b-1970-01-01T00-00-00.svg');
  });
});
