import * as z from './zod';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * One file of a generated app. Paths are relative and POSIX-style. `content` is text unless
 * `encoding` is `base64` (binary files such as a design reference image); absent means `utf8`.
 */
export const ManifestFileSchema = z
  .object({
    path: z.string().check(z.minLength(1), z.maxLength(200)),
    content: z.string(),
    encoding: z.optional(z.enum(['utf8', 'base64'])),
  })
  .check(
    z.refine((f) => f.encoding !== 'base64' || BASE64.test(f.content), {
      message: 'content is not valid base64',
      path: ['content'],
    }),
  );

/**
 * The architect's blueprint (seed: GantryManifest): everything the builder needs, nothing more.
 * Commands run inside the sandbox in the app's root folder.
 */
export const GantryManifestSchema = z.object({
  project_name: z
    .string()
    .check(z.regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'project_name must be lower-case letters, digits and dashes')),
  stack: z.string().check(z.minLength(1)),
  description: z._default(z.string().check(z.maxLength(2000)), ''),
  features: z._default(z.array(z.string()), []),
  files: z.array(ManifestFileSchema).check(z.minLength(1)),
  /** Runs the app's own tests (the audit). */
  audit_command: z.string().check(z.minLength(1)),
  /** Produces the deployable output in `output_dir`. */
  build_command: z.string().check(z.minLength(1)),
  output_dir: z._default(z.string(), 'dist'),
  /** How a person would run the app locally (informational). */
  run_command: z._default(z.string(), ''),
});

export type GantryManifest = z.infer<typeof GantryManifestSchema>;
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/** The exact bytes a manifest file stands for (base64 decoded, or UTF-8 text). */
export function manifestFileBytes(file: ManifestFile): Buffer {
  return file.encoding === 'base64' ? Buffer.from(file.content, 'base64') : Buffer.from(file.content, 'utf8');
}
