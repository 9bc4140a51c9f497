// Package lunar owns the Chinese lunar calendar (农历) as vipbook needs it:
// converting a lunar date to its Gregorian day and back, and finding the
// Gregorian day of a lunar birthday in a given year.
//
// It is built on github.com/golang-module/carbon/v2/calendar/lunar, the one
// lunar library the module proxy serves, and corrects its four known faults:
//
//  1. carbon returns the Gregorian day as midnight in UTC+8 (China Standard
//     Time) as a time in the local zone, so west of UTC+8 the day is one
//     early. Every instant is read in UTC+8 here and returned as a
//     civil.Date.
//  2. carbon's IsLeapMonth reports true for the ordinary month of a year
//     whose leap month has the same number. This package keeps its own
//     leap flag (Date.Leap).
//  3. carbon turns day 30 of a 29-day month into the first of the next
//     month. Here a 30th day in a 29-day month is the month's last day
//     (the 29th), the lunar counterpart of 29 February falling on
//     28 February.
//  4. carbon's table puts 2033's leap month after the 7th month; the
//     official calendar (Purple Mountain Observatory, Hong Kong
//     Observatory) has 闰十一月, a leap 11th month from 2033-12-22. The
//     month lengths in carbon's table agree with the official calendar,
//     only the labels are wrong, so a correction table relabels the
//     months of such years (see leapCorrections).
//
// The calendar is read once from carbon into a table of months (first day
// and length) for lunar years 1900 to 2100; conversions then use the table
// and take well under a microsecond.
package lunar
