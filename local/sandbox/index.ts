/** The local builder: sandbox, builder jobs, builder slots and snippets. */
export * from './local-sandbox';
export * from './run-builder-job';
export * from './builder-slots';
export * from './snippet';
export { ensureBuilderBundle } from './builder-bundle';
export { releaseJobDir, JobDirError } from './job-dirs';
export type { CgroupSupport } from './cgroups';
