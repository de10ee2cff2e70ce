import type { Transaction } from 'sequelize';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { OrganizationModels } from './models.js';

export interface OrganizationView {
  id: string;
  name: string;
}

export interface SchoolView {
  id: string;
  organizationId: string;
  name: string;
  code: string | null;
}

export class OrganizationService {
  constructor(private readonly models: OrganizationModels) {}

  async createOrganization(name: string, transaction?: Transaction): Promise<OrganizationView> {
    const org = await this.models.Organization.create({ name }, { transaction });
    return { id: org.id, name: org.name };
  }

  async getOrganization(id: string): Promise<OrganizationView> {
    const org = await this.models.Organization.findByPk(id);
    if (!org) throw AppError.notFound('Organization');
    return { id: org.id, name: org.name };
  }

  /** Every organization's id: the recurring sweeps enqueue one job for each. */
  async listOrganizationIds(): Promise<string[]> {
    const rows = await this.models.Organization.findAll({ attributes: ['id'], order: [['id', 'ASC']] });
    return rows.map((org) => org.id);
  }

  async countOrganizations(): Promise<number> {
    return this.models.Organization.count();
  }

  async createSchool(
    organizationId: string,
    input: { name: string; code?: string | null },
    transaction?: Transaction,
  ): Promise<SchoolView> {
    const school = await this.models.School.create(
      { organizationId, name: input.name, code: input.code ?? null },
      { transaction },
    );
    return toSchoolView(school);
  }

  async listSchools(organizationId: string): Promise<SchoolView[]> {
    const schools = await this.models.School.findAll({ where: { organizationId }, order: [['name', 'ASC']] });
    return schools.map(toSchoolView);
  }
}

function toSchoolView(s: SchoolView): SchoolView {
  return { id: s.id, organizationId: s.organizationId, name: s.name, code: s.code };
}
