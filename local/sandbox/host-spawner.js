'use strict';
/**
 * The stack's process starter: a small process of its own, forked once by the stack
 * (host-processes.ts), that starts the host programs the stack runs on every build (the builder's
 * sandbox, the job disk's mkfs/mount and drain, git fast-import) and relays their output, exit
 * and close back over the IPC channel.
 *
 * Why: starting a process forks the process that starts it. A fork of the stack (about 200 MB of
 * memory) copies its page tables and blocks its event loop until the child has exec'd (20 to 60
 * ms each on a loaded 2-core machine), and every page the stack writes afterwards takes a
 * copy-on-write fault. This process holds a few MB, so its forks are cheap and the stack's event
 * loop never waits on one.
 *
 * It runs nothing of its own accord: every program, argument, folder and environment comes from
 * the stack, exactly as the stack would have passed them to `spawn`. It exits as soon as the
 * stack's channel closes (the stack stopped or died); a sandbox started with --die-with-parent
 * then ends with it, as it ended with the stack before.
 *
 * Messages in: {op:'spawn', id, file, args, options} and {op:'stdin', id, data?, end?}.
 * Messages out: {ev:'ready'} once at start, then {id, ev:'spawn', pid}, {id, ev:'data', fd, chunk}, {id, ev:'end', fd},
 * {id, ev:'exit', code, signal}, {id, ev:'close', code, signal}, {id, ev:'error', message, code}.
 */
const { spawn } = require('node:child_process');

/** Running children by the stack's id. */
const children = new Map();

function send(message) {
  if (process.connected) process.send(message);
}

function start(id, file, args, options) {
  let child;
  try {
    child = spawn(file, args, options);
  } catch (err) {
    send({ id, ev: 'error', message: err.message, code: err.code ?? null });
    send({ id, ev: 'close', code: null, signal: null });
    return;
  }
  children.set(id, child);
  child.once('spawn', () => send({ id, ev: 'spawn', pid: child.pid }));
  child.once('error', (err) => send({ id, ev: 'error', message: err.message, code: err.code ?? null }));
  child.stdio.forEach((stream, fd) => {
    if (!stream || fd === 0) return;
    stream.on('data', (chunk) => send({ id, ev: 'data', fd, chunk }));
    stream.once('end', () => send({ id, ev: 'end', fd }));
  });
  if (child.stdin) child.stdin.on('error', () => undefined);
  child.once('exit', (code, signal) => send({ id, ev: 'exit', code, signal }));
  child.once('close', (code, signal) => {
    children.delete(id);
    send({ id, ev: 'close', code, signal });
  });
}

process.on('message', (msg) => {
  if (!msg || typeof msg !== 'object') return;
  if (msg.op === 'spawn') start(msg.id, msg.file, msg.args, msg.options);
  else if (msg.op === 'stdin') {
    const stdin = children.get(msg.id)?.stdin;
    if (!stdin || stdin.destroyed) return;
    if (msg.data) stdin.write(Buffer.from(msg.data.buffer, msg.data.byteOffset, msg.data.byteLength));
    if (msg.end) stdin.end();
  }
});

// The stack is gone (stopped, or killed): so is the reason to start anything.
process.on('disconnect', () => process.exit(0));

// The stack holds its starts until this: a helper that dies before it never received one.
send({ ev: 'ready' });
