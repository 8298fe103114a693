import { createHmac } from "node:crypto";

/**
 * The person key every department joins on (GB/T 37964 pseudonymisation): a keyed hash of the
 * normalized ID number with the hub's linking secret. Without the secret a pid cannot be turned
 * back into an ID number, nor an ID number guessed into a pid.
 */
export function personPid(normalizedIdNumber: string, linkingSecret: string): string {
  return createHmac("sha256", linkingSecret).update(normalizedIdNumber).digest("hex").slice(0, 32);
}
