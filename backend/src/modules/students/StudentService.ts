/**
 * Students of one organization. Every method takes the actor, scopes every query to the
 * actor's organization and audits the read or write (writes in the same transaction).
 */
import { Op, type Sequelize, type WhereOptions } from 'sequelize';
import type { Actor } from '../../infrastructure/http/actor.js';
import { AppError } from '../../infrastructure/http/AppError.js';
import type { AuditService } from '../audit/index.js';
import type { Grade, StudentAttributes, StudentInstance, StudentModel } from './models.js';

/** What the API answers for a student: the row as it is stored. */
export type StudentView = StudentAttributes;

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
  constructor(
    private readonly Student: StudentModel,
    private readonly sequelize: Sequelize,
    private readonly audit: () => AuditService,
  ) {}

  async list(
    actor: Actor,
    query: StudentQuery,
  ): Promise<{ data: StudentView[]; page: number; pageSize: number; total: number }> {
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
    return { data: rows.map(toView), page: query.page, pageSize: query.pageSize, total: count };
  }

  async get(actor: Actor, id: string): Promise<StudentView> {
    const student = await this.Student.findOne({ where: { id, organizationId: actor.organizationId } });
    if (!student) throw AppError.notFound('Student');
    await this.audit().recordFor(actor, 'student.read', { type: ENTITY, id });
    return toView(student);
  }

  async create(actor: Actor, input: CreateStudentInput): Promise<StudentView> {
    return this.sequelize.transaction(async (transaction) => {
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
  }

  async update(actor: Actor, id: string, input: UpdateStudentInput): Promise<StudentView> {
    return this.sequelize.transaction(async (transaction) => {
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
    });
  }
}
