// Package report answers the ten questions an associate should be able to
// answer about the book (the "VIP stocktake" of docs/domain.md): the top 10
// clients by spend this year, where they live, what they do, their hobbies
// and anniversaries; the products and styles they like; the share of sales
// of the top 10 and top 50; who visits most often and who has the highest
// average ticket; which top client has been away longest and why; why they
// like the brand; what share of their spending comes to us; what they
// dislike; and the one thing that would move each of them.
//
// Load reads what the report needs from a store transaction: a few
// figures of every client (Derive, one summary at a time), the summaries
// of the clients the report names, and the whole profile, the purchases
// and the last note only of the few it shows in full. Build is a pure
// function of that input.
package report
