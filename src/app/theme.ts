/**
 * Colour theme: `system` follows `prefers-color-scheme`; `light` / `dark` force it with
 * `data-theme` on the root element. Initial value from `?theme=`.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';

/** The theme asked for by `search` (`?theme=dark`), default `system`. */
export function themeFromUrl(search: string): ThemeChoice {
  const value = new URLSearchParams(search).get('theme');
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Applies `theme` to `root` (removes `data-theme` for `system`). */
export function applyTheme(root: HTMLElement, theme: ThemeChoice): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/** The next choice of the toggle: system → light → dark → system. */
export function nextTheme(theme: ThemeChoice): ThemeChoice {
  return theme === 'system' ? 'light' : theme === 'light' ? 'dark' : 'system';
}
