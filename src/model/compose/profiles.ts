/**
 * Compose profiles (compose-spec `15-profiles.md`): a service with no `profiles` is
 * always enabled; one with profiles is enabled when any of them is active. The
 * profile `*` enables every service (`docker compose --profile "*"`).
 */
import { isServiceActive as isActive } from '../../../machines/architecture/naming';
import type { ServiceSpec } from '../../../machines/architecture/spec';

/**
 * True when `service` runs under `activeProfiles`.
 *
 * @param service only its `profiles` are read.
 * @param activeProfiles the `--profile` values (`ArchitectureSpec.activeProfiles`).
 */
export function isServiceActive(service: Pick<ServiceSpec, 'profiles'>, activeProfiles: readonly string[]): boolean {
  return isActive({ activeProfiles: [...activeProfiles] }, service);
}
