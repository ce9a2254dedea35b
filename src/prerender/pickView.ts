/**
 * Picks the embed page's prerendered view for its query string before any module script
 * has run: the build puts the page without parameters in `#root` and each other view
 * (a built-in story's first step) in an inert `<template data-prerendered="<query>">`
 * after it (vite.prerender.ts). A strict Content-Security-Policy forbids inline scripts,
 * so the build writes this function as a small classic script file that the page runs
 * twice, synchronously:
 * - in `<head>` (no body yet): when the page has a query string, marks `<html>` with
 *   `data-prerender-pick`, which hides `#root` (the prerender's style sheet), so the
 *   default view is never painted for a moment in place of the story's;
 * - after the templates: moves the matching template's content into `#root` and names it
 *   there (`data-prerendered="<query>"`, what the page compares with its own first view,
 *   src/react/startPage.tsx), drops the templates, and shows `#root` again.
 * Self-contained (the build calls its source text): no imports, no outer names.
 */
export function pickView(doc: Document, search: string): void {
  const view = search.replace(/^\?/, '');
  const html = doc.documentElement;
  if (!doc.body) {
    if (view) html.setAttribute('data-prerender-pick', '');
    return;
  }
  const root = doc.getElementById('root');
  for (const template of Array.from(doc.querySelectorAll<HTMLTemplateElement>('template[data-prerendered]'))) {
    if (root && view && template.getAttribute('data-prerendered') === view) {
      root.replaceChildren(template.content.cloneNode(true));
      root.setAttribute('data-prerendered', view);
    }
    template.remove();
  }
  html.removeAttribute('data-prerender-pick');
}
