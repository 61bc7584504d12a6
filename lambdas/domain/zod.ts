import { config } from 'zod/mini';
import { en } from 'zod/v4/locales';

/**
 * Zod's small build (`zod/mini`: functions instead of methods, so a bundle keeps only the parts
 * it uses; the full build put about 80 KB in every function and in the builder) with Zod's
 * English messages, which the small build leaves to its user. Every module that validates,
 * the builder's among them, imports Zod from here (`import * as z from '…/domain/zod'`), so
 * the messages are set wherever a schema parses. `package.json` lists this module as having
 * side effects, or a bundle would drop the call below. A named `z` import, or `export * as z`,
 * would keep all of Zod.
 */
config(en());

export * from 'zod/mini';
/** What a failed parse throws (a class, for `instanceof`; `z.core.$ZodError` would keep all of Zod). */
export { $ZodError } from 'zod/v4/core';
