// Package dateinput reads the dates people type and spreadsheets hold, in
// the forms an associate uses, not only YYYY-MM-DD: 明天, 下周五, +2w,
// next friday, 3月5日, and lunar dates as they are said, 农历八月十五,
// 腊月廿三, 闰四月初一.
//
// It is its own small package because three front doors read dates (the
// command line's flags, the app's prompts and forms, the CSV and vCard
// import) and must read them alike; civil keeps the calendar arithmetic
// and lunar the lunar calendar, and neither should know how people write.
// It is pure: every function takes today as a parameter, and nothing here
// reads the clock.
//
// Day and PastDay read one day (a due date, a snooze, a purchase's day);
// Anniversary reads a date that recurs every year (a birthday, a wedding
// anniversary), Gregorian or lunar. A text they cannot read gives an
// *Error, which says what was typed and why it is refused; the i18n
// catalog renders it in the user's language with the forms accepted
// (Catalog.DateInputError), and its Error method says the same in English.
package dateinput
