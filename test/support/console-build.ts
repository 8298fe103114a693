import { ensureConsoleBuilt } from "../../scripts/console";

/**
 * Jest's global setup: builds the console once, before any test file runs, when its sources are
 * newer than its build. Two test files building at once would each empty the other's output.
 */
export default function buildConsole(): void {
  ensureConsoleBuilt();
}
