import type { PolicyPublication, PolicyPublisher } from '../adapters/policy-publisher';

/**
 * Target of the artifact bucket's notifications for `config/policy.yaml` (created or removed):
 * validates the object as it is now and publishes it to the table (see PolicyPublisher). The
 * event itself only says that something changed.
 */
export const createHandler =
  (services: () => { publisher: PolicyPublisher }) =>
  async (_event: unknown): Promise<PolicyPublication> =>
    services().publisher.publish();
