/**
 * What an embed needs to present a story: the built-in stories and the player (with the
 * story schema it uses). One chunk, loaded by `EmbedController` only when `story=` is set.
 */
export { BUILTIN_STORIES } from './builtinStories';
export { applyStep, StoryPlayer } from './storyPlayer';
