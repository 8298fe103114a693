import { defaultMaskPatterns, mask, parseMaskPatterns } from "./masking";

describe("masking personal data", () => {
  it.each([
    ["11010519491231002X", defaultMaskPatterns.idNumber, "110105********002X"],
    ["13812345678", defaultMaskPatterns.phone, "138****5678"],
    ["张三丰", defaultMaskPatterns.name, "张**"],
    ["李四", defaultMaskPatterns.name, "李*"],
    ["123", { keepStart: 6, keepEnd: 4 }, "123"],
  ])("masks %s as the pattern says", (value, pattern, masked) => {
    expect(mask(value, pattern)).toBe(masked);
  });

  it("reads configured patterns, keeping defaults for kinds not named", () => {
    expect(parseMaskPatterns("idNumber=3+2, name=0+0")).toEqual({
      idNumber: { keepStart: 3, keepEnd: 2 },
      phone: defaultMaskPatterns.phone,
      name: { keepStart: 0, keepEnd: 0 },
    });
  });

  it.each(["idNumber=6", "email=1+1", "phone=a+b"])("explains what is wrong with %p", (text) => {
    expect(parseMaskPatterns(text)).toBe(
      `${JSON.stringify(text)} is not <kind>=<keep at start>+<keep at end> with a kind of idNumber, phone, name`,
    );
  });
});
