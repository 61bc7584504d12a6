import { createECDH, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Wire servers of our own for the AWS services the twin has no emulator for, speaking the
 * services' JSON 1.1 protocol (`POST /`, `Content-Type: application/x-amz-json-1.1`,
 * `X-Amz-Target: <Prefix>.<Action>`, SigV4-signed for the right service) and refusing what the
 * real services refuse: an unsigned request, a wrong target prefix or content type, a missing or
 * malformed required field, an unknown key or secret. Errors are `{"__type","message"}` with the
 * status the service documents, which the SDK turns into its named exceptions.
 *
 * KMS: Sign and GetPublicKey with a real ECDSA P-256 key (key spec ECC_NIST_P256, usage
 * SIGN_VERIFY; MessageType RAW or DIGEST). SSM: GetParameter of the parameters the operator stores
 * (a SecureString answers its plaintext only WithDecryption). Gantry keeps no Secrets Manager
 * secret, so that service is not served: a call to it fails as an unknown target.
 * ECS: DescribeTasks of the build tasks the twin runs (their container overrides, as the Build
 * state passed them), `MISSING` for any other task as ECS answers.
 * What this cannot prove: key policies, grants, encryption context, rotation, throttling.
 */

class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

interface KmsKey {
  readonly keyId: string;
  readonly arn: string;
  readonly privateKey: KeyObject;
  readonly publicDer: Buffer;
}

/** A task as ECS DescribeTasks describes it (the fields Gantry reads, in the wire's camelCase). */
export interface EcsTaskDescription {
  readonly taskArn: string;
  readonly clusterArn: string;
  readonly taskDefinitionArn: string;
  lastStatus: 'PROVISIONING' | 'RUNNING' | 'STOPPED';
  readonly launchType: 'FARGATE';
  readonly overrides: {
    readonly containerOverrides: Array<{ name: string; environment?: Array<{ name: string; value: string }> }>;
  };
}

const KMS_ECC_ALGORITHMS = ['ECDSA_SHA_256'];

/** Order of the P-256 group. */
const P256_N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');
const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;
function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return mod(s0, m);
}
const derInteger = (n: bigint): Buffer => {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
};

/**
 * ECDSA P-256 over a digest the caller already computed (KMS `MessageType: DIGEST`), which
 * node:crypto's `sign` cannot do: k·G comes from ECDH (the public key of the private scalar k),
 * then r = x(kG) mod n and s = k⁻¹(z + r·d) mod n, DER-encoded like KMS returns it.
 */
function signP256Digest(privateKey: KeyObject, digest: Buffer): Buffer {
  const d = BigInt(`0x${Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url').toString('hex')}`);
  const z = BigInt(`0x${digest.toString('hex')}`);
  for (;;) {
    const k = mod(BigInt(`0x${randomBytes(32).toString('hex')}`), P256_N);
    if (k === 0n) continue;
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(k.toString(16).padStart(64, '0'), 'hex'));
    const r = mod(BigInt(`0x${ecdh.getPublicKey().subarray(1, 33).toString('hex')}`), P256_N);
    const sig = mod(modInverse(k, P256_N) * (z + r * d), P256_N);
    if (r === 0n || sig === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(sig)]);
    return Buffer.concat([Buffer.from([0x30, body.length]), body]);
  }
}

