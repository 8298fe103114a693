import type { MigrationInterface, QueryRunner } from "typeorm";
import { column } from "../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../kernel/migration";

const subjectSeqs: TableSpec = {
  // One row per subject per step of the index: the records of the step that touched it.
  name: "audit_subject_seqs",
  columns: { kind: column.code(10), subject_key: column.code(64), upto: column.integer, seqs: { type: "text" } },
  primary: ["kind", "subject_key", "upto"],
  indices: [{ columns: ["upto"] }],
};

/** The index as it stood before (1764600000000): one row per record and subject. */
const subjectRows: TableSpec = {
  name: "audit_subject",
  columns: { seq: column.integer, kind: column.code(10), subject_key: column.code(64) },
  primary: ["seq", "kind", "subject_key"],
  indices: [{ columns: ["kind", "subject_key"] }],
};

/**
 * The trails' index lists, for each subject, the records of one step of the index (`upto` is the
 * last record the step covers) as a JSON array of seqs. A subject read by many requests in a
 * step is written once, not once per record. Existing rows each become a step of one record.
 */
export class SubjectSeqs1765000000000 implements MigrationInterface {
  name = "SubjectSeqs1765000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, [subjectSeqs]);
    await queryRunner.query(
      "INSERT INTO audit_subject_seqs (kind, subject_key, upto, seqs) SELECT kind, subject_key, seq, JSON_ARRAY(seq) FROM audit_subject",
    );
    await dropTables(queryRunner, [subjectRows]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, [subjectRows]);
    const seqs =
      queryRunner.connection.options.type === "mysql" ? "JSON_TABLE(s.seqs, '$[*]' COLUMNS (value INT PATH '$')) j" : "json_each(s.seqs) j";
    await queryRunner.query(
      `INSERT INTO audit_subject (seq, kind, subject_key) SELECT j.value, s.kind, s.subject_key FROM audit_subject_seqs s, ${seqs}`,
    );
    await dropTables(queryRunner, [subjectSeqs]);
  }
}
