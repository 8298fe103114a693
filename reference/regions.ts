/**
 * GB/T 2260 行政区划代码: only the regions the hub currently serves (Zibo, Shandong; Liaoning's
 * prefecture-level cities). Extend from the Ministry of Civil Affairs' annual list when onboarding
 * an area. Not for validating the address part of old ID numbers: those may carry retired codes.
 */

export type RegionLevel = "province" | "prefecture" | "county";

export interface Region {
  code: string;
  name: string;
  parent?: string;
  level: RegionLevel;
}

export const regions: readonly Region[] = [
  { code: "370000", name: "山东省", level: "province" },
  { code: "370300", name: "淄博市", parent: "370000", level: "prefecture" },
  { code: "370302", name: "淄川区", parent: "370300", level: "county" },
  { code: "370303", name: "张店区", parent: "370300", level: "county" },
  { code: "370304", name: "博山区", parent: "370300", level: "county" },
  { code: "370305", name: "临淄区", parent: "370300", level: "county" },
  { code: "370306", name: "周村区", parent: "370300", level: "county" },
  { code: "370321", name: "桓台县", parent: "370300", level: "county" },
  { code: "370322", name: "高青县", parent: "370300", level: "county" },
  { code: "370323", name: "沂源县", parent: "370300", level: "county" },
  { code: "210000", name: "辽宁省", level: "province" },
  { code: "210100", name: "沈阳市", parent: "210000", level: "prefecture" },
  { code: "210200", name: "大连市", parent: "210000", level: "prefecture" },
  { code: "210300", name: "鞍山市", parent: "210000", level: "prefecture" },
  { code: "210400", name: "抚顺市", parent: "210000", level: "prefecture" },
  { code: "210500", name: "本溪市", parent: "210000", level: "prefecture" },
  { code: "210600", name: "丹东市", parent: "210000", level: "prefecture" },
  { code: "210700", name: "锦州市", parent: "210000", level: "prefecture" },
  { code: "210800", name: "营口市", parent: "210000", level: "prefecture" },
  { code: "210900", name: "阜新市", parent: "210000", level: "prefecture" },
  { code: "211000", name: "辽阳市", parent: "210000", level: "prefecture" },
  { code: "211100", name: "盘锦市", parent: "210000", level: "prefecture" },
  { code: "211200", name: "铁岭市", parent: "210000", level: "prefecture" },
  { code: "211300", name: "朝阳市", parent: "210000", level: "prefecture" },
  { code: "211400", name: "葫芦岛市", parent: "210000", level: "prefecture" },
];

const regionsByCode: ReadonlyMap<string, Region> = new Map(regions.map((r) => [r.code, r]));

export type RegionCodeCheck = { valid: true; level: RegionLevel; name: string } | { valid: false; reason: string };

export function checkRegionCode(code: string): RegionCodeCheck {
  if (!/^\d{6}$/.test(code)) {
    return { valid: false, reason: `${JSON.stringify(code)} 不是 6 位数字的行政区划代码` };
  }
  const region = regionsByCode.get(code);
  if (!region) return { valid: false, reason: `${code} 不是已知的 GB/T 2260 行政区划代码` };
  return { valid: true, level: region.level, name: region.name };
}
