/**
 * What an embed needs to present a story: the built-in stories and the player. One chunk,
 * loaded by `EmbedController` only when `story=` is set. The story schema (zod) is not in
 * it: the built-in stories are typed and tested; a story file's text is checked by
 * `storyText.ts`, loaded with the file.
 */
export { BUILTIN_STORIES } from './builtinStories';
export { applyStep, StoryPlayer } from './storyPlayer';
