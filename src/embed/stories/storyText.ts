/**
 * Reading a story file: JSON or YAML text → a validated story. Separate from the schema
 * so the YAML parser is loaded only when a story file is (a dynamic import in the embed).
 */
import { parse as parseYaml } from 'yaml';
import { parseStory, type ParseStoryResult } from './storySchema';

/** Largest story file read, characters. */
const MAX_STORY_CHARS = 200_000;

/** Reads a story file (JSON or YAML; JSON is YAML). Never throws. */
export function parseStoryText(text: string, where?: string): ParseStoryResult {
  const prefix = where ? `${where}: ` : '';
  if (text.length > MAX_STORY_CHARS) return { ok: false, error: `${prefix}the story file is too large (${text.length} characters; the limit is ${MAX_STORY_CHARS})` };
  let value: unknown;
  try {
    value = parseYaml(text, { maxAliasCount: 100 });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    return { ok: false, error: `${prefix}not valid JSON or YAML: ${message}` };
  }
  return parseStory(value, where);
}

