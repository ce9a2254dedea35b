/**
 * Sizes as Docker prints them: image and container sizes in SI units (`docker images`,
 * `docker ps -s`: go-units `HumanSize`, 1000-based), memory in binary units (GiB). Pure.
 */

/** `0 B`, `12.3 kB`, `7.8 MB`, `1.2 GB` (3 significant digits, like go-units `HumanSize`). */
export function humanSize(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : Number(value.toPrecision(3))} ${units[unit]}`;
}

/** `24 GiB`, `512 MiB` (binary units, for memory). */
export function binarySize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toPrecision(3))} ${units[unit]}`;
}
