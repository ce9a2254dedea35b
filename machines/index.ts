/**
 * Public API of the lifecycle machines (docs/contracts.md §1). Pure XState v5: no React, no DOM.
 */
export { containerMachine } from './container/containerMachine';
export {
  inspectState,
  dockerStatus,
  lifecycleState,
  formatDockerTime,
  ZERO_TIME,
  type ContainerSnapshot,
  type InspectState,
} from './container/inspectState';
export { commandError, outcomeOf, disabledReason } from './container/commandError';
export { commandOutcome, commandHint, type CommandOutcome, type CommandSubject } from './container/commandOutcome';
export { cliLine } from './container/cli';
export { isValidExitCode, EXIT_CODE_MIN, EXIT_CODE_MAX } from './container/exitCode';
export { formatEventShort, containerEvent, networkEvent } from './container/dockerEvents';
export { shortId, randomContainerId } from './container/ids';
export { parseRestartPolicy, formatRestartPolicy, nextRestartDelay, shouldRestart } from './container/restartPolicy';
export {
  RESTART_BACKOFF_INITIAL_MS,
  RESTART_BACKOFF_MAX_MS,
  RESTART_BACKOFF_RESET_AFTER_MS,
} from './container/restartPolicy';
export { stopOutcome, killOutcome, normaliseProcess, DEFAULT_STOP_TIMEOUT_SECONDS } from './container/processModel';
export { signalNumber, signalName, SIGNALS } from './container/signals';
export {
  CONTAINER_EVENT_TYPES,
  type ContainerCommand,
  type ContainerContext,
  type ContainerEvent,
  type ContainerInput,
  type DockerEventEmitted,
  type DockerEventMessage,
  type DockerStatus,
  type HealthcheckSpec,
  type LifecycleState,
  type ProcessEvent,
  type ProcessSpec,
  type RestartPolicy,
  type RestartPolicyConfig,
} from './container/types';
export type { ArchitectureSpec, ServiceSpec, DependencySpec, DependencyCondition, PortSpec } from './architecture/spec';
export { architectureMachine, type ArchitectureContext, type ArchitectureEvent, type ContainerEntry, type RecordedContainer } from './architecture/architectureMachine';
export { Architecture, createArchitecture, type ArchitectureOptions, type LoggedResult, type ContainerActor } from './architecture/architectureRuntime';
export type { LogEntry } from './architecture/architectureLog';
export { dependencyOrder, reverseDependencyOrder, type DependencyOrderOptions } from './architecture/dependencyOrder';
export { containerName, containerNames, composeLabels, networkName } from './architecture/naming';
export { isServiceActive } from './architecture/profiles';
export { ecommerceScenario, scenarios } from './scenarios/ecommerce';
export {
  initialContainerSnapshot,
  transitionContainer,
  createTestArchitecture,
  lifecyclePaths,
  DEFAULT_PATH_EVENTS,
  type PureStep,
  type TestArchitecture,
  type LifecyclePath,
  type PathOptions,
} from './testing';
export { atTime } from './container/clock';
export { composeRunMachine, COMPOSE_STEP_MS, type ComposeRunContext, type ComposeRunEvent, type ServicePhase } from './architecture/composeRunMachine';
export type { ComposeAction, ComposeHost, ComposeProgress } from './architecture/composeHost';
export { stopOf, allStops, type PendingStops } from './architecture/pendingStops';
export { modeRefusal, NOT_LIVE, COMPOSE_NOT_LIVE, type ArchitectureMode } from './architecture/architectureMode';
export { architectureOutcome, overridesPendingStop } from './architecture/architectureOutcome';
export { checkCondition, COMPOSE_POLL_MS, type ConditionVerdict } from './architecture/composeConditions';
export { HEALTH_DEFAULTS, normaliseHealthcheck } from './container/health';
export type { HealthState, HealthProbeResult } from './container/types';
// The save parser (zod) is not part of the package's entry, which needs only xstate; the app imports it from its file.
export { SAVE_FORMAT, SAVE_VERSION, type SavedArchitecture } from './architecture/saveFormat';
export { pendingFor, describeStopBehaviour, type PendingCommand, type PendingStop } from './architecture/pendingCommand';
