/**
 * Compose profiles (docker/compose `types.Project.ServicesWithProfiles`): a service
 * without profiles is always enabled; one with profiles is enabled when any of them is
 * active. The profile `*` enables every service (`docker compose --profile "*"`).
 */
import type { ServiceSpec } from './spec';

/** Whether `service` runs under `spec.activeProfiles` (the `--profile` values). */
export function isServiceActive(spec: { readonly activeProfiles: readonly string[] }, service: Pick<ServiceSpec, 'profiles'>): boolean {
  if (service.profiles.length === 0 || spec.activeProfiles.includes('*')) return true;
  return service.profiles.some((p) => spec.activeProfiles.includes(p));
}
