import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../kernel/migration";

const tables: TableSpec[] = [
  {
    // The newest record whose subjects are in audit_subject: the index is caught up after commits, in bulk.
    name: "audit_subject_indexed",
    columns: { id: column.integer, seq: column.integer },
  },
];

/**
 * Whose data a record touched is stored in the record again (JSON arrays, as hashed), committed
 * with it before the answer leaves; `audit_subject` becomes the trails' index of those columns,
 * written after the commit for many records at once. Writing two hundred subjects' index entries
 * in every commit cost a page of the index each. Existing records take their subjects from the index.
 */
export class SubjectsInRecord1764800000000 implements MigrationInterface {
  name = "SubjectsInRecord1764800000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const mysql = queryRunner.connection.options.type === "mysql";
    // MySQL's TEXT holds 64 KiB; a record may name a few thousand subjects.
    const listType = mysql ? "mediumtext" : "text";
    await queryRunner.addColumns("audit_record", [
      new TableColumn({ name: "pids", type: listType, isNullable: true }),
      new TableColumn({ name: "credit_codes", type: listType, isNullable: true }),
    ]);
    const listOf = (kind: string) =>
      mysql
        ? `COALESCE((SELECT JSON_ARRAYAGG(s.subject_key) FROM audit_subject s WHERE s.seq = audit_record.seq AND s.kind = '${kind}'), '[]')`
        : `(SELECT json_group_array(s.subject_key) FROM audit_subject s WHERE s.seq = audit_record.seq AND s.kind = '${kind}')`;
    await queryRunner.query(`UPDATE audit_record SET pids = ${listOf("person")}, credit_codes = ${listOf("enterprise")}`);
    await createTables(queryRunner, tables);
    await queryRunner.query("INSERT INTO audit_subject_indexed (id, seq) SELECT 1, seq FROM audit_head WHERE id = 1");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [behind] = (await queryRunner.query(
      "SELECT h.seq AS head, i.seq AS mark FROM audit_head h, audit_subject_indexed i WHERE h.id = 1 AND i.id = 1",
    )) as { head: number; mark: number }[];
    // Records not yet in the index hold their subjects only in the columns this drops.
    if (Number(behind.mark) < Number(behind.head))
      throw new Error(`the subject index ends at record ${behind.mark}, the chain at ${behind.head}: open the store once to catch it up`);
    await dropTables(queryRunner, tables);
    await queryRunner.dropColumns("audit_record", ["pids", "credit_codes"]);
  }
}