function requireString(body: Record<string, unknown>, field: string, max = 2048): string {
  const v = body[field];
  if (typeof v !== 'string' || v.length === 0 || v.length > max) {
    throw new ServiceError(
      'ValidationException',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint`,
    );
  }
  return v;
}

export class JsonProtocolServers {
  private server: Server | undefined;
  url = '';
  private readonly keys: KmsKey[] = [];
  private readonly parameters = new Map<string, { value: string; type: 'String' | 'SecureString' }>();
  private readonly tasks: EcsTaskDescription[] = [];
  private readonly clusters = new Set<string>();
  /** Requests refused before reaching an action (for the twin's own checks). */
  readonly refused: Array<{ target: string; reason: string }> = [];

  /** Adds an asymmetric signing key; returns its public key (SPKI PEM) for verification. */
  addSigningKey(arn: string): string {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicDer = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    this.keys.push({ keyId: arn.slice(arn.lastIndexOf('/') + 1), arn, privateKey, publicDer });
    return createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  }

  addParameter(name: string, value: string, type: 'String' | 'SecureString' = 'SecureString'): void {
    this.parameters.set(name, { value, type });
  }

  /** A task ECS knows from now on (RunTask); the caller updates its status in place. */
  addTask(task: EcsTaskDescription): void {
    this.tasks.push(task);
  }

  /** An ECS cluster of the template (DescribeTasks on any other answers ClusterNotFoundException). */
  addCluster(arn: string): void {
    this.clusters.add(arn);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server?.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage, res: ServiceResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    const reply = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    try {
      if (req.method !== 'POST' || (req.url ?? '/') !== '/')
        throw new ServiceError('UnknownOperationException', 'Only POST / is served', 404);
      const [prefix, action] = target.split('.');
      const service = { TrentService: 'kms', AmazonSSM: 'ssm', AmazonEC2ContainerServiceV20141113: 'ecs' }[prefix ?? ''];
      if (!service || !action) throw new ServiceError('UnknownOperationException', `Unknown target ${target}`);
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
        throw new ServiceError('SerializationException', 'Content-Type must be application/x-amz-json-1.1');
      }
      const auth = String(req.headers.authorization ?? '');
      const scope =
        /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[a-z0-9-]+\/([a-z0-9-]+)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.exec(
          auth,
        );
      if (!scope) throw new ServiceError('MissingAuthenticationTokenException', 'Request is missing a SigV4 signature', 403);
      if (scope[1] !== service) {
        throw new ServiceError('InvalidSignatureException', `Credential should be scoped to correct service: '${service}'`, 403);
      }
      let body: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
        body = parsed as Record<string, unknown>;
      } catch {
        throw new ServiceError('SerializationException', 'Body is not a JSON object');
      }
      reply(200, this.act(service, action, body));
    } catch (err) {
      const e = err instanceof ServiceError ? err : new ServiceError('InternalFailure', (err as Error).message, 500);
      this.refused.push({ target, reason: `${e.type}: ${e.message}` });
      reply(e.status, { __type: e.type, message: e.message });
    }
  }

  private act(service: string, action: string, body: Record<string, unknown>): unknown {
    switch (`${service}.${action}`) {
      case 'kms.Sign': {
        const key = this.key(requireString(body, 'KeyId'));
        const algorithm = requireString(body, 'SigningAlgorithm');
        if (!KMS_ECC_ALGORITHMS.includes(algorithm)) {
          throw new ServiceError('InvalidKeyUsageException', `${algorithm} is not valid for key spec ECC_NIST_P256`);
        }
        const messageType = body.MessageType ?? 'RAW';
        if (messageType !== 'RAW' && messageType !== 'DIGEST') {
          throw new ServiceError('ValidationException', `MessageType ${String(messageType)} is not RAW or DIGEST`);
        }
        const message = Buffer.from(requireString(body, 'Message', 8192), 'base64');
        if (message.length < 1 || message.length > 4096) {
          throw new ServiceError('ValidationException', "Value at 'message' failed to satisfy constraint: length 1-4096");
        }
        // DIGEST: the message is the SHA-256 itself, so it must be exactly 32 bytes (as KMS checks).
        if (messageType === 'DIGEST' && message.length !== 32) {
          throw new ServiceError('ValidationException', 'Digest is invalid length for algorithm ECDSA_SHA_256.');
        }
        const signature =
          messageType === 'DIGEST'
            ? signP256Digest(key.privateKey, message)
            : sign('sha256', message, { key: key.privateKey, dsaEncoding: 'der' });
        return { KeyId: key.arn, Signature: signature.toString('base64'), SigningAlgorithm: algorithm };
      }
      case 'kms.GetPublicKey': {
        const key = this.key(requireString(body, 'KeyId'));
        return {
          KeyId: key.arn,
          PublicKey: key.publicDer.toString('base64'),
          KeySpec: 'ECC_NIST_P256',
          CustomerMasterKeySpec: 'ECC_NIST_P256',
          KeyUsage: 'SIGN_VERIFY',
          SigningAlgorithms: KMS_ECC_ALGORITHMS,
        };
      }
      case 'ssm.GetParameter': {
        const name = requireString(body, 'Name');
        const p = this.parameters.get(name);
        if (!p) throw new ServiceError('ParameterNotFound', `Parameter ${name} not found.`);
        if (p.type === 'SecureString' && body.WithDecryption !== true) {
          return { Parameter: { Name: name, Type: p.type, Value: Buffer.from(p.value).toString('base64'), Version: 1 } };
        }
        return { Parameter: { Name: name, Type: p.type, Value: p.value, Version: 1 } };
      }
      case 'ecs.DescribeTasks': {
        const ids = body.tasks;
        if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100 || !ids.every((t) => typeof t === 'string')) {
          throw new ServiceError('InvalidParameterException', 'Tasks cannot be empty and take at most 100 ids.');
        }
        const cluster = typeof body.cluster === 'string' ? body.cluster : 'default';
        const clusterArn = [...this.clusters].find((c) => c === cluster || c.endsWith(`:cluster/${cluster}`));
        if (!clusterArn) throw new ServiceError('ClusterNotFoundException', 'Cluster not found.');
        const inCluster = this.tasks.filter((t) => t.clusterArn === clusterArn);
        const tasks: EcsTaskDescription[] = [];
        const failures: Array<{ arn: string; reason: string }> = [];
        for (const id of ids as string[]) {
          const task = inCluster.find((t) => t.taskArn === id || t.taskArn.endsWith(`/${id}`));
          if (task) tasks.push(task);
          else failures.push({ arn: id, reason: 'MISSING' });
        }
        return { tasks, failures };
      }
      default:
        throw new ServiceError('UnknownOperationException', `${service} ${action} is not served by the twin`);
    }
  }

  private key(id: string): KmsKey {
    const key = this.keys.find((k) => k.arn === id || k.keyId === id);
    if (!key) throw new ServiceError('NotFoundException', `Key '${id}' does not exist`);
    return key;
  }
}

type ServiceResponse = ServerResponse;
