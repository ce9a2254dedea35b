/** Format tag and version written into every save (see `persistence.ts`); no zod here, so the runtime can import them. */
export const SAVE_FORMAT = 'container-lifecycle/architecture';
export const SAVE_VERSION = 1;
