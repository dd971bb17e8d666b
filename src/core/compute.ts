/** Arithmetic the sheets do with formulas, done again in the core for cached results, Word and checks. */
import type { RatioDef } from "./catalog/types";

export type CellValue = number | string | null | undefined;

/** A number if the cell holds one; text, blank and errors are not numbers (as Excel's COUNT sees it). */
export function asNumber(v: CellValue): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** Excel's ROUND: half away from zero on the decimal digits, not on the binary float. */
export function roundHalfAway(x: number, digits: number): number {
  const sign = x < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(x).toPrecision(15)}e${digits}`);
  return (sign * Math.round(shifted)) / 10 ** digits;
}

/** The ratio formula's result: undefined (blank) when the inputs are all blank or the denominator is 0. */
export function computeRatio(ratio: RatioDef, get: (key: string) => CellValue): number | undefined {
  const num = ratio.num.map((k) => asNumber(get(k)));
  const den = ratio.den.map((k) => asNumber(get(k)));
  if (num.every((v) => v === undefined) || den.every((v) => v === undefined)) return undefined;
  const d = den.reduce<number>((s, v) => s + (v ?? 0), 0);
  if (d === 0) return undefined;
  const n = num.reduce<number>((s, v) => s + (v ?? 0), 0);
  return roundHalfAway((n / d) * 100, 2);
}
