import type { Names } from '../knowledge/types';

/** Whether `name` is one of the names a knowledge entry gives (one name or a list). */
export function hasName(names: Names | undefined, name: string | undefined): boolean {
  if (names === undefined || name === undefined) return false;
  return typeof names === 'string' ? names === name : names.includes(name);
}

export function nameList(names: Names): readonly string[] {
  return typeof names === 'string' ? [names] : names;
}
