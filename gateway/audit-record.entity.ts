import { Column, Entity, PrimaryColumn } from "typeorm";
import { column } from "../kernel/columns";

/**
 * One operation as the audit store keeps it: who, why, what was read, the outcome, and its place
 * in the signed chain, and whose data it touched.
 */
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

  @Column(column.code(64))
  operationHash: string;

  @Column({ type: "text" })
  fieldsRead: string;

  /** JSON arrays of pids and credit codes, as hashed; `audit_subject_seqs` indexes them for the trails. */
  @Column({ type: "simple-json", nullable: true })
  pids: string[];

  @Column({ type: "simple-json", nullable: true })
  creditCodes: string[];

  @Column(column.code(40))
  outcome: string;

  @Column(column.code(64))
  previousHash: string;

  @Column({ ...column.code(40), nullable: true })
  keyId: string | null;

  @Column(column.code(64))
  hash: string;

  /** On the last record of each commit; null on the others, which it covers through their links, and on records from before signing. */
  @Column({ ...column.code(100), nullable: true })
  signature: string | null;
}
