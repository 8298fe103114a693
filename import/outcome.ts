/**
 * What an import reports, shared by the command, the gateway's upload route and the console: the
 * counts, the refused rows, and why a whole file or run stopped. No Node or spreadsheet library here.
 */

export interface ImportCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  refused: number;
  /** Columns the template does not know: reported, never imported. */
  unknownColumns: string[];
  dryRun: boolean;
}

export interface RefusedRow {
  rowNumber: number;
  cells: string[];
  /** Each bad column and why, in Chinese. */
  problems: string[];
}

/** Why a whole file cannot be imported; nothing of it is sent. */
export class FileProblem extends Error {}

/**
 * Why the import stopped; what earlier batches saved stays saved, and importing the file again
 * completes it. The code is the hub's (e.g. FORBIDDEN) when the hub refused.
 */
export class ImportProblem extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
