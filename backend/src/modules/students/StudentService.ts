/**
 * Students of one organization. Every method takes the actor, scopes every query to the
 * actor's organization and audits the read or write (writes in the same transaction).
 */
import { Op, type Sequelize, type Transaction, type WhereOptions } from 'sequelize';
import { CACHE_TTL, cacheKeys, invalidateStudentCache, type Cache } from '../../config/redis.js';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import { can } from '../../infrastructure/http/authorization.js';
import type { AuditService } from '../audit/index.js';
import type { Grade, StudentAttributes, StudentInstance, StudentModel } from './models.js';
import { collectAlerts, type AlertSource, type ProfileSection, type StudentAlert } from './profile.js';

/** What the API answers for a student: the row as it is stored. */
export type StudentView = StudentAttributes;

export interface StudentListItem extends StudentView {
  alerts: StudentAlert[];
}

/** The student, their alerts, and one property per registered section. */
export type StudentProfile = StudentView & { alerts: StudentAlert[] } & Record<string, unknown>;

export interface StudentQuery {
  search?: string;
  grade?: Grade;
  schoolId?: string;
  includeInactive: boolean;
  page: number;
  pageSize: number;
}

export type CreateStudentInput = Pick<StudentAttributes, 'firstName' | 'lastName' | 'grade'> & {
  dateOfBirth: string | Date;
  gender?: string | null;
  studentNumber?: string | null;
  schoolId?: string | null;
};

export type UpdateStudentInput = Partial<CreateStudentInput & { isActive: boolean }>;

/** Told after a student row has changed: for figures computed over the roster. */
export type RosterListener = (organizationId: string) => Promise<void>;

const ENTITY = 'student';

