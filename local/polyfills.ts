// The local workflow runtime uses Promise.withResolvers, which Node 20 lacks (Node 22 has it).
const P = Promise as unknown as { withResolvers?: () => unknown };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
export {};

// The pinned AWS SDK runs on Node 20; its notice about future releases needing Node 22 is noise
// on every local start (the project pins its SDK version; see package.json).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Locally there is no CloudWatch to read EMF metrics; keep them out of the console unless asked for.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
