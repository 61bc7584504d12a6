import { SignatureV4 } from '@smithy/signature-v4';
import { S3ArtifactStore } from '../../lambdas/adapters/artifact-store';
import { presignedQuery, signedHeaders } from '../../lambdas/adapters/aws-sigv4';
import { S3EvidenceStore, WriteOnceError } from '../../lambdas/adapters/evidence';
import { S3Error, SignedS3Client } from '../../lambdas/adapters/s3-client';
import { S3SigningServer } from '../helpers/s3-signing-server';
import { SdkSha256 } from '../helpers/sdk-sha256';

/**
 * The functions' own S3 client at S3's wire format: every request is checked by a server that
 * verifies SigV4 the way S3 does (header and query authentication, payload hash, checksums,
 * Object Lock preconditions), and the signatures are compared with the SDK's own signer.
 * What this cannot prove: that S3 itself agrees on details the server does not model (bucket
 * policies, retention enforcement, If-None-Match conflicts).
 */

const CREDENTIALS = { accessKeyId: 'ASIAFUNCTION', secretAccessKey: 'function-secret', sessionToken: 'session-token' };
const server = new S3SigningServer(['artifacts', 'evidence'], { ASIAFUNCTION: 'function-secret' }, undefined, {
  objectLockBuckets: ['evidence'],
});
let client: SignedS3Client;

beforeAll(async () => {
  client = new SignedS3Client({ region: 'us-east-1', endpoint: await server.start(), credentials: CREDENTIALS });
});
afterAll(() => server.stop());

test('puts, gets and lists objects, keys with spaces, plus signs and non-ASCII characters included', async () => {
  const store = new S3ArtifactStore(client, 'artifacts');
  const keys = ['t/m/a b+c.txt', 't/m/ünï(1)*.json', 't/m/dir/x=y&z.txt', 't/other.txt'];
  for (const key of keys) await store.put(key, `body of ${key}`, 'text/plain');
  for (const key of keys) expect((await store.get(key))?.toString('utf8')).toBe(`body of ${key}`);
  expect(server.objects.get('t/m/a b+c.txt')?.type).toBe('text/plain');
  expect(await store.list('t/m/')).toEqual(['t/m/a b+c.txt', 't/m/dir/x=y&z.txt', 't/m/ünï(1)*.json']);
  expect(await store.list('none/')).toEqual([]);
  expect(server.refused).toEqual([]);
});

test('lists every page of a prefix with more keys than one answer holds', async () => {
  const store = new S3ArtifactStore(client, 'artifacts');
  const objects = server.bucketObjects('artifacts');
  for (let i = 0; i < 1005; i++)
    objects.set(`many/${String(i).padStart(4, '0')}`, { body: Buffer.from('x'), type: 'text/plain' });
  const listed = await store.list('many/');
  expect(listed).toHaveLength(1005);
  expect(listed.at(-1)).toBe('many/1004');
});

test('a missing key is absent (NoSuchKey), a HEAD of one NotFound, named as S3 and the SDK name them', async () => {
  const store = new S3ArtifactStore(client, 'artifacts');
  expect(await store.get('t/missing.json')).toBeNull();
  const head = await client.headObject('artifacts', 't/missing.json').catch((e: unknown) => e);
  expect(head).toBeInstanceOf(S3Error);
  expect(head).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
});

test('a wrong secret is refused with SignatureDoesNotMatch', async () => {
  const wrong = new SignedS3Client({
    region: 'us-east-1',
    endpoint: (client as unknown as { options: { endpoint: string } }).options.endpoint,
    credentials: { ...CREDENTIALS, secretAccessKey: 'not-the-secret' },
  });
  await expect(wrong.getObject('artifacts', 't/other.txt')).rejects.toMatchObject({
    name: 'SignatureDoesNotMatch',
    $metadata: { httpStatusCode: 403 },
  });
});

test('evidence is written once under Object Lock with a SHA-256 checksum; a second write is refused', async () => {
  const evidence = new S3EvidenceStore(client, 'evidence', 30);
  const { location, retainUntil } = await evidence.putOnce('t/m/evidence.json', '{"sealed":true}');
  expect(location).toBe('s3://evidence/t/m/evidence.json');
  const stored = server.bucketObjects('evidence').get('t/m/evidence.json');
  expect(stored?.retention).toEqual({ mode: 'COMPLIANCE', until: retainUntil.replace(/\.\d{3}Z$/, 'Z') });
  expect(await evidence.get('t/m/evidence.json')).toBe('{"sealed":true}');
  await expect(evidence.putOnce('t/m/evidence.json', '{}')).rejects.toBeInstanceOf(WriteOnceError);
  expect(await evidence.get('t/m/none.json')).toBeNull();
});

test('a PUT with Object Lock parameters to a bucket without Object Lock is refused, not silently stored', async () => {
  await expect(
    client.putObject({
      Bucket: 'artifacts',
      Key: 'locked.json',
      Body: '{}',
      ObjectLockMode: 'COMPLIANCE',
      ObjectLockRetainUntilDate: new Date(Date.now() + 86_400_000),
      ChecksumAlgorithm: 'SHA256',
    }),
  ).rejects.toMatchObject({ name: 'InvalidRequest' });
});

describe('signatures equal the SDK signer’s', () => {
  const at = new Date('2026-03-04T05:06:07Z');
  const sdk = new SignatureV4({
    credentials: CREDENTIALS,
    region: 'eu-west-1',
    service: 's3',
    sha256: SdkSha256,
    uriEscapePath: false,
  });
  const scope = { region: 'eu-west-1', service: 's3', at };

  test('header authentication', async () => {
    const headers = {
      host: 'bucket.s3.eu-west-1.amazonaws.com',
      'content-type': 'application/json',
      'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    };
    const ours = signedHeaders(CREDENTIALS, scope, {
      method: 'PUT',
      path: '/a%20b/%C3%BC.json',
      query: [
        ['list-type', '2'],
        ['prefix', 'a b/'],
      ],
      headers,
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
    const theirs = await sdk.sign(
      {
        method: 'PUT',
        protocol: 'https:',
        hostname: headers.host,
        path: '/a%20b/%C3%BC.json',
        query: { 'list-type': '2', prefix: 'a b/' },
        headers: { ...headers },
      },
      { signingDate: at },
    );
    expect(ours.authorization).toBe(theirs.headers.authorization);
  });

  test('query authentication (presigned URL)', async () => {
    const headers = { host: 'bucket.s3.eu-west-1.amazonaws.com', 'content-type': 'text/plain' };
    const ours = new Map(presignedQuery(CREDENTIALS, scope, { method: 'PUT', path: '/t/m/build.log', query: [], headers }, 900));
    const theirs = await sdk.presign(
      {
        method: 'PUT',
        protocol: 'https:',
        hostname: headers.host,
        path: '/t/m/build.log',
        // As the SDK's S3 presigner sends it: the payload is not signed.
        headers: { ...headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
        query: {},
      },
      {
        signingDate: at,
        expiresIn: 900,
        unhoistableHeaders: new Set(['content-type', 'x-amz-content-sha256']),
        unsignableHeaders: new Set(['x-amz-content-sha256']),
      },
    );
    expect(ours.get('X-Amz-SignedHeaders')).toBe(theirs.query?.['X-Amz-SignedHeaders']);
    expect(ours.get('X-Amz-Signature')).toBe(theirs.query?.['X-Amz-Signature']);
  });
});
