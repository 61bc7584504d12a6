import { existsSync, readdirSync } from 'node:fs';
import type { LocalSandbox } from '../../local/sandbox/local-sandbox';
import { runSnippet } from '../../local/sandbox/snippet';
import { testSandbox, removeTempDirs } from './sandbox-fixtures';

const LIMITS = { memory_mb: 128, cpu_percent: 100, max_pids: 32 };

describe('runSnippet (debugger)', () => {
  let sandbox: LocalSandbox;

  beforeAll(async () => {
    sandbox = await testSandbox();
  });

  afterAll(() => removeTempDirs());

  it('runs JavaScript and shell in the sandbox and cleans up its folder', async () => {
    const js = await runSnippet({
      code: 'console.log(6 * 7); console.error("to stderr"); process.exitCode = 3',
      language: 'javascript',
      timeoutMs: 5000,
      limits: LIMITS,
      sandbox,
    });
    expect(js).toMatchObject({ stdout: '42\n', stderr: 'to stderr\n', exit_code: 3, end_reason: 'exit' });
    expect(js.duration_ms).toBeGreaterThan(0);
    const sh = await runSnippet({ code: 'id -u; ls /', language: 'shell', timeoutMs: 5000, limits: LIMITS, sandbox });
    expect(sh.exit_code).toBe(0);
    expect(sh.stdout.split('\n')[0]).not.toBe('0');
    expect(sh.stdout).not.toMatch(/\broot\b|\bhome\b|\bwork\b/);
    const root = sandbox.snippetRoot();
    expect(existsSync(root) ? readdirSync(root).filter((n) => !n.startsWith('.')) : []).toEqual([]);
  });

  it('enforces the timeout and the output cap', async () => {
    const hung = await runSnippet({ code: 'while (true) {}', language: 'javascript', timeoutMs: 500, limits: LIMITS, sandbox });
    expect(hung.end_reason).toBe('timeout');
    expect(hung.duration_ms).toBeLessThan(3000);
    const chatty = await runSnippet({
      code: 'yes | head -c 100000',
      language: 'shell',
      timeoutMs: 5000,
      limits: LIMITS,
      sandbox,
      maxOutputBytes: 1000,
    });
    expect(chatty.stdout.length).toBeLessThan(1100);
    expect(chatty.stdout).toMatch(/more bytes not kept/);
  });
});
