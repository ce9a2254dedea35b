/**
 * parseCompose never throws, whatever it is given, and what it accepts is consistent
 * (property-based, fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { dependencyOrder } from '../../../machines/architecture/dependencyOrder';
import { parseCompose } from '../../../src/model/compose/parseCompose';

/** Never throws; an error has a message; a loaded spec is consistent. */
const settle = (text: string) => {
  const result = parseCompose(text);
  if (!result.ok) {
    expect(result.error.message.length).toBeGreaterThan(0);
    return;
  }
  const names = result.spec.services.map((s) => s.name);
  for (const service of result.spec.services) {
    expect(Number.isInteger(service.replicas) && service.replicas >= 0).toBe(true);
    for (const dependency of service.dependsOn) expect(names).toContain(dependency.service);
  }
  const ordered = dependencyOrder(result.spec, { includeInactive: true }).flat();
  expect([...ordered].sort()).toEqual([...names].sort());
};

describe('parseCompose never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), settle), { numRuns: 150 });
  });

  it('on text made of YAML punctuation', () => {
    const piece = fc.constantFrom('services:', '\n', '  ', '- ', '[', ']', '{', '}', ':', ',', '&a ', '*a', '<<: ', '"', "'", '#', '|', '>', '? ', '!!str ', '---', 'web', 'image: x', 'depends_on: ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => settle(pieces.join(''))), { numRuns: 200 });
  });

  it('on any JSON-like value under services', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 4 })), (services) =>
        settle(stringify({ services })),
      ),
      { numRuns: 150 },
    );
  });

  it('on services with fields of the wrong shape', () => {
    const field = fc.constantFrom('image', 'build', 'depends_on', 'restart', 'healthcheck', 'deploy', 'scale', 'profiles', 'ports', 'expose', 'networks', 'environment', 'links', 'volumes_from', 'network_mode', 'container_name');
    const service = fc.dictionary(field, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), service, { minKeys: 1 }), (services) =>
        settle(stringify({ services })),
      ),
      { numRuns: 200 },
    );
  });

  it('on a value that is not a string at all', () => {
    expect(parseCompose(undefined as unknown as string)).toEqual({
      ok: false,
      error: { message: 'Compose file must be text, got nothing' },
    });
  });
});