function toView(s: StudentInstance): StudentView {
  return {
    id: s.id,
    organizationId: s.organizationId,
    schoolId: s.schoolId,
    firstName: s.firstName,
    lastName: s.lastName,
    dateOfBirth: s.dateOfBirth,
    grade: s.grade,
    gender: s.gender,
    studentNumber: s.studentNumber,
    isActive: s.isActive,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** Joi hands dates over as Date objects; the column is a calendar date. */
function asDateOnly(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchCondition(search: string): WhereOptions {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 4);
  // Each word must match a first name, last name or student number (prefix for numbers).
  return {
    [Op.and]: words.map((word) => {
      const like = `%${escapeLike(word)}%`;
      return {
        [Op.or]: [
          { firstName: { [Op.iLike]: like } },
          { lastName: { [Op.iLike]: like } },
          { studentNumber: { [Op.iLike]: `${escapeLike(word)}%` } },
        ],
      };
    }),
  };
}

export class StudentService {
  private readonly sections: ProfileSection[] = [];
  private readonly alertSources: AlertSource[] = [];
  private readonly rosterListeners: RosterListener[] = [];

  constructor(
    private readonly Student: StudentModel,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
    private readonly cache: Cache,
  ) {}

  registerProfileSection(section: ProfileSection): void {
    if (this.sections.some((s) => s.key === section.key))
      throw new Error(`Profile section ${section.key} twice`);
    this.sections.push(section);
  }

  registerAlertSource(source: AlertSource): void {
    this.alertSources.push(source);
  }

  /** A module whose cache holds figures over the roster (compliance per school and grade). */
  onRosterChange(listener: RosterListener): void {
    this.rosterListeners.push(listener);
  }

  /**
   * After a committed change to student rows (created, renamed, regraded, moved, deactivated):
   * create and update call it; a writer of its own (the SIS roster sync) must too.
   */
  async rosterChanged(organizationId: string): Promise<void> {
    await Promise.all(this.rosterListeners.map((listener) => listener(organizationId)));
  }

  /** For modules with sub-records: 404 unless the student exists in this organization. */
  async assertExists(
    organizationId: string,
    studentId: string,
    transaction?: Transaction,
  ): Promise<StudentView> {
    const student = await this.Student.findOne({ where: { id: studentId, organizationId }, transaction });
    if (!student) throw AppError.notFound('Student');
    return toView(student);
  }

  /** After a write to a student or a sub-record: the next profile read comes from Postgres. */
  invalidate(organizationId: string, studentId: string): Promise<void> {
    return invalidateStudentCache(this.cache, organizationId, studentId);
  }

  async list(
    actor: Actor,
    query: StudentQuery,
  ): Promise<{ data: StudentListItem[]; page: number; pageSize: number; total: number }> {
    const where: WhereOptions[] = [{ organizationId: actor.organizationId }];
    if (!query.includeInactive) where.push({ isActive: true });
    if (query.grade) where.push({ grade: query.grade });
    if (query.schoolId) where.push({ schoolId: query.schoolId });
    if (query.search) where.push(searchCondition(query.search));
    const { rows, count } = await this.Student.findAndCountAll({
      where: { [Op.and]: where },
      order: [
        ['lastName', 'ASC'],
        ['firstName', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    await this.audit().recordFor(
      actor,
      'student.list',
      { type: ENTITY },
      {
        resultCount: rows.length,
        studentIds: rows.map((r) => r.id),
      },
    );
    const alerts = await collectAlerts(
      this.alertSources,
      actor.organizationId,
      rows.map((r) => r.id),
    );
    const data = rows.map((r) => ({ ...toView(r), alerts: alerts.get(r.id) ?? [] }));
    return { data, page: query.page, pageSize: query.pageSize, total: count };
  }

  /**
   * The profile as the caller may see it, as JSON text: cache-aside (5 min), every read
   * audited, hit or miss. A caller with detail access gets the cached text as is (no parse,
   * no stringify per read); only a reduced view (VIEWER) is parsed and cut.
   */
  async getJson(actor: Actor, id: string): Promise<string> {
    const profile = await this.cache.getOrLoadJson(
      cacheKeys.studentProfile(actor.organizationId, id),
      CACHE_TTL.studentProfile,
      () => this.loadProfile(actor.organizationId, id),
    );
    await this.audit().recordFor(actor, 'student.read', { type: ENTITY, id });
    if (can(actor.role, 'health-records:read-detail')) return profile;
    return JSON.stringify(this.minimumNecessaryView(actor, JSON.parse(profile) as StudentProfile));
  }

  private async loadProfile(organizationId: string, id: string): Promise<StudentProfile> {
    const student = await this.Student.findOne({ where: { id, organizationId } });
    if (!student) throw AppError.notFound('Student');
    const [alerts, ...sections] = await Promise.all([
      collectAlerts(this.alertSources, organizationId, [id]),
      ...this.sections.map((section) => section.load(organizationId, id)),
    ]);
    const profile: StudentProfile = { ...toView(student), alerts: alerts.get(id) ?? [] };
    this.sections.forEach((section, i) => (profile[section.key] = sections[i]));
    return profile;
  }

  /** A role without detail access (VIEWER) gets each section's minimum necessary. */
  private minimumNecessaryView(actor: Actor, profile: StudentProfile): StudentProfile {
    const view: StudentProfile = { ...profile };
    for (const section of this.sections) {
      if (!section.minimumNecessary) continue;
      const reduced = section.minimumNecessary(profile[section.key], actor.role);
      if (reduced === undefined) delete view[section.key];
      else view[section.key] = reduced;
    }
    return view;
  }

  async create(actor: Actor, input: CreateStudentInput): Promise<StudentView> {
    const created = await this.sequelize.transaction(async (transaction) => {
      const student = await this.Student.create(
        {
          ...input,
          dateOfBirth: asDateOnly(input.dateOfBirth),
          organizationId: actor.organizationId,
        },
        { transaction },
      );
      await this.audit().recordFor(
        actor,
        'student.create',
        { type: ENTITY, id: student.id },
        undefined,
        transaction,
      );
      return toView(student);
    });
    await this.rosterChanged(actor.organizationId);
    return created;
  }

  async update(actor: Actor, id: string, input: UpdateStudentInput): Promise<StudentView> {
    return this.sequelize
      .transaction(async (transaction) => {
        const student = await this.Student.findOne({
          where: { id, organizationId: actor.organizationId },
          transaction,
          lock: transaction.LOCK.UPDATE,
        });
        if (!student) throw AppError.notFound('Student');
        const { dateOfBirth, ...rest } = input;
        await student.update(
          { ...rest, ...(dateOfBirth ? { dateOfBirth: asDateOnly(dateOfBirth) } : {}) },
          { transaction },
        );
        await this.audit().recordFor(
          actor,
          'student.update',
          { type: ENTITY, id },
          { fields: Object.keys(input) },
          transaction,
        );
        return toView(student);
      })
      .finally(() =>
        Promise.all([this.invalidate(actor.organizationId, id), this.rosterChanged(actor.organizationId)]),
      );
  }
}
