/**
 * Finds where one JSON value ends in a longer text, without parsing it: brackets are
 * counted outside strings (escapes honoured). Lets `parseEventsLog` read JSON objects in
 * any whitespace layout: one per line, pretty-printed over many lines (`jq .`, Docker's
 * API docs), several on one line (concatenated), or the elements of a JSON array.
 * Linear in the length of the value.
 */

/**
 * The end (exclusive) of the object or array that opens at `start`, or -1 when the text
 * ends first.
 *
 * @param text the whole log.
 * @param start offset of a `{` or `[`.
 */
export function scanJsonValue(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) depth++;
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Number of `\n` in `text` between `from` and `to`. */
export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
