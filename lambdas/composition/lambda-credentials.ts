import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * Stands in for `@aws-sdk/credential-provider-node` in Lambda bundles (an esbuild alias in
 * lib/constructs/function-bundling.ts). Lambda hands a function its role's credentials in
 * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`, the first source the
 * SDK's default chain tries; the rest of that chain (SSO, profiles, web identity, IMDS, the
 * container endpoint) never answers in Lambda but costs every client about 100 KB of bundle and
 * its load time. Outside a bundle (local mode, tests) the real default chain is used.
 */
export const defaultProvider: (init?: Parameters<typeof fromEnv>[0]) => ReturnType<typeof fromEnv> = (init) => fromEnv(init);
