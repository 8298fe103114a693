import { masterRecordsMigration } from "../../../kernel/records";

export const MasterRecords1764000000000 = masterRecordsMigration(["health_examination"]);
