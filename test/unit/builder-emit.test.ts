import { emit } from '../../builder-image/src/build-job';

/**
 * The builder's protocol output (builder-image/src/build-job.ts `emit`): log lines of one turn of
 * the event loop go out as one write; any other message goes out at once, after what came before.
 */
describe("the builder's protocol output", () => {
  let writes: string[];
  let write: jest.SpyInstance;

  beforeEach(() => {
    writes = [];
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
  });
  afterEach(() => write.mockRestore());

  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const lines = (): string[] => writes.join('').trimEnd().split('\n');

  it('writes the log lines of one turn once, in order', async () => {
    for (const line of ['one', 'two', 'three']) emit({ v: 1, type: 'log', line });
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    expect(lines().map((l) => (JSON.parse(l) as { line: string }).line)).toEqual(['one', 'two', 'three']);
    await nextTurn();
    expect(writes).toHaveLength(1);
  });

  it('writes a phase at once, after the lines before it, so the stack knows the command before it runs', async () => {
    emit({ v: 1, type: 'log', line: '[gantry] audit: $ npm test' });
    emit({ v: 1, type: 'phase', phase: 'audit', command: 'npm test' });
    expect(writes).toHaveLength(1);
    expect(lines().map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(['log', 'phase']);
    emit({ v: 1, type: 'error', message: 'stopped' });
    expect(writes).toHaveLength(2);
    await nextTurn();
    expect(writes).toHaveLength(2);
  });
});
