// Prints the reference for the Go tests of package lunar (reference_test.go):
//   M year month leap first days   every lunar month of 1900 to 2100, from
//                                  lunar-javascript's LunarYear
//   S solar year month day leap    lunar-javascript's Solar.getLunar() on the
//                                  first and last day of every month
//   L year month day leap solar    Lunar.fromYmd(...).getSolar() on day 1 and
//                                  the last day of every month; "-" when
//                                  lunar-javascript refuses the date (day 30
//                                  of a 29-day month, a leap month the year
//                                  lacks)
// Usage: node reference.mjs
import pkg from "lunar-javascript";
import { months, leapMonth, MIN_YEAR, MAX_YEAR } from "./months.mjs";
const { Lunar } = pkg;

const ymd = (s) => s.toYmd();
const lines = [];
const solarLine = (s) => {
  const l = s.getLunar();
  lines.push(`S ${ymd(s)} ${l.getYear()} ${Math.abs(l.getMonth())} ${l.getDay()} ${l.getMonth() < 0 ? 1 : 0}`);
};
const lunarLine = (y, m, d, leap) => {
  let s = "-";
  try {
    s = ymd(Lunar.fromYmd(y, leap ? -m : m, d).getSolar());
  } catch (e) {
    s = "-";
  }
  lines.push(`L ${y} ${m} ${d} ${leap ? 1 : 0} ${s}`);
};
for (const m of months()) {
  const leap = m.leap ? 1 : 0;
  lines.push(`M ${m.year} ${m.month} ${leap} ${ymd(m.first)} ${m.days}`);
  solarLine(m.first);
  solarLine(m.first.next(m.days - 1));
  lunarLine(m.year, m.month, 1, m.leap);
  lunarLine(m.year, m.month, m.days, m.leap);
  if (m.days === 29) lunarLine(m.year, m.month, 30, m.leap);
}
// A leap month that the year does not have is refused.
for (let y = MIN_YEAR; y <= MAX_YEAR; y += 7) {
  const lm = leapMonth(y);
  const m = lm === 12 ? 1 : lm + 1;
  lunarLine(y, m, 1, true);
}
process.stdout.write(lines.join("\n") + "\n");
