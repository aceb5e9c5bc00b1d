// The types of ts-cache.js, plain JavaScript that register-ts.js loads before any compiler.

/** `fileName`'s JavaScript, compiled now, without the cache. */
export function compiled(source: string, fileName: string): string;
/** `fileName`'s JavaScript, from the cache or compiled into it. */
export function transpiled(source: string, fileName: string): string;
/** Keeps `output` as `fileName`'s JavaScript. */
export function remember(source: string, fileName: string, output: string): void;
