/**
 * Real projects that merge `x-` blocks heavily, and projects of several files: they
 * load with every service, images interpolated to their defaults, as
 * `docker compose config` would show them. Files: test/fixtures/compose (SOURCES.md).
 */
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../../src/model/compose/dotenv';
import { parseComposeFiles } from '../../../src/model/compose/parseCompose';
import { readFixture, serviceOf } from './helpers';

const AIRFLOW = 'apache_airflow__airflow-core_docs_howto_docker-compose_docker-compose.yml';
const SENTRY = 'getsentry_self-hosted__docker-compose.yml';
const SUPABASE = 'supabase_supabase__docker_docker-compose.yml';
const SUPABASE_DEV = 'overlays/supabase_supabase__docker_dev_docker-compose.dev.yml';

const load = (names: string[], env?: Map<string, string>) => {
  const result = parseComposeFiles(
    names.map((name) => ({ name, text: readFixture(name) })),
    env ? { env } : {},
  );
  if (!result.ok) throw new Error(`expected the project to load, got: ${JSON.stringify(result.error)}`);
  return result;
};

const dotenv = (text: string) => {
  const parsed = parseDotenv(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.env;
};

describe('apache/airflow docker-compose.yaml (x-airflow-common merged into 8 services)', () => {
  const { spec, warnings, variables } = load([AIRFLOW]);

  it('loads its 10 services with the image default of ${AIRFLOW_IMAGE_NAME:-…}', () => {
    expect(spec.services.map((s) => s.name)).toEqual([
      'postgres', 'redis', 'airflow-apiserver', 'airflow-scheduler', 'airflow-dag-processor',
      'airflow-worker', 'airflow-triggerer', 'airflow-init', 'airflow-cli', 'flower',
    ]);
    expect(serviceOf(spec, 'airflow-worker').image).toBe('apache/airflow:|version|');
    expect(warnings).toEqual([
      'The "AIRFLOW_UID" variable is not set: Compose would use a blank string; values using it are shown as written (paste a .env to set it)',
    ]);
  });

  it('merges the depends_on anchor with local entries (<<: *airflow-common-depends-on)', () => {
    expect(serviceOf(spec, 'airflow-worker').dependsOn.map((d) => `${d.service}:${d.condition}`)).toEqual([
      'airflow-apiserver:service_healthy',
      'airflow-init:service_completed_successfully',
      'redis:service_healthy',
      'postgres:service_healthy',
    ]);
  });

  it('lists the variables a service uses', () => {
    expect(variables['airflow-worker']?.map((v) => `${v.name}=${v.value ?? '(unset)'} [${v.source}]`)).toEqual([
      '_PIP_ADDITIONAL_REQUIREMENTS= [default]',
      'AIRFLOW_IMAGE_NAME=apache/airflow:|version| [default]',
      'AIRFLOW_PROJ_DIR=. [default]',
      'AIRFLOW_UID=50000 [default]',
    ]);
  });

  it('uses a pasted .env', () => {
    const { spec: withEnv } = load([AIRFLOW], dotenv('AIRFLOW_IMAGE_NAME=apache/airflow:3.0.2\nAIRFLOW_UID=1000\n'));
    expect(serviceOf(withEnv, 'airflow-scheduler').image).toBe('apache/airflow:3.0.2');
  });
});

describe('getsentry/self-hosted docker-compose.yml (<<: inside depends_on entries, anchors of anchors)', () => {
  it('loads every one of its 59 services', () => {
    const { spec } = load([SENTRY]);
    expect(spec.services).toHaveLength(59);
    expect(serviceOf(spec, 'web').dependsOn).toHaveLength(27);
    expect(serviceOf(spec, 'web').dependsOn.find((d) => d.service === 'kafka')?.condition).toBe('service_healthy');
    expect(serviceOf(spec, 'cron').restartPolicy).toBe('unless-stopped');
    // $SNUBA_IMAGE has no default: shown as written until a .env sets it.
    expect(serviceOf(spec, 'snuba-api').image).toBe('$SNUBA_IMAGE');
  });

  it('with its .env values, images and healthcheck durations are interpolated', () => {
    const env = dotenv(
      ['SNUBA_IMAGE=getsentry/snuba:nightly', 'HEALTHCHECK_INTERVAL=30s', 'HEALTHCHECK_TIMEOUT=1m30s', 'HEALTHCHECK_RETRIES=10'].join('\n'),
    );
    const { spec } = load([SENTRY], env);
    expect(serviceOf(spec, 'snuba-api').image).toBe('getsentry/snuba:nightly');
    expect(serviceOf(spec, 'redis').healthcheck).toMatchObject({ intervalMs: 30_000, timeoutMs: 90_000, retries: 10 });
  });
});

describe('supabase/supabase docker/docker-compose.yml with the dev overlay (-f base -f dev)', () => {
  it('the overlay alone is refused as Compose refuses it', () => {
    const result = parseComposeFiles([{ name: SUPABASE_DEV, text: readFixture(SUPABASE_DEV) }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('service "auth" has neither an image nor a build context specified: invalid compose project');
  });

  it('base + overlay: the overlay adds mail and merges into auth, meta, db and storage', () => {
    const base = load([SUPABASE]).spec;
    const { spec } = load([SUPABASE, SUPABASE_DEV]);
    expect(base.services).toHaveLength(13);
    expect(spec.services.map((s) => s.name)).toEqual([...base.services.map((s) => s.name), 'mail']);
    expect(spec.project).toBe('supabase');
    // ports are appended (compose-spec merge: sequences), environment merged by key.
    expect(serviceOf(spec, 'meta').ports).toEqual([{ target: '8080', published: '5555' }]);
    expect(serviceOf(spec, 'auth').environment.GOTRUE_SMTP_USER).toBe('');
    expect(serviceOf(spec, 'auth').environment.GOTRUE_API_PORT).toBe('9999');
    expect(serviceOf(spec, 'mail').image).toBe('inbucket/inbucket:3.0.3');
  });
});
