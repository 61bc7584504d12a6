import * as z from '../domain/zod';
import type { Services } from './services';
import type { TenantRecord, UserRecord } from '../adapters/identity-store';
import { ForbiddenError, ValidationError } from '../domain/errors';
import { can, EmailSchema, RoleSchema, type Principal } from '../domain/identity';

export function newUserSchema(minPasswordLength: number) {
  return z.strictObject({
    email: EmailSchema,
    password: z
      .string()
      .check(
        z.minLength(minPasswordLength, `password must be at least ${minPasswordLength} characters (auth.min_password_length)`),
        z.maxLength(1024),
      ),
    role: z._default(RoleSchema, 'member'),
  });
}

export function newTenantSchema(minPasswordLength: number) {
  return z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
    owner_email: EmailSchema,
    owner_password: z
      .string()
      .check(
        z.minLength(
          minPasswordLength,
          `owner_password must be at least ${minPasswordLength} characters (auth.min_password_length)`,
        ),
        z.maxLength(1024),
      ),
  });
}

/** What the API shows of a user (never the hash). */
export function userView(user: UserRecord): Record<string, unknown> {
  return { user_id: user.user_id, email: user.email, tenant_id: user.tenant_id, role: user.role, created_at: user.created_at };
}

/**
 * Adds a user to a tenant. Through the API the caller must be an owner and the tenant is the
 * caller's own; the CLI (`gantry user add`, run by whoever holds the data store) passes no
 * principal and names the tenant, or creates a new one.
 */
/** What account management needs (the CLI builds just this, without a whole stack). */
export type AccountServices = Pick<Services, 'identity' | 'passwords' | 'policy'>;

export async function addUser(
  svc: AccountServices,
  input: {
    by: Principal | null;
    email: string;
    password: string;
    role: z.infer<typeof RoleSchema>;
    tenantId?: string;
    tenantName?: string;
  },
): Promise<{ user: UserRecord; tenant: TenantRecord }> {
  checkPassword(svc, input.password);
  let tenant: TenantRecord | null;
  if (input.by) {
    if (!can(input.by.role, 'user:manage')) throw new ForbiddenError('Only an owner may add users');
    tenant = await svc.identity.getTenant(input.by.tenantId);
  } else if (input.tenantId) {
    tenant = await svc.identity.getTenant(input.tenantId);
    if (!tenant) throw new ValidationError(`No tenant ${input.tenantId}`);
  } else {
    tenant = await svc.identity.createTenant(input.tenantName ?? `${input.email.split('@')[1] ?? 'first'} tenant`);
  }
  if (!tenant) throw new ValidationError('The tenant does not exist');
  const user = await svc.identity.createUser({
    email: EmailSchema.parse(input.email),
    tenantId: tenant.tenant_id,
    role: input.role,
    passwordHash: await svc.passwords.hash(input.password),
  });
  return { user, tenant };
}

/**
 * Creates a tenant with its first owner. Through the API only owners of the operator tenant
 * (the first tenant ever created) may do this; the new tenant shares nothing with the caller's.
 */
export async function addTenant(
  svc: AccountServices,
  input: { by: Principal | null; name: string; ownerEmail: string; ownerPassword: string },
): Promise<{ user: UserRecord; tenant: TenantRecord }> {
  if (input.by) {
    const { operatorTenantId } = await svc.identity.userSummary();
    if (!can(input.by.role, 'tenant:create') || input.by.tenantId !== operatorTenantId) {
      throw new ForbiddenError('Only an owner of the operator tenant may create tenants');
    }
  }
  checkPassword(svc, input.ownerPassword);
  const tenant = await svc.identity.createTenant(input.name);
  const user = await svc.identity.createUser({
    email: EmailSchema.parse(input.ownerEmail),
    tenantId: tenant.tenant_id,
    role: 'owner',
    passwordHash: await svc.passwords.hash(input.ownerPassword),
  });
  return { user, tenant };
}

function checkPassword(svc: AccountServices, password: string): void {
  const min = svc.policy.policy.auth.min_password_length;
  if (password.length < min)
    throw new ValidationError(`The password must be at least ${min} characters (auth.min_password_length)`);
}

export type BootstrapOutcome =
  | { readonly kind: 'created'; readonly email: string; readonly tenantId: string }
  | { readonly kind: 'users-exist'; readonly userCount: number }
  | { readonly kind: 'no-users' };

/**
 * First run: when no user exists and `GANTRY_ADMIN_EMAIL` + `GANTRY_ADMIN_PASSWORD` are set,
 * creates the first owner of a first tenant. With users already present the variables are
 * ignored (they never reset a password). There is no default password anywhere.
 */
export async function bootstrapFirstOwner(svc: AccountServices & Pick<Services, 'config'>): Promise<BootstrapOutcome> {
  const { userCount } = await svc.identity.userSummary();
  if (userCount > 0) return { kind: 'users-exist', userCount };
  const email = svc.config.GANTRY_ADMIN_EMAIL.trim();
  const password = svc.config.GANTRY_ADMIN_PASSWORD;
  if (!email && !password) return { kind: 'no-users' };
  if (!email || !password) {
    throw new ValidationError('Set both GANTRY_ADMIN_EMAIL and GANTRY_ADMIN_PASSWORD to create the first owner');
  }
  const { user, tenant } = await addUser(svc, { by: null, email, password, role: 'owner' });
  return { kind: 'created', email: user.email, tenantId: tenant.tenant_id };
}
