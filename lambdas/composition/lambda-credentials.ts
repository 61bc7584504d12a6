import { credentialsFromEnv, type AwsCredentials } from '../adapters/aws-sigv4';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in Lambda bundles (an esbuild alias in
 * lib/constructs/function-bundling.ts). Lambda hands a function its role's credentials in
 * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`, the first source the
 * SDK's default chain tries; the rest of that chain (SSO, profiles, web identity, IMDS, the
 * container endpoint) never answers in Lambda but costs about 100 KB of bundle and its load time.
 * The variables are read as the project's signed clients read them (lambdas/adapters/aws-sigv4.ts),
 * on every call, so the SDK's core and its environment provider stay out of the bundle too.
 * Outside a bundle (local mode, tests) the real default chain is used.
 */
export const defaultProvider =
  (_init?: unknown): (() => Promise<AwsCredentials>) =>
  () =>
    Promise.resolve().then(() => credentialsFromEnv());
