import type { MaskKind } from "./sharing";

/** How much of each kind of personal data stays visible: configurable, per kind. */
export interface MaskPattern {
  keepStart: number;
  keepEnd: number;
}

export type MaskPatterns = Readonly<Record<MaskKind, MaskPattern>>;

export const defaultMaskPatterns: MaskPatterns = {
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

/**
 * Reads patterns written "idNumber=6+4,phone=3+4,name=1+0" (characters kept at the start + at
 * the end); kinds not named keep their default. Returns the reason when the text is malformed.
 */
export function parseMaskPatterns(text: string): MaskPatterns | string {
  const patterns: Record<string, MaskPattern> = { ...defaultMaskPatterns };
  for (const part of text
    .split(",")
    .map((piece) => piece.trim())
    .filter(Boolean)) {
    const match = /^(\w+)=(\d+)\+(\d+)$/.exec(part);
    if (!match || !(match[1] in defaultMaskPatterns)) {
      return `${JSON.stringify(part)} is not <kind>=<keep at start>+<keep at end> with a kind of ${Object.keys(defaultMaskPatterns).join(", ")}`;
    }
    patterns[match[1]] = { keepStart: Number(match[2]), keepEnd: Number(match[3]) };
  }
  return patterns as MaskPatterns;
}
