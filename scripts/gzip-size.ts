import { execFileSync } from 'node:child_process';

/**
 * A file's size as `gzip -9 -c FILE | wc -c` gives it, the usual way to quote "min+gzip":
 * GNU gzip's own deflate and its header (with the file's name) come out a few dozen bytes
 * larger than Node's zlib, and the budgets are held to the larger figure.
 */
export function gzipSize(path: string): number {
  return execFileSync('gzip', ['-9', '-c', path]).length;
}
