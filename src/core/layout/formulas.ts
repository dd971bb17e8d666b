/** Formulas written into the sheets, built on names so they survive moved rows and renamed sheets. */
import type { RatioDef } from "../catalog/types";
import { infoName, nameForKey } from "./names";

/**
 * Ratio = Σnum / Σden × 100, rounded to 2 decimals; blank while either side is all blank or the
 * denominator is zero (as computeRatio in core/compute.ts), so a half-filled form shows no #DIV/0! and no false 0 %.
 */
export function ratioFormula(ratio: RatioDef): string {
  const num = ratio.num.map(nameForKey).join(",");
  const den = ratio.den.map(nameForKey).join(",");
  return `=IF(OR(COUNT(${num})=0,COUNT(${den})=0,SUM(${den})=0),"",ROUND(SUM(${num})/SUM(${den})*100,2))`;
}

/** Default data window (581/BNV-CCHC) from the period and year on the Thông tin sheet. */
export function windowFromFormula(): string {
  const p = infoName("period");
  const y = infoName("year");
  return `=IF(${p}="Quý III",DATE(${y},6,15),DATE(${y}-1,12,15))`;
}

export function windowToFormula(): string {
  const p = infoName("period");
  const y = infoName("year");
  return `=DATE(${y},IF(${p}="Quý I",3,IF(${p}="6 tháng",6,IF(${p}="Quý III",9,12))),14)`;
}

/** The line under a form's title: "Kỳ báo cáo: Năm 2023 — xã Thanh Giang", live from Thông tin. */
export function formSubtitleFormula(): string {
  const p = infoName("period");
  const y = infoName("year");
  return `="Kỳ báo cáo: "&IF(${p}="Năm","Năm "&${y},${p}&" năm "&${y})&" - "&${infoName("unitKind")}&" "&${infoName("unitName")}`;
}
