/** Compose's container names; the rule lives with the architecture in `machines/`. */
export { containerNames } from '../../../machines/architecture/naming';
