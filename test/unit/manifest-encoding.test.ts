import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAppFiles } from '../../builder-image/src/app-files';
import { GantryManifestSchema, manifestFileBytes, type GantryManifest } from '../../lambdas/domain/manifest';
import { checkManifest } from '../../lambdas/domain/policy-gate';
import { loadPolicyFile } from '../../lambdas/domain/policy-file';

/** Every byte value, so a text round trip would visibly corrupt it. */
const BINARY = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));

function manifest(files: GantryManifest['files']): GantryManifest {
  return GantryManifestSchema.parse({
    project_name: 'bin-app',
    stack: 'static-web',
    files,
    audit_command: 'npm test',
    build_command: 'npm run build',
  });
}

describe('manifest file encoding', () => {
  it('is optional and means UTF-8 text when absent', () => {
    const m = manifest([{ path: 'a.txt', content: 'héllo' }]);
    expect(m.files[0]).toEqual({ path: 'a.txt', content: 'héllo' });
    expect(manifestFileBytes(m.files[0]!)).toEqual(Buffer.from('héllo', 'utf8'));
  });

  it('decodes base64 content to the exact bytes', () => {
    const m = manifest([{ path: 'public/x.png', content: BINARY.toString('base64'), encoding: 'base64' }]);
    expect(manifestFileBytes(m.files[0]!).equals(BINARY)).toBe(true);
  });

  it('refuses base64 content that is not base64', () => {
    const parsed = GantryManifestSchema.safeParse({
      project_name: 'bin-app',
      stack: 'static-web',
      files: [{ path: 'x.png', content: 'not base64!', encoding: 'base64' }],
      audit_command: 'npm test',
      build_command: 'npm run build',
    });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/not valid base64/);
  });

  it('the policy gate counts decoded bytes against the file limit', () => {
    const policy = loadPolicyFile().policy;
    const limit = policy.files.max_file_bytes;
    const fits = Buffer.alloc(limit, 7);
    const tooBig = Buffer.alloc(limit + 1, 7);
    // The base64 text of `fits` is a third longer than the limit, yet the file fits.
    expect(checkManifest(manifest([{ path: 'a.png', content: fits.toString('base64'), encoding: 'base64' }]), policy)).toEqual(
      [],
    );
    const violations = checkManifest(
      manifest([{ path: 'a.png', content: tooBig.toString('base64'), encoding: 'base64' }]),
      policy,
    );
    expect(violations.map((v) => v.rule)).toEqual(['file-too-large']);
  });

  it('the builder writes a base64 file byte for byte and text files as UTF-8', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'enc-'));
    try {
      await writeAppFiles(dir, [
        { path: 'public/design-reference.png', content: BINARY.toString('base64'), encoding: 'base64' },
        { path: 'README.md', content: '# Ünïcode', encoding: 'utf8' },
        { path: 'plain.txt', content: 'plain' },
      ]);
      expect(readFileSync(join(dir, 'public/design-reference.png')).equals(BINARY)).toBe(true);
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# Ünïcode');
      expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).toBe('plain');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
