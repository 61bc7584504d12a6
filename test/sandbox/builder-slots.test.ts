import { BuilderSlotError, BuilderSlots } from '../../local/sandbox/builder-slots';

describe('BuilderSlots', () => {
  it('grants up to capacity and queues the rest first-in first-out', async () => {
    const slots = new BuilderSlots(2);
    const releaseA = await slots.acquire('a');
    const releaseB = await slots.acquire('b');
    const order: string[] = [];
    const c = slots.acquire('c').then((r) => (order.push('c'), r));
    const d = slots.acquire('d').then((r) => (order.push('d'), r));
    expect(slots.snapshot()).toEqual({ capacity: 2, running: ['a', 'b'], waiting: ['c', 'd'] });

    releaseA();
    releaseA(); // a second release is harmless
    const releaseC = await c;
    expect(slots.snapshot()).toEqual({ capacity: 2, running: ['b', 'c'], waiting: ['d'] });
    releaseB();
    const releaseD = await d;
    expect(order).toEqual(['c', 'd']);
    releaseC();
    releaseD();
    expect(slots.snapshot()).toEqual({ capacity: 2, running: [], waiting: [] });
  });

  it('withdraws a cancelled waiter and moves the line up', async () => {
    const slots = new BuilderSlots(1);
    const release = await slots.acquire('a');
    const controller = new AbortController();
    const b = slots.acquire('b', controller.signal);
    const c = slots.acquire('c');
    expect(slots.snapshot().waiting).toEqual(['b', 'c']);
    controller.abort();
    await expect(b).rejects.toMatchObject({ name: 'BuilderSlotError', code: 'SLOT_WAIT_ABORTED' });
    expect(slots.snapshot().waiting).toEqual(['c']);
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
