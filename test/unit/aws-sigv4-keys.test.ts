/**
 * SigV4 signing keys are remembered per secret, region, service and day: signatures made while a
 * caller switches between services, secrets and days each verify with the store's own, separate
 * SigV4 check (local/store-server.js), and none verifies under another service's scope. The
 * canonical request (header values trimmed and their inner spaces folded, the query sorted) is
 * the SDK signer's: both sign the same requests alike.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { presignedQuery, sha256Hex, signedHeaders, type AwsCredentials } from '../../lambdas/adapters/aws-sigv4';
import { sigV4Problem } from '../../local/embedded-store';
import { SdkSha256 } from '../helpers/sdk-sha256';

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

describe('SigV4 canonical requests', () => {
  const at = new Date('2026-11-30T12:34:56Z');
  const sdk = (credentials: AwsCredentials) =>
    new SignatureV4({ credentials, region: 'eu-west-1', service: 'dynamodb', sha256: SdkSha256, applyChecksum: false });

  test.each([
    ['plain values', { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' }],
    ['leading and trailing spaces', { 'x-note': '  padded value ', 'x-amz-target': 'DynamoDB_20120810.Query' }],
    ['inner runs of spaces and a tab', { 'x-note': 'a   b \t c', 'x-other': 'one two' }],
    ['a value that is all spaces inside', { 'x-note': 'x     y', 'x-empty': '' }],
  ])('headers with %s sign as the SDK signs them', async (_name, extra) => {
    const credentials = { accessKeyId: 'AKIDSDK', secretAccessKey: 'sdk-secret', sessionToken: 'sdk-token' };
    const body = '{"TableName":"t"}';
    const ours = signedHeaders(
      credentials,
      { region: 'eu-west-1', service: 'dynamodb', at },
      { method: 'POST', path: '/', query: [], headers: { host: 'dynamodb.example', ...extra }, payloadHash: sha256Hex(body) },
    );
    const theirs = await sdk(credentials).sign(
      {
        method: 'POST',
        protocol: 'https:',
        hostname: 'dynamodb.example',
        path: '/',
        headers: { host: 'dynamodb.example', ...extra },
        body,
      },
      { signingDate: at },
    );
    expect(ours.authorization).toBe(theirs.headers.authorization);
  });

  test('a presigned query sorts and encodes its parameters as the SDK does', async () => {
    const credentials = { accessKeyId: 'AKIDSDK', secretAccessKey: 'sdk-secret' };
    const query: Array<[string, string]> = [
      ['z', 'last one'],
      ['a', "it's (quoted)*"],
    ];
    const ours = presignedQuery(
      credentials,
      { region: 'eu-west-1', service: 'dynamodb', at },
      { method: 'GET', path: '/items', query, headers: { host: 'dynamodb.example' } },
      300,
    );
    const theirs = await sdk(credentials).presign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname: 'dynamodb.example',
        path: '/items',
        query: Object.fromEntries(query),
        // As the SDK's presigners send it: the payload is not signed.
        headers: { host: 'dynamodb.example', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      },
      {
        signingDate: at,
        expiresIn: 300,
        unhoistableHeaders: new Set(['x-amz-content-sha256']),
        unsignableHeaders: new Set(['x-amz-content-sha256']),
      },
    );
    expect(Object.fromEntries(ours)['X-Amz-Signature']).toBe(theirs.query!['X-Amz-Signature']);
  });
});
