/**
 * Helpers for testing with the machine (`container-lifecycle/testing` in the README):
 * a pure transition API, a harness with readable assertions, and lifecycle paths.
 */
export { initialContainerSnapshot, transitionContainer, type PureStep } from './pure';
export { createTestArchitecture, type TestArchitecture } from './harness';
export { lifecyclePaths, DEFAULT_PATH_EVENTS, type LifecyclePath, type PathOptions } from './paths';
