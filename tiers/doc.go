// Package tiers ranks the clients of a book by value and gives each one a
// tier with the reason for it, by the scheme chosen in the configuration:
//
//   - the pyramid (the default): clients who bought in the last 12 months
//     ranked by what they spent, cut into levels by share (A the top 10%,
//     B the next 20%, C the next 30%, D the rest and everyone without a
//     purchase in 12 months);
//   - a card scheme: cards reached by spend in one purchase, one day, one
//     calendar month or one yearly period with its own start (1 August),
//     held through the next period, renewed when reached again and
//     otherwise downgraded.
//
// A tier set by hand on the profile wins over the computed one and says
// so. Every client also gets RFM quintile scores (recency, frequency,
// monetary, 1 to 5 each) to rank within and across tiers.
//
// Assign is a pure function of the summaries, the day and the
// configuration; it reads no profile and no purchase record, and runs in a
// few tens of milliseconds on a book of 100,000 clients.
package tiers
