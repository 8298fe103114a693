import { TableColumn, type MigrationInterface, type QueryRunner } from "typeorm";
import { column } from "../../kernel/columns";
import { createTables, dropTables, type TableSpec } from "../../kernel/migration";

const tables: TableSpec[] = [
  {
    // Whose data each record touched: the per-person and per-enterprise trails read it by index.
    name: "audit_subject",
    columns: { seq: column.integer, kind: column.code(10), subject_key: column.code(64) },
    primary: ["seq", "kind", "subject_key"],
    indices: [{ columns: ["kind", "subject_key"] }],
  },
  {
    // The chain's newest record, one row locked by each append, so several gateways extend one chain.
    name: "audit_head",
    columns: { id: column.integer, seq: column.integer, hash: column.code(64) },
  },
];

/**
 * Records signed with the gateway's audit key, their subjects in a table of their own, and the
 * chain's head kept in the store. Records written before keep their subjects but no signature:
 * verification reports them as unsigned.
 */
export class SignedAudit1764600000000 implements MigrationInterface {
  name = "SignedAudit1764600000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTables(queryRunner, tables);
    await queryRunner.addColumns("audit_record", [
      new TableColumn({ name: "key_id", type: "varchar", length: "40", isNullable: true }),
      new TableColumn({ name: "signature", type: "varchar", length: "100", isNullable: true }),
    ]);
    const legacy: { seq: number; pids: string; credit_codes: string; hash: string }[] = await queryRunner.query(
      "SELECT seq, pids, credit_codes, hash FROM audit_record ORDER BY seq",
    );
    for (const record of legacy) {
      const subjects = [
        ...(JSON.parse(record.pids) as string[]).map((key) => ["person", key]),
        ...(JSON.parse(record.credit_codes) as string[]).map((key) => ["enterprise", key]),
      ];
      for (const [kind, key] of new Map(subjects.map((subject) => [subject.join(":"), subject])).values()) {
        await queryRunner.query("INSERT INTO audit_subject (seq, kind, subject_key) VALUES (?, ?, ?)", [record.seq, kind, key]);
      }
    }
    await queryRunner.dropColumns("audit_record", ["pids", "credit_codes"]);
    const last = legacy.at(-1);
    await queryRunner.query("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)", [last?.seq ?? 0, last?.hash ?? "0".repeat(64)]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns("audit_record", ["key_id", "signature"]);
    await queryRunner.addColumns("audit_record", [
      new TableColumn({ name: "pids", type: "text", isNullable: true }),
      new TableColumn({ name: "credit_codes", type: "text", isNullable: true }),
    ]);
    await dropTables(queryRunner, tables);
  }
}
