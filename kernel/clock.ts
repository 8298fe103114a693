/**
 * Where every process reads the time. Deadlines and expiries are computed from it, so a test (or
 * a rehearsal of next year's deadlines) sets one instant for the gateway and the departments alike.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
