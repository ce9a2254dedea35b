/** Project names: top-level name:, else derived from the file name, normalised as Compose does. */
import { describe, expect, it } from 'vitest';
import {
  isValidProjectName,
  normalizeProjectName,
  projectNameFromFileName,
} from '../../../src/model/compose/projectName';
import { parseOk } from './helpers';

const service = 'services:\n  web:\n    build: .\n';

describe('normalizeProjectName (compose-go NormalizeProjectName)', () => {
  it('lower-cases, drops characters outside [a-z0-9_-] and leading _ or -', () => {
    expect(normalizeProjectName('My Shop')).toBe('myshop');
    expect(normalizeProjectName('shop.v2')).toBe('shopv2');
    expect(normalizeProjectName('__-shop_2-x')).toBe('shop_2-x');
    expect(normalizeProjectName('Ünïcode')).toBe('ncode');
    expect(normalizeProjectName('---')).toBe('');
  });

  it('validates names', () => {
    expect(isValidProjectName('shop_2-x')).toBe(true);
    expect(isValidProjectName('2shop')).toBe(true);
    expect(isValidProjectName('-shop')).toBe(false);
    expect(isValidProjectName('Shop')).toBe(false);
  });
});

describe('projectNameFromFileName', () => {
  it.each([
    ['ecommerce.compose.yml', 'ecommerce'],
    ['voting.compose.yaml', 'voting'],
    ['docker-compose.prod.yml', 'prod'],
    ['compose.override.yaml', 'override'],
    ['My Shop.yaml', 'myshop'],
    ['stack-compose.yml', 'stack'],
    ['composer.yml', 'composer'],
    ['shop/compose.yaml', 'shop'],
    ['C:\\work\\Shop Front\\docker-compose.yml', 'shopfront'],
    ['https://example.com/demos/Voting-App/compose.yaml?raw=1', 'voting-app'],
    ['https://example.com/compose.yaml', 'default'],
    ['compose.yaml', 'default'],
    ['docker-compose.yml', 'default'],
    ['.yml', 'default'],
    [undefined, 'default'],
  ])('%s → %s', (fileName, project) => {
    expect(projectNameFromFileName(fileName)).toBe(project);
  });
});

describe('the project name of a parsed file', () => {
  it('prefers top-level name:', () => {
    const { spec, warnings } = parseOk(`name: shop\n${service}`, { fileName: 'other.yml' });
    expect(spec.project).toBe('shop');
    expect(spec.services[0]?.image).toBe('shop-web');
    expect(warnings).toEqual([]);
  });

  it('normalises an invalid name: as compose-go does (silently there; here with a warning giving the rule)', () => {
    const { spec, warnings } = parseOk(`name: My Shop\n${service}`);
    expect(spec.project).toBe('myshop');
    expect(warnings).toEqual([
      'name: "My Shop" is not a valid project name (it must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number); Compose normalises it to "myshop"',
    ]);
  });

  it('accepts a numeric name:', () => {
    expect(parseOk(`name: 2024\n${service}`).spec.project).toBe('2024');
  });

  it('falls back to the file name when name: normalises to nothing', () => {
    const { spec } = parseOk(`name: "---"\n${service}`, { fileName: 'store.yml' });
    expect(spec.project).toBe('store');
  });

  it('uses the file name without name:, and default without either', () => {
    expect(parseOk(service, { fileName: 'Store Front.compose.yml' }).spec.project).toBe('storefront');
    expect(parseOk(service).spec.project).toBe('default');
    expect(parseOk(service).spec.services[0]?.image).toBe('default-web');
  });
});
