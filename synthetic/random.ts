import { createHash } from "node:crypto";
import { Faker, base, en, zh_CN } from "@faker-js/faker";

/** A seeded generator: the same seed and stream name give the same sequence on every machine. */
export function seededFaker(seed: number, stream: string): Faker {
  const faker = new Faker({ locale: [zh_CN, en, base] });
  faker.seed(createHash("sha256").update(`${seed}:${stream}`).digest().readUInt32BE(0));
  return faker;
}

/** A picker over weighted choices (weights need not sum to 1), in O(log n) per pick. */
export function weightedPicker<T>(choices: readonly (readonly [T, number])[]): (faker: Faker) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of choices) cumulative.push((total += weight));
  return (faker) => {
    const point = faker.number.float({ min: 0, max: total });
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < point) low = middle + 1;
      else high = middle;
    }
    return choices[low][0];
  };
}
