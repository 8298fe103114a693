import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../kernel/columns";

/** One operation as the audit log keeps it: who, why, what was read, and the outcome, hash-chained. */
@Entity("audit_record")
export class AuditRecord {
  @PrimaryColumn(column.integer)
  seq: number;

  @Column(column.timestamp)
  at: Date;

  @Column(column.code(40))
  requestId: string;

  @Column(column.code(20))
  agency: string;

  @Column(column.text(100))
  userId: string;

  @Column(column.text(100))
  roles: string;

  @Column({ ...column.code(40), nullable: true })
  purpose: string | null;

  @Column({ ...column.text(100), nullable: true })
  caseRef: string | null;

  @Column({ ...column.text(200), nullable: true })
  operationName: string | null;

  /** SHA-256 of the operation text, so the same query is recognisable without storing variables. */
  @Column(column.code(64))
  operationHash: string;

  /** JSON: { owner: ["Type.field", ...] } — what was asked of each department. */
  @Column({ type: "text" })
  fieldsRead: string;

  /** JSON: the Person pids returned. */
  @Column({ type: "text" })
  pids: string;

  /** JSON: the Enterprise credit codes returned. */
  @Column({ type: "text" })
  creditCodes: string;

  /** ALLOWED, DENIED (with the reason code), or ERROR. */
  @Column(column.code(40))
  outcome: string;

  @Column(column.code(64))
  previousHash: string;

  @Column(column.code(64))
  hash: string;
}
