// Package rules owns the follow-up rules of VIP care: what tasks a write to
// the book calls for. A purchase starts the 0-3-3-3 rhythm (thank-you on
// the day, a call on day 3, a care message every 3 weeks, an invitation to
// come back for care every 3 months); a referral thanks both clients and
// follows up with the new one; a purchase that makes a client the top
// spender of the last 12 months calls for a personal visit; a complaint
// opens a case with the eight steps of complaint handling; and a client who
// asks not to be contacted gets no contact tasks, the pending ones being
// cancelled.
//
// It exists so that the rules are plain functions of the write, the
// client's summary, the day and the [config.Rhythm] section, testable
// without a book and usable by anything that writes one: the store calls
// them through its Hooks (the book package wires them in book/rules.go, inside the
// write's transaction), and the demo generator calls them directly so the
// demo book holds the tasks the rules would have made. The package imports
// neither bbolt nor the store: the caller reads what a rule needs and adds
// the tasks it returns.
//
// Every task a rule makes carries an Origin naming the rule and the event
// (see the Origin functions); the store keeps one task per origin, so a
// rule never makes the same task twice: logging or importing the same
// purchase again, or a second purchase the same day, adds nothing.
//
// Decisions the domain leaves open, made here:
//
//   - The rhythm is keyed by client and purchase day, not by purchase: two
//     purchases on one day are one visit and get one thank-you.
//   - A purchase logged late (typed in late, or imported) starts its
//     chain at the next step still ahead: a step due before the day it is
//     logged is not made, and its care message and service invitation are
//     the first of their series still ahead.
//   - Service invitations recur every ServiceInviteMonths while the client
//     stays active (as care messages do, below): ticking one makes the
//     next (NextService).
//   - Care messages come one at a time: the first is made with the purchase;
//     when one is ticked done (NextCare, on the store's TaskUpdated hook),
//     the next is made CareEveryDays after it, while the client stays
//     active: contactable, in the active book, no newer purchase (whose own
//     rhythm takes over), the care message falling within 12 months of the
//     purchase, and at most CareMax of them when CareMax is set. A
//     cancelled care message ends the chain.
//   - The top spender is the client with the highest spend in the book's
//     year (the yearly period of the card scheme in use, from its
//     year_start; the calendar year with the pyramid), once that spend
//     reaches Rhythm.TopSpenderMin (below it the year has no meaningful
//     leader). The leader gets a personal-visit task, due VisitPrepDays
//     later to leave time for flowers or a gift; there is one open visit
//     at a time: when another client overtakes, the earlier open visit is
//     cancelled (Overtaken), its note naming the new leader. The book keeps
//     the standing for the day (the first purchase of a day ranks the
//     whole book; later ones compare) and the visit it made last.
//   - A referral's tasks are keyed by the new client: setting or changing
//     who referred a client later thanks the referrer once.
//   - A complaint case is a complaint_follow_up task due the day of the
//     note, whose Checklist holds the eight steps; it is made for a
//     do-not-contact client too (the client opened it).
package rules
