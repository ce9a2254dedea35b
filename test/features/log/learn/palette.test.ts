/**
 * The palette passes WCAG AA in both themes, computed from the CSS custom properties of
 * src/app/theme.css: text 4.5:1 (status labels on their node backgrounds, muted text,
 * the log), non-text 3:1 (status borders and icons, edges, focus rings). And the
 * `prefers-color-scheme: dark` block is the same palette as `data-theme="dark"`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const themeCss = readFileSync(resolve('src/app/theme.css'), 'utf8');
const logCss = readFileSync(resolve('src/features/log/EventLog.css'), 'utf8');

function declarations(body: string): Record<string, string> {
  return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]));
}

function block(pattern: RegExp): Record<string, string> {
  const match = pattern.exec(themeCss);
  if (!match?.[1]) throw new Error(`theme.css: no block ${pattern}`);
  return declarations(match[1]);
}

const light = block(/^:root \{([\s\S]*?)\n\}/m);
const darkForced = block(/:root\[data-theme='dark'\] \{([\s\S]*?)\n\}/);
const darkSystem = block(/@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme='light'\]\) \{([\s\S]*?)\n {2}\}/);
/** Fallbacks written in EventLog.css (`var(--log-learn, #e3b341)`), for the log's own accents. */
const logFallbacks = Object.fromEntries([...logCss.matchAll(/var\((--log-[\w-]+),\s*(#[0-9a-f]{6})\)/gi)].map((m) => [m[1] ?? '', m[2] ?? '']));

const THEMES = { light: { ...logFallbacks, ...light }, dark: { ...logFallbacks, ...light, ...darkForced } } as const;

type Rgba = [number, number, number, number];

function parseColour(value: string): Rgba {
  const hex = /^#([0-9a-f]{6})$/i.exec(value);
  if (hex?.[1]) {
    const n = Number.parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgb = /^rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)(?:\s*[/,]\s*([\d.]+))?\)$/.exec(value);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
  throw new Error(`not a colour: ${value}`);
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => (top[i] ?? 0) * a + (bottom[i] ?? 0) * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const STATUSES = ['created', 'running', 'paused', 'exited', 'restarting'] as const;

/** [foreground, background, minimum, what] — a background may be `overlay over base`. */
type Pair = [string, string, number, string];

function pairs(): Pair[] {
  const list: Pair[] = [];
  for (const s of STATUSES) {
    list.push([`--status-${s}`, `--status-${s}-bg`, 4.5, `${s} label on its node`]);
    list.push(['--text', `--status-${s}-bg`, 4.5, `node name on a ${s} node`]);
    list.push(['--text-muted', `--status-${s}-bg`, 4.5, `image / facts on a ${s} node`]);
    list.push([`--status-${s}`, '--surface', 4.5, `${s} in the side panel and legend`]);
    list.push([`--status-${s}`, '--canvas-bg', 3, `${s} border and icon on the canvas`]);
  }
  list.push(['--status-paused', '--status-paused-stripe over --status-paused-bg', 4.5, 'paused label on the stripes']);
  list.push(['--text-muted', '--status-paused-stripe over --status-paused-bg', 4.5, 'paused node facts on the stripes']);
  list.push(['--status-removed', '--canvas-bg', 4.5, 'removed label on the canvas']);
  list.push(['--status-removed', '--surface', 4.5, 'removed in the legend']);
  for (const bg of ['--bg', '--surface', '--surface-2', '--button-bg', '--node-bg']) {
    list.push(['--text', bg, 4.5, `text on ${bg}`]);
    list.push(['--text-muted', bg, 4.5, `muted text on ${bg}`]);
  }
  // Disabled controls are exempt from 1.4.3; they stay readable (3:1) because their labels teach.
  for (const bg of ['--bg', '--surface', '--surface-2', '--button-bg']) list.push(['--text-disabled', bg, 3, `disabled control text on ${bg}`]);
  list.push(['--accent-contrast', '--accent', 4.5, 'primary button']);
  list.push(['--accent', '--surface', 4.5, 'accent text']);
  list.push(['--degraded-text', '--degraded-bg', 4.5, 'degraded badge']);
  list.push(['--alert-text', '--alert-bg', 4.5, 'input alert']);
  list.push(['--selection-text', '--selection-ring', 4.5, '"selected" tag']);
  for (const fg of ['--log-text', '--log-muted', '--log-prompt', '--log-error', '--log-learn', '--log-warning']) {
    list.push([fg, '--log-bg', 4.5, `${fg} in the log`]);
    list.push([fg, '--log-daemon-bg', 4.5, `${fg} on a daemon entry`]);
  }
  list.push(['--log-text', '--log-chip-bg', 4.5, 'event chip']);
  list.push(['--log-daemon-text', '--log-daemon-bg', 4.5, 'daemon tag']);
  for (const ring of ['--focus-ring']) for (const bg of ['--bg', '--surface', '--canvas-bg', '--button-bg']) list.push([ring, bg, 3, `focus ring on ${bg}`]);
  list.push(['--log-focus', '--log-bg', 3, 'focus ring in the log']);
  list.push(['--selection-ring', '--canvas-bg', 3, 'selection ring']);
  list.push(['--edge-live', '--canvas-bg', 3, 'edge (calls work)']);
  list.push(['--edge-flow', '--canvas-bg', 3, 'edge (flowing)']);
  list.push(['--degraded-border', '--canvas-bg', 3, 'degraded badge border']);
  return list;
}

function resolveColour(theme: Record<string, string>, expr: string): Rgba {
  const [top, base] = expr.split(' over ');
  const value = (name: string) => {
    const v = theme[name];
    if (!v) throw new Error(`${name} is not defined`);
    return parseColour(v);
  };
  return base ? over(value(top ?? ''), value(base)) : value(expr);
}

describe('palette contrast (WCAG AA), both themes', () => {
  for (const [name, theme] of Object.entries(THEMES)) {
    it.each(pairs())(`${name}: %s on %s ≥ %s (%s)`, (fg, bg, min) => {
      const ratio = contrast(resolveColour(theme, fg), resolveColour(theme, bg));
      expect(Math.round(ratio * 100) / 100).toBeGreaterThanOrEqual(min);
    });
  }

  it('the dark palette is the same whether chosen by prefers-color-scheme or by data-theme', () => {
    expect(darkSystem).toEqual(darkForced);
  });

  it('every status has a colour and a background in both themes', () => {
    for (const theme of [light, darkForced]) for (const s of STATUSES) expect([theme[`--status-${s}`], theme[`--status-${s}-bg`]]).not.toContain(undefined);
  });
});
