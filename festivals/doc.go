// Package festivals owns the days of the year that are special situations
// for clients: the Chinese festivals of the lunar calendar (New Year's Eve
// 除夕, the last day of the lunar year and the main greeting day; Spring
// Festival, Lantern, Dragon Boat, Qixi, Mid-Autumn, Double Ninth), fixed
// days of the Gregorian calendar (New Year's Day, Valentine's Day, Women's Day, 520,
// China's National Day, Singles' Day 11.11, Christmas), days set as the nth
// weekday of a month (Mother's Day, Father's Day), and the national days of
// the clients' countries.
//
// Every festival carries its names in English and Chinese and a theme that
// says whom it concerns, so the briefing can pick those that matter to a
// client. The package is pure: a function of the year asked.
package festivals
