/**
 * SigV4 signing keys are remembered per secret, region, service and day: signatures made while a
 * caller switches between services, secrets and days each verify with the store's own, separate
 * SigV4 check (local/store-server.js), and none verifies under another service's scope.
 */
import { sha256Hex, signedHeaders, type AwsCredentials } from '../../lambdas/adapters/aws-sigv4';
import { sigV4Problem } from '../../local/embedded-store';

const one: AwsCredentials = { accessKeyId: 'AKIDONE', secretAccessKey: 'secret-one' };
const two: AwsCredentials = { accessKeyId: 'AKIDTWO', secretAccessKey: 'secret-two' };

function signed(credentials: AwsCredentials, service: string, at: Date, body: string) {
  const headers = signedHeaders(
    credentials,
    { region: 'eu-west-1', service, at },
    { method: 'POST', path: '/', query: [], headers: { host: 'example.local' }, payloadHash: sha256Hex(body) },
  );
  return { req: { method: 'POST', url: '/', headers }, body: Buffer.from(body) };
}

describe('SigV4 signing keys', () => {
  test('signatures made while switching services, secrets and days each verify, and only under their own scope', () => {
    const dayOne = new Date('2026-11-25T23:59:58Z');
    const dayTwo = new Date('2026-11-26T00:00:03Z');
    const turns: Array<[AwsCredentials, string, Date]> = [
      [one, 'dynamodb', dayOne],
      [one, 'execute-api', dayOne],
      [one, 'dynamodb', dayOne],
      [two, 'dynamodb', dayOne],
      [one, 's3', dayOne],
      [one, 'dynamodb', dayTwo],
      [one, 'execute-api', dayTwo],
      [one, 'dynamodb', dayOne],
      [two, 's3', dayTwo],
    ];
    turns.forEach(([credentials, service, at], i) => {
      const { req, body } = signed(credentials, service, at, `{"turn":${i}}`);
      expect(sigV4Problem(req, body, credentials, at.getTime())).toBeNull();
      // The same signature claimed for another service (or by the other secret) does not verify.
      const other = service === 'dynamodb' ? 'execute-api' : 'dynamodb';
      const forged = {
        ...req,
        headers: { ...req.headers, authorization: req.headers.authorization!.replace(`/${service}/`, `/${other}/`) },
      };
      expect(sigV4Problem(forged, body, credentials, at.getTime())).toBe('signature does not match');
      const stranger = credentials === one ? { ...two, accessKeyId: one.accessKeyId } : { ...one, accessKeyId: two.accessKeyId };
      expect(sigV4Problem(req, body, stranger, at.getTime())).toBe('signature does not match');
    });
  });
});
