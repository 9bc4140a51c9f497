package i18n

import "github.com/vipbook/vipbook/tiers"

// TierReason says why a client has their tier, in one line: "A: 18,400
// CNY in 12 months, rank 4 of 320" or "A：近 12 个月 18,400 CNY，320 位中
// 排第 4".
func (c *Catalog) TierReason(a tiers.Assignment) string {
	computed := c.computedReason(a)
	if a.Override {
		return c.T(TierOverride, a.Tier, a.Scheme(), computed)
	}
	return computed
}

func (c *Catalog) computedReason(a tiers.Assignment) string {
	switch {
	case a.Archived:
		return c.T(TierArchived, a.Computed)
	case a.Card != nil:
		return c.cardReason(a)
	case a.Spend12 == 0:
		return c.T(TierNoPurchase, a.Computed)
	}
	return c.T(TierSpend, a.Computed, a.Money(a.Spend12), a.Rank, a.Of)
}

// evidence says what reached a card.
func (c *Catalog) evidence(a tiers.Assignment, e tiers.Evidence) string {
	switch e.Route {
	case tiers.ByPurchase:
		return c.T(TierByPurchase, a.Money(e.Amount), e.On)
	case tiers.ByDay:
		return c.T(TierByDay, a.Money(e.Amount), e.On)
	case tiers.ByMonth:
		return c.T(TierByMonth, a.Money(e.Amount), c.Month(e.On.Month), e.On.Year)
	case tiers.ByYear:
		return c.T(TierByYear, a.Money(e.Amount), e.On)
	}
	return c.T(TierNoSpend)
}

func (c *Catalog) cardReason(a tiers.Assignment) string {
	card := a.Card
	name := a.Computed
	if a.Label != "" && !a.Override {
		name = a.Label
	}
	switch card.Status {
	case tiers.Earned:
		return c.T(TierCardEarned, name, c.evidence(a, card.Evidence))
	case tiers.Held:
		return c.T(TierCardHeld, name, c.evidence(a, card.Evidence), card.ValidTo)
	case tiers.Kept:
		return c.T(TierCardKept, name, card.ValidTo)
	case tiers.Downgraded:
		return c.T(TierCardDowngraded, name, card.Lost, card.PeriodStart, card.PeriodEnd, c.evidence(a, card.Evidence))
	}
	if card.Evidence.Amount == 0 {
		return c.T(TierNoCardNone)
	}
	return c.T(TierNoCard, c.evidence(a, card.Evidence))
}
