/**
 * The `?scenario=` URL parameter (docs/contracts.md §2): a built-in scenario id, default the
 * e-commerce platform. An unknown id falls back to the default with an error message
 * for a `role="alert"`. Pure.
 */
import { scenarios, type ArchitectureSpec } from '../../machines';
import { unknownParamNames, unknownParamsProblem } from '../model/validation/unknownParams';

/** The app page's URL parameters (README); any other is reported, as the embed page does. */
const APP_PARAM_NAMES = ['scenario', 'compose', 'events', 'theme', 'learn'] as const;

const DEFAULT_SCENARIO_ID = 'ecommerce';

/** Display names of the built-in scenarios (falls back to the spec's project name). */
const TITLES: Readonly<Record<string, string>> = { ecommerce: 'E-commerce platform' };

export interface ScenarioChoice {
  id: string;
  title: string;
  spec: ArchitectureSpec;
  /** Why the requested scenario was not used, or null. */
  error: string | null;
}

function choice(id: string, spec: ArchitectureSpec, error: string | null): ScenarioChoice {
  return { id, title: TITLES[id] ?? spec.project, spec, error };
}

/** The scenario that `search` (e.g. `?scenario=ecommerce`) asks for; its error also names unknown parameters. */
export function scenarioFromUrl(search: string): ScenarioChoice {
  const chosen = scenarioOf(search);
  const unknown = unknownParamsProblem(unknownParamNames(search, APP_PARAM_NAMES), APP_PARAM_NAMES);
  if (!unknown) return chosen;
  return { ...chosen, error: chosen.error ? `${chosen.error} ${unknown}` : unknown };
}

function scenarioOf(search: string): ScenarioChoice {
  const requested = new URLSearchParams(search).get('scenario');
  const fallback = scenarios[DEFAULT_SCENARIO_ID];
  if (!fallback) throw new Error(`missing built-in scenario ${DEFAULT_SCENARIO_ID}`);
  if (requested === null || requested === '') return choice(DEFAULT_SCENARIO_ID, fallback, null);
  const spec = Object.hasOwn(scenarios, requested) ? scenarios[requested] : undefined;
  if (spec) return choice(requested, spec, null);
  const known = Object.keys(scenarios).join(', ');
  return choice(
    DEFAULT_SCENARIO_ID,
    fallback,
    `Unknown scenario "${requested}" in the URL. Showing the ${TITLES[DEFAULT_SCENARIO_ID] ?? DEFAULT_SCENARIO_ID} instead (built-in scenarios: ${known}).`,
  );
}
