/**
 * The built-in examples offered in the "Example" list: the lesson's e-commerce platform
 * (the default scenario, built in) and the compose files in `public/examples/`, fetched
 * relative to the page so the built site works from any sub-path.
 */

/** One entry of the Example list. */
export interface ComposeExample {
  id: string;
  label: string;
  /** Title of the loaded scenario (the header shows it). */
  title: string;
  /** Path relative to the page (`examples/x.compose.yml`); absent for the built-in scenario. */
  path?: string;
}

/** Id of the built-in default scenario in the list. */
export const DEFAULT_EXAMPLE_ID = 'ecommerce';

export const COMPOSE_EXAMPLES: readonly ComposeExample[] = [
  { id: DEFAULT_EXAMPLE_ID, label: 'E-commerce platform (default)', title: 'E-commerce platform' },
  {
    id: 'ecommerce-compose',
    label: 'E-commerce (compose file)',
    title: 'E-commerce platform (ecommerce.compose.yml)',
    path: 'examples/ecommerce.compose.yml',
  },
  { id: 'voting', label: 'Voting app (profiles)', title: 'Voting app (voting.compose.yml)', path: 'examples/voting.compose.yml' },
  {
    id: 'scaled-workers',
    label: 'Scaled workers (replicas)',
    title: 'Scaled workers (scaled-workers.compose.yml)',
    path: 'examples/scaled-workers.compose.yml',
  },
];

/** The example with `id`, if any. */
export function exampleById(id: string): ComposeExample | undefined {
  return COMPOSE_EXAMPLES.find((e) => e.id === id);
}

/** The file example whose absolute URL (against `base`) is `url`, if any. */
export function exampleAtUrl(url: string, base: string): ComposeExample | undefined {
  return COMPOSE_EXAMPLES.find((e) => e.path !== undefined && new URL(e.path, base).href === url);
}
