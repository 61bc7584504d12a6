import { BuilderSlotError, BuilderSlots } from '../../local/sandbox/builder-slots';

describe('BuilderSlots', () => {
  it('grants up to capacity, queues the rest first-in first-out and reports positions', async () => {
    const slots = new BuilderSlots(2);
    const releaseA = await slots.acquire('a');
    const releaseB = await slots.acquire('b');
    const heard: Array<[string, number]> = [];
    const order: string[] = [];
    const c = slots.acquire('c', (p) => heard.push(['c', p])).then((r) => (order.push('c'), r));
    const d = slots.acquire('d', (p) => heard.push(['d', p])).then((r) => (order.push('d'), r));
    expect(slots.queuePosition('a')).toBe(0);
    expect(slots.queuePosition('c')).toBe(1);
    expect(slots.queuePosition('d')).toBe(2);
    expect(slots.queuePosition('nobody')).toBeNull();

    releaseA();
    releaseA(); // a second release is harmless
    const releaseC = await c;
    expect(slots.queuePosition('c')).toBe(0);
    expect(slots.queuePosition('d')).toBe(1);
    expect(slots.snapshot()).toEqual({ capacity: 2, running: ['b', 'c'], waiting: ['d'] });
    releaseB();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    await new Promise((r) => setImmediate(r));
    expect(heard).toEqual([
      ['c', 1],
      ['d', 2],
      ['d', 1],
    ]);
    releaseC();
    releaseD();
    expect(slots.snapshot()).toEqual({ capacity: 2, running: [], waiting: [] });
  });

  it('withdraws a cancelled waiter and moves the line up', async () => {
    const slots = new BuilderSlots(1);
    const release = await slots.acquire('a');
    const controller = new AbortController();
    const b = slots.acquire('b', undefined, controller.signal);
    const c = slots.acquire('c');
    expect(slots.queuePosition('c')).toBe(2);
    controller.abort();
    await expect(b).rejects.toMatchObject({ name: 'BuilderSlotError', code: 'SLOT_WAIT_ABORTED' });
    expect(slots.queuePosition('c')).toBe(1);
    release();
    (await c)();
  });

  it('refuses an id that already holds or waits for a slot', async () => {
    const slots = new BuilderSlots(1);
    const release = await slots.acquire('a');
    await expect(slots.acquire('a')).rejects.toBeInstanceOf(BuilderSlotError);
    release();
  });

  it('runs a task in a slot and frees it even when the task fails', async () => {
    const slots = new BuilderSlots(1);
    await expect(slots.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(slots.run('b', async () => 42)).resolves.toBe(42);
    expect(slots.snapshot().running).toEqual([]);
  });

  it('rejects a capacity below one', () => {
    expect(() => new BuilderSlots(0)).toThrow(RangeError);
  });
});
