import type { Migration } from './Migration.js';

export const students: Migration = {
  name: '202611280003-students',
  up: `
    CREATE TABLE students (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE RESTRICT,
      school_id uuid,
      first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
      last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
      date_of_birth date NOT NULL,
      grade text NOT NULL CHECK (grade IN ('PK','K','1','2','3','4','5','6','7','8','9','10','11','12')),
      gender text,
      student_number text,
      is_active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (school_id, organization_id) REFERENCES schools (id, organization_id),
      UNIQUE (organization_id, student_number),
      UNIQUE (id, organization_id)
    );
    CREATE INDEX students_org_name_idx ON students (organization_id, lower(last_name), lower(first_name));
    CREATE INDEX students_org_grade_idx ON students (organization_id, grade);
  `,
  down: `DROP TABLE students;`,
};
