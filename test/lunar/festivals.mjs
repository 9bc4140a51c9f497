// Prints the festivals lunar-javascript knows on every day of 2020 to 2035,
// one line a day that has any: "YYYY-MM-DD name name", the Gregorian ones
// (Solar.getFestivals: 元旦节, 情人节, 母亲节 ...) then the lunar ones
// (Lunar.getFestivals: 春节, 中秋节, 除夕 ...). For the Go tests of package
// festivals. Usage: node festivals.mjs
import pkg from "lunar-javascript";
const { Solar } = pkg;

const lines = [];
for (let s = Solar.fromYmd(2020, 1, 1); s.getYear() <= 2035; s = s.next(1)) {
  const names = [...s.getFestivals(), ...s.getLunar().getFestivals()];
  if (names.length) lines.push(`${s.toYmd()} ${names.join(" ")}`);
}
process.stdout.write(lines.join("\n") + "\n");
