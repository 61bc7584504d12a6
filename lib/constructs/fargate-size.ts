/**
 * Fargate accepts only certain CPU/memory pairs (Linux tasks). Memory values in MiB per CPU
 * unit value, smallest first.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 */
const range = (from: number, to: number, step: number): number[] =>
  Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);

export const FARGATE_MEMORY_BY_CPU: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

/** The builder limits `policy.yaml` owns. */
export interface BuilderLimits {
  /** Hard memory limit of the build, MiB. */
  readonly memory_mb: number;
  /** CPU share of the build, percent of one vCPU. */
  readonly cpu_percent: number;
}

/** What the task definition and its container get. */
export interface FargateSize {
  /** Task CPU units (1024 = one vCPU): the requested share rounded up to a valid Fargate value. */
  readonly taskCpu: number;
  /** Task memory, MiB: the smallest valid memory for `taskCpu` that holds the container limit. */
  readonly taskMemoryMiB: number;
  /** The container's hard memory limit, MiB: exactly the policy's limit. */
  readonly containerMemoryLimitMiB: number;
}

/**
 * Maps the policy's builder limits onto a valid Fargate task size.
 *
 * The policy speaks of the build (e.g. 512 MB and 50% of one CPU), while Fargate sizes the
 * task and only in fixed pairs; 512 MiB with 0.5 vCPU is not one of them. So the CPU share is
 * rounded up to the next valid CPU value (50% -> 512 units), the task gets the smallest memory
 * that CPU allows and that still holds the build (1024 MiB for 512 units), and the policy's
 * memory becomes the container's hard limit (`memoryLimitMiB`), which the kernel enforces by
 * OOM-killing the build exactly as the local cgroup limit does. The gap between task and
 * container memory is headroom for the Fargate agent, never for the build.
 */
export function fargateSizeFor(limits: BuilderLimits): FargateSize {
  if (!(limits.memory_mb > 0) || !(limits.cpu_percent > 0)) {
    throw new Error(`Builder limits must be positive (memory_mb=${limits.memory_mb}, cpu_percent=${limits.cpu_percent})`);
  }
  const requestedCpu = Math.round((limits.cpu_percent / 100) * 1024);
  for (const [cpu, memories] of FARGATE_MEMORY_BY_CPU) {
    if (cpu < requestedCpu) continue;
    const memory = memories.find((m) => m >= limits.memory_mb);
    if (memory !== undefined) {
      return { taskCpu: cpu, taskMemoryMiB: memory, containerMemoryLimitMiB: limits.memory_mb };
    }
  }
  throw new Error(
    `No Fargate task size fits ${limits.cpu_percent}% CPU and ${limits.memory_mb} MiB (largest is 16 vCPU / 120 GiB)`,
  );
}
