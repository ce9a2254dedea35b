export interface SizeSum {
  raw: number;
  gzip: number;
}
export interface FileSet {
  js: SizeSum;
  css: SizeSum;
  files: Array<{ file: string; raw: number; gzip: number }>;
}
export function gzipSize(file: string): number;
export function pageSizes(root: string, htmlFile: string): { initial: FileSet; lazy: FileSet } | null;
export function moduleSizes(root: string, file: string): { initial: FileSet; lazy: FileSet } | null;
export function assetsSizes(root: string): FileSet | null;
export function guardFigures(root: string): Record<string, number>;
