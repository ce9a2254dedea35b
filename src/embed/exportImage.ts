/**
 * "Export PNG" / "Export SVG": the current view of the canvas as an image, drawn by
 * html-to-image, which is loaded only when first used (a dynamic import, its own chunk)
 * so it adds nothing to the embed's start-up. The file is downloaded through an anchor
 * with a blob URL.
 */

export type ImageFormat = 'png' | 'svg';

/** Classes of React Flow's own chrome, left out of the picture. */
const LEFT_OUT = ['react-flow__controls', 'react-flow__minimap', 'react-flow__attribution', 'react-flow__panel'];

/** A data URL (`data:image/png;base64,…` or `data:image/svg+xml;charset=utf-8,…`) as a Blob. */
export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || comma < 0) throw new Error('not a data URL');
  const header = dataUrl.slice(5, comma);
  const body = dataUrl.slice(comma + 1);
  const type = header.split(';')[0] || 'application/octet-stream';
  if (header.split(';').includes('base64')) {
    const binary = atob(body);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}

/** `container-lifecycle-ecommerce-2026-01-01T10-00-00.png` */
export function exportFileName(project: string, format: ImageFormat, date = new Date()): string {
  const stamp = date.toISOString().slice(0, 19).replace(/:/g, '-');
  const safe = project.replace(/[^a-zA-Z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'architecture';
  return `container-lifecycle-${safe}-${stamp}.${format}`;
}

/** Saves `blob` as `fileName` (an anchor with a blob URL, revoked afterwards). */
function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  doc.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws `element` (the React Flow canvas) as PNG or SVG and downloads it. */
export async function exportView(element: HTMLElement, format: ImageFormat, fileName: string): Promise<void> {
  const { toPng, toSvg } = await import('html-to-image');
  const style = getComputedStyle(element);
  const background = style.getPropertyValue('--canvas-bg').trim() || style.backgroundColor || '#ffffff';
  const options = {
    backgroundColor: background,
    // System fonts only: skip reading the page's style sheets for web fonts (cross-origin sheets would throw).
    skipFonts: true,
    pixelRatio: format === 'png' ? Math.max(2, globalThis.devicePixelRatio || 1) : 1,
    filter: (node: HTMLElement) => !(node.classList && LEFT_OUT.some((c) => node.classList.contains(c))),
  };
  const dataUrl = format === 'png' ? await toPng(element, options) : await toSvg(element, options);
  downloadBlob(dataUrlToBlob(dataUrl), fileName, element.ownerDocument);
}
