package i18n

import (
	"strings"

	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/tiers"
)

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
	case tiers.ByRenewal:
		return c.T(TierByRenewal, a.Money(e.Amount), e.On)
	}
	return c.T(TierNoSpend)
}

func (c *Catalog) cardReason(a tiers.Assignment) string {
	card := a.Card
	name := a.Computed
	if a.Label != "" && !a.Override {
		name = c.CardLabel(a.Label)
	}
	if card.Valid != "" || !card.LostOn.IsZero() {
		return c.datedReason(a, name)
	}
	switch card.Status {
	case tiers.Earned:
		return c.T(TierCardEarned, name, c.evidence(a, card.Evidence))
	case tiers.Held:
		return c.T(TierCardHeld, name, c.evidence(a, card.Evidence), card.ValidTo)
	case tiers.Kept:
		return c.T(TierCardKept, name, card.ValidTo)
	case tiers.Downgraded:
		return c.T(TierCardDowngraded, name, c.CardLabel(card.Lost), card.PeriodStart, card.PeriodEnd, c.evidence(a, card.Evidence))
	}
	if card.Evidence.Amount == 0 {
		return c.T(TierNoCardNone)
	}
	return c.T(TierNoCard, c.evidence(a, card.Evidence))
}

// datedReason says how a dated scheme's card is held, and to when.
func (c *Catalog) datedReason(a tiers.Assignment, name string) string {
	card := a.Card
	ev := c.evidence(a, card.Evidence)
	var r string
	switch card.Status {
	case tiers.Earned:
		r = c.T(TierCardEarned, name, ev)
	case tiers.Renewed:
		r = c.T(TierCardRenewed, name, card.Since, ev)
	case tiers.Upgraded:
		r = c.T(TierCardUpgraded, name, card.Since, ev)
	case tiers.Kept:
		r = c.T(TierCardKeptOn, name, card.Since, ev)
	case tiers.Downgraded:
		r = c.T(TierCardLapsed, name, c.CardLabel(card.Lost), card.LostOn, ev)
	default:
		if card.Evidence.Route == tiers.ByRenewal {
			return c.T(TierNoCardLapsed, c.CardLabel(card.Lost), card.LostOn, ev)
		}
		return c.T(TierNoCardVoid, c.CardLabel(card.Lost), card.LostOn, ev)
	}
	return c.T(TierCardValidTo, r, card.ValidTo)
}

// CardOutlook says what keeps a dated scheme's card past its last valid
// day, what is spent toward it, and the upgrade the period's spend has
// earned; empty for other tiers (tiers.Assignment.Outlook in English).
func (c *Catalog) CardOutlook(a tiers.Assignment) string {
	card := a.Card
	if card == nil || card.Valid == "" {
		return ""
	}
	var parts []string
	period := card.Valid == config.ValidPeriod
	switch {
	case card.Keep == 0:
	case card.Toward >= card.Keep && period:
		parts = append(parts, c.T(TierKeptReached, a.Money(card.Toward)))
	case card.Toward >= card.Keep:
		parts = append(parts, c.T(TierRenewReached, a.Money(card.Toward)))
	case period:
		parts = append(parts, c.T(TierVoidUnless, card.ValidTo.AddDays(1), a.Money(card.Keep), a.Money(card.Toward), a.Money(card.Keep-card.Toward)))
	default:
		parts = append(parts, c.T(TierRenewWith, a.Money(card.Keep), card.ValidTo, a.Money(card.Toward), a.Money(card.Keep-card.Toward)))
	}
	if card.UpgradeTo != "" {
		parts = append(parts, c.T(TierUpgradeOn, c.CardLabel(card.UpgradeTo), card.UpgradeOn))
	}
	if c.IsChinese() {
		return strings.Join(parts, "；")
	}
	return strings.Join(parts, "; ")
}

// CardLabel words a card's label in the catalog's language when it is one
// of the default schemes' English labels ("Gold card" is 金卡); a label
// the associate wrote in the configuration is theirs and stays.
func (c *Catalog) CardLabel(label string) string {
	for _, k := range []Key{CardLabelEntry, CardLabelGold, CardLabelPlatinum} {
		if label == en[k] {
			return c.T(k)
		}
	}
	return label
}
