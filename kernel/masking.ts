import type { MaskKind } from "./sharing";

/** How much of each kind of personal data stays visible: configurable, per kind. */
export interface MaskPattern {
  keepStart: number;
  keepEnd: number;
}

export const defaultMaskPatterns: Readonly<Record<MaskKind, MaskPattern>> = {
  idNumber: { keepStart: 6, keepEnd: 4 },
  phone: { keepStart: 3, keepEnd: 4 },
  name: { keepStart: 1, keepEnd: 0 },
};

/** Replaces the hidden middle with one * per character (code points, so 张三丰 becomes 张**). */
export function mask(value: string, pattern: MaskPattern): string {
  const characters = [...value];
  const start = Math.min(pattern.keepStart, characters.length);
  const end = Math.min(pattern.keepEnd, characters.length - start);
  return characters.map((character, index) => (index < start || index >= characters.length - end ? character : "*")).join("");
}
