/**
 * Every style the widget needs, as one string for its shadow root (custom element and
 * React component): React Flow's CSS, the theme, and the CSS of the features the widget
 * renders, imported as strings with Vite's `?inline`. The theme's `:root` rules are
 * scoped to the widget's root element (`.cl-root`), which carries `data-theme`.
 */
import flowCss from '@xyflow/react/dist/style.css?inline';
import themeCss from '../app/theme.css?inline';

const featureCss = import.meta.glob<string>(
  ['../features/architecture/*.css', '../features/actions/*.css', '../features/log/*.css', '../features/replay/*.css', './embed.css'],
  { query: '?inline', import: 'default', eager: true },
);

/** `:root` → `.cl-root` (a shadow root has no `:root`). */
function scopeToWidget(css: string): string {
  return css.replace(/:root\b/g, '.cl-root');
}

/** The host element: a block that fills what the page gives it (480 px high by default). */
const HOST_CSS = `
:host { display: block; position: relative; width: 100%; height: 480px; min-height: 160px; overflow: hidden; }
:host([hidden]) { display: none; }
.cl-mount { width: 100%; height: 100%; }
@media print { :host { break-inside: avoid; } }
`;

const WIDGET_CSS = [HOST_CSS, flowCss, scopeToWidget(themeCss), ...Object.keys(featureCss).sort().map((k) => scopeToWidget(featureCss[k] ?? ''))].join('\n');

let shared: CSSStyleSheet | null = null;

/** Puts the widget's styles into `root` (a shared constructed sheet where supported, else a `<style>`). */
export function adoptWidgetStyles(root: ShadowRoot): void {
  try {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(WIDGET_CSS);
    }
    if (!root.adoptedStyleSheets.includes(shared)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
    return;
  } catch {
    // Another document's sheet, or no constructable sheets: fall back to a <style>.
  }
  if (root.querySelector('style[data-container-lifecycle]')) return;
  const style = root.ownerDocument.createElement('style');
  style.dataset.containerLifecycle = '';
  style.textContent = WIDGET_CSS;
  root.prepend(style);
}
