import { defaultProvider } from '../../lambdas/composition/lambda-credentials';

/** The credential source Lambda bundles use in place of the SDK's default chain. */
describe('the Lambda credential provider', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test('answers the role session in the environment, read on every call', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDFIRST';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret-1';
    process.env.AWS_SESSION_TOKEN = 'token-1';
    const provide = defaultProvider();
    await expect(provide()).resolves.toEqual({ accessKeyId: 'AKIDFIRST', secretAccessKey: 'secret-1', sessionToken: 'token-1' });
    process.env.AWS_ACCESS_KEY_ID = 'AKIDSECOND';
    delete process.env.AWS_SESSION_TOKEN;
    await expect(provide()).resolves.toEqual({ accessKeyId: 'AKIDSECOND', secretAccessKey: 'secret-1' });
  });

  test('without credentials in the environment it fails and looks nowhere else', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(defaultProvider()()).rejects.toMatchObject({ name: 'MissingCredentialsError' });
  });
});
