import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** The one structured (JSON) logger. Handlers append mission_id, tenant_id and request_id. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'gantry' });

/** Metrics as CloudWatch EMF; the namespace is shared with the dashboard. */
export const metrics = new Metrics({ namespace: 'Gantry', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'gantry' });
