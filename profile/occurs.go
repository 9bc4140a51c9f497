package profile

import "github.com/vipbook/vipbook/civil"

// Next returns the first day on or after from on which the date falls.
// A solar date follows the Gregorian calendar (29 February falls on
// 28 February in other years).
func (d ImportantDate) Next(from civil.Date) civil.Date {
	return d.When.Next(from)
}

// DaysAway returns how many days from from until the date's next occurrence.
func (d ImportantDate) DaysAway(from civil.Date) int {
	return from.DaysUntil(d.Next(from))
}
