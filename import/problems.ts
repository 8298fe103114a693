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
