// The months of the lunar years 1900 to 2100 as 6tail's lunar-javascript
// computes them (from new moons and solar terms, not from a table), shared
// by reference.mjs and table.mjs.
import pkg from "lunar-javascript";
const { LunarYear, Solar } = pkg;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// months returns [{year, month, leap, first: Solar, days}] in order.
export function months() {
  const out = [];
  for (let y = MIN_YEAR; y <= MAX_YEAR; y++) {
    for (const m of LunarYear.fromYear(y).getMonths()) {
      if (m.getYear() !== y) continue;
      out.push({
        year: y,
        month: Math.abs(m.getMonth()),
        leap: m.getMonth() < 0,
        first: Solar.fromJulianDay(m.getFirstJulianDay()),
        days: m.getDayCount(),
      });
    }
  }
  return out;
}

export function leapMonth(y) {
  return LunarYear.fromYear(y).getLeapMonth();
}
