/**
 * Asks again, every 50 ms, until the answer is what is expected or `withinMs` have passed, and
 * returns the last answer for the test to assert: for what the hub does in its own time (re-reading
 * key files, a process ending). The deadline is far beyond any machine's stall.
 */
export async function eventually<T>(ask: () => T | Promise<T>, until: (answer: T) => boolean, withinMs = 30_000): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const answer = await ask();
    if (until(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
