import type { Transaction } from 'sequelize';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuthUser, Role } from '../../infrastructure/http/authorization.js';
import type { UserInstance, UserModel } from './models.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.js';

export interface UserView extends AuthUser {
  isActive: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface UpdateUserInput {
  name?: string;
  role?: Role;
  isActive?: boolean;
  password?: string;
}

export function toAuthUser(user: UserInstance): AuthUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organizationId: user.organizationId,
  };
}

function toView(user: UserInstance): UserView {
  return {
    ...toAuthUser(user),
    isActive: user.isActive,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}

export class UserService {
  constructor(private readonly User: UserModel) {}

  async create(organizationId: string, input: CreateUserInput, transaction?: Transaction): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    if (await this.User.findOne({ where: { email }, transaction })) {
      throw AppError.conflict('A user with this email already exists');
    }
    const user = await this.User.create(
      {
        organizationId,
        email,
        name: input.name,
        role: input.role,
        passwordHash: await hashPassword(input.password),
      },
      { transaction },
    );
    return toView(user);
  }

  /**
   * Checks a login. Answers the user only for an active account with the right password;
   * the reason is for the audit log, never for the caller.
   */
  async authenticate(
    email: string,
    password: string,
  ): Promise<
    | { user: AuthUser }
    | {
        user: null;
        reason: 'unknown_email' | 'bad_password' | 'inactive';
        organizationId: string | null;
        userId: string | null;
      }
  > {
    const user = await this.User.findOne({ where: { email: email.trim().toLowerCase() } });
    if (!user) {
      await verifyPassword(await decoyPasswordHash(), password);
      return { user: null, reason: 'unknown_email', organizationId: null, userId: null };
    }
    const matches = await verifyPassword(user.passwordHash, password);
    if (!matches)
      return { user: null, reason: 'bad_password', organizationId: user.organizationId, userId: user.id };
    if (!user.isActive)
      return { user: null, reason: 'inactive', organizationId: user.organizationId, userId: user.id };
    await user.update({ lastLoginAt: new Date() });
    return { user: toAuthUser(user) };
  }

  /** The user behind a session, if still active. Not tenant-scoped: the session names the user. */
  async findActiveAuthUser(userId: string): Promise<AuthUser | null> {
    const user = await this.User.findByPk(userId);
    return user?.isActive ? toAuthUser(user) : null;
  }

  async get(organizationId: string, id: string): Promise<UserView> {
    const user = await this.User.findOne({ where: { id, organizationId } });
    if (!user) throw AppError.notFound('User');
    return toView(user);
  }

  async list(organizationId: string): Promise<UserView[]> {
    const users = await this.User.findAll({ where: { organizationId }, order: [['name', 'ASC']] });
    return users.map(toView);
  }

  async update(
    organizationId: string,
    id: string,
    input: UpdateUserInput,
    transaction?: Transaction,
  ): Promise<UserView> {
    const user = await this.User.findOne({ where: { id, organizationId }, transaction });
    if (!user) throw AppError.notFound('User');
    const changes: Partial<UserInstance> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.role !== undefined) changes.role = input.role;
    if (input.isActive !== undefined) changes.isActive = input.isActive;
    if (input.password !== undefined) changes.passwordHash = await hashPassword(input.password);
    await user.update(changes, { transaction });
    return toView(user);
  }
}
