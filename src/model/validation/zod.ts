/**
 * zod for the schemas the pages need at start (URL parameters, the postMessage protocol,
 * stories): `zod/mini`, whose functional API is tree-shakable (classic `zod` is not: any
 * module using it brings all of it). zod's English messages are switched on here, as
 * classic `zod` does by itself, so defaults read `Too big: expected string to have <=200
 * characters` rather than `Invalid input`. Import `z` from this module, not from `zod/mini`.
 */
import * as z from 'zod/mini';

z.config(z.locales.en());

export { z };
