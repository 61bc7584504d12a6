import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * Metrics as CloudWatch EMF; the namespace is shared with the dashboard. Kept apart from the
 * logger (observability.ts) so a function that emits no metric carries no Powertools Metrics.
 */
export const metrics = new Metrics({ namespace: 'Gantry', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'gantry' });
