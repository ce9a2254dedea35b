/**
 * The built-in stories' ids, for validating `story=` at start without loading the
 * stories themselves (`builtinStories.ts`, loaded with the story player when a story is
 * asked for). `test/embed/stories.test.ts` checks they match.
 */
export const BUILTIN_STORY_IDS: readonly string[] = ['typical-flow', 'graceful-vs-forced', 'crash-loop', 'dependency-fails'];
