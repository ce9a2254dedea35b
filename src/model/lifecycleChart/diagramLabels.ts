/**
 * Labels as drawn on the diagram: short Docker names (`docker rm -f` → `rm -f`,
 * `docker kill -s SIGHUP` → `kill -s HUP`; the list under the diagram spells them out),
 * packed a few to a line.
 */
import type { ChartEdge } from './types';

/** One label on an arrow and the transitions it stands for. */
export interface LabelToken {
  text: string;
  transitionIds: string[];
}

/** Longest line, in characters: tokens share a line up to it; a longer token is broken at spaces. */
const MAX_LINE = 12;
/** Tokens per line at most (one per line keeps labels narrow for a side panel). */
const TOKENS_PER_LINE = 1;

/** A token longer than a line, broken at spaces (`back-off elapsed` → `back-off` / `elapsed`). */
function pieces(token: LabelToken): LabelToken[] {
  if (token.text.length <= MAX_LINE) return [token];
  return token.text.split(' ').map((text) => ({ text, transitionIds: token.transitionIds }));
}

/** The diagram's short form of a transition label. */
function shortLabel(label: string): string {
  return label.replace(/^dockerd? /, '').replace(/ -s SIG/, ' -s ');
}

/** The tokens of an edge, packed into lines. */
export function diagramTokens(edge: ChartEdge): LabelToken[][] {
  const tokens: LabelToken[] = [];
  for (const t of edge.transitions) {
    const text = shortLabel(t.label);
    const token = tokens.find((k) => k.text === text);
    if (token) token.transitionIds.push(t.id);
    else tokens.push({ text, transitionIds: [t.id] });
  }
  const lines: LabelToken[][] = [];
  for (const token of tokens) {
    const parts = pieces(token);
    const line = lines[lines.length - 1];
    const length = line ? line.reduce((n, k) => n + k.text.length + 2, 0) + token.text.length : Infinity;
    if (line && parts.length === 1 && length <= MAX_LINE && line.length < TOKENS_PER_LINE) line.push(token);
    else for (const part of parts) lines.push([part]);
  }
  return lines;
}

/** The text lines of an edge's label (for layout). */
export function diagramLines(edge: ChartEdge): string[] {
  return diagramTokens(edge).map((line) => line.map((k) => k.text).join(', '));
}
