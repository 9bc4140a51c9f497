package config

// Sample is a config file that sets every setting to its default, with a
// comment on each: a starting point for an associate's own file.
const Sample = `# vipbook configuration. Every setting is optional: delete what you do not change.

[tiers]
# The tier scheme in use: "pyramid" (A-D by 12-month spend rank) or the name
# of a card scheme below.
scheme = "pyramid"
# Currency named in reasons; empty means the book's currency.
currency = ""

# The pyramid: clients who bought in the last 12 months ranked by what they
# spent; each level takes a share of them after the levels above. The last
# level takes the rest and every client without a purchase in 12 months.
[[tiers.pyramid.levels]]
name = "A"
label = "platinum"
share = 0.10

[[tiers.pyramid.levels]]
name = "B"
label = "gold"
share = 0.20

[[tiers.pyramid.levels]]
name = "C"
label = "iron"
share = 0.30

[[tiers.pyramid.levels]]
name = "D"
label = "lead"

# Card schemes: a card is reached by spend in one purchase, one day, one
# calendar month or one yearly period starting on year_start (year: at once).
# Levels are listed lowest first; amounts are in major units. A scheme written
# here replaces the default of that name.
#
# A dated scheme says on each level how long its card is valid:
#   valid = "period"  to the end of the yearly period it was reached in;
#                     void_under: void when that period ends with less spent
#                     in it, otherwise kept through the next period;
#   valid = "year"    one year from the day it was reached; renew: renewed for
#                     another year when this much is spent within its year,
#                     otherwise the client keeps the lower card they qualify for;
#   upgrade           a card holder who spends this much in one period gets
#                     this card on the first day of the next period.
# The department store's scheme (points = CNY, the period runs 1 Aug - 31 Jul):
[tiers.cards.department_store]
label = "Department store cards"
currency = "CNY"
year_start = "08-01"

[[tiers.cards.department_store.levels]]
name = "entry"
label = "Entry card"
day = 500
valid = "period"
void_under = 1000

[[tiers.cards.department_store.levels]]
name = "middle"
label = "Gold card"
day = 6000
month = 12000
valid = "year"
renew = 10000
upgrade = 10000

[[tiers.cards.department_store.levels]]
name = "top"
label = "Platinum card"
day = 30000
month = 60000
valid = "year"
renew = 60000
upgrade = 60000

# A scheme without valid holds a card reached in a period through the next
# period, renewed if reached again, otherwise downgraded ("one_level": the
# client keeps the card below; "to_qualified": the card the period's spend
# reached; keep_lowest: the lowest card is never lost).
[tiers.cards.suit_chain]
label = "Suit chain VIP"
currency = "JPY"
year_start = "01-01"
downgrade = "one_level"
keep_lowest = false

[[tiers.cards.suit_chain.levels]]
name = "vip"
label = "VIP"
purchase = 30000
year = 50000

[rhythm]
# The 0-3-3-3 follow-up after a purchase.
thank_you_day = 0          # thank-you message, days after the purchase
call_day = 3               # call to ask how the item wears
care_every_days = 21       # a care message every 3 weeks ...
care_max = 0               # ... at most this many (0: while the client stays active)
service_invite_months = 3  # invitation to come back for care or cleaning
referral_follow_up_days = 7
# The year's top spender (the year of the card scheme, or the calendar year
# with the pyramid) gets a personal visit once their year's spend reaches:
top_spender_min = 10000
date_lead_days = 14        # an important date's lead time when it has none of its own
festival_lead_days = 31    # festivals show on the briefing this many days ahead (up to 366)
# A client is lapsed when away longer than lapse_factor times their median
# gap between visits (once they have lapse_min_visits visits), or longer
# than the days of their tier below.
lapse_factor = 2.0
lapse_min_visits = 3

[rhythm.lapse_days]
A = 60
B = 90
C = 180
D = 365
top = 60
middle = 90
entry = 180
vip = 90

[urgency]
# Weights of the terms of a briefing item's score; 0 switches a term off.
overdue = 3.0          # per day a follow-up is overdue
due = 10.0             # a follow-up due today
tier = 4.0             # per tier level above the lowest
date_proximity = 8.0   # a date or festival coming, more as it nears
since_touch = 0.1      # per day since the last call, message or visit ...
max_since_touch = 180  # ... up to this many days
special_person = 2.0   # a special-person flag that matters today

[messages]
# Where the message templates are; empty means the "messages" directory
# next to this file. Built-in templates are used for any file not there.
dir = ""
# Appended to messages when set: your name and phone.
signature = ""
`
