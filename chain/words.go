package chain

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// The words of the chain for people, from the i18n catalog: its errors
// (what is wrong and what to do) and the manager's overview, shared by the
// command line and the app.

// ErrorText words an error of the chain in lang, never with the DSN nor a
// password.
func ErrorText(lang string, err error) string {
	cat := i18n.New(lang)
	for _, m := range []struct {
		err error
		key i18n.Key
	}{
		{ErrUnreachable, i18n.ChainErrUnreachable}, {context.DeadlineExceeded, i18n.ChainErrUnreachable},
		{context.Canceled, i18n.ChainErrUnreachable}, {ErrAuth, i18n.ChainErrAuth}, {ErrTLS, i18n.ChainErrTLS},
		{ErrNoDatabase, i18n.ChainErrNoDatabase}, {ErrSchemaTooNew, i18n.ChainErrSchemaTooNew},
		{ErrServerTooOld, i18n.ChainErrServerTooOld}, {ErrNotGranted, i18n.ChainErrNotGranted},
		{ErrDenied, i18n.ChainErrDenied}, {ErrNoAssociate, i18n.ChainErrNoAssociate},
		{ErrAlready, i18n.ChainErrAlready}, {ErrRoleTaken, i18n.ChainErrRoleTaken},
		{ErrNoPassword, i18n.ChainErrNoPassword}, {ErrBadDSN, i18n.ChainErrBadDSN},
	} {
		if errors.Is(err, m.err) {
			return cat.T(m.key)
		}
	}
	if errors.Is(err, ErrSchemaTooOld) {
		return cat.T(i18n.ChainErrSchemaTooOld, SchemaVersion())
	}
	return cat.T(i18n.ChainErrServer, err.Error())
}

// SpendText writes an amount of the chain with its currency.
func SpendText(v float64, cur string) string {
	return strings.TrimSpace(profile.Money(v*100+0.5).String() + " " + cur)
}

// OverviewText writes the manager's overview as text in lang: vipbook
// chain overview prints it, the app's team screen shows it.
func OverviewText(lang string, ov []AssociateOverview, days int) string {
	cat := i18n.New(lang)
	l := func(k i18n.Key, args ...any) string { return cat.T(k, args...) }
	var b strings.Builder
	if len(ov) == 0 {
		return l(i18n.ChainOverviewNone) + "\n"
	}
	for i, o := range ov {
		if i > 0 {
			b.WriteString("\n")
		}
		head := i18n.ChainOverviewHead
		if o.Manager {
			head = i18n.ChainOverviewHeadMgr
		}
		b.WriteString(l(head, o.Associate, o.Store) + "\n")
		tiers := append([]TierCount(nil), o.ByTier...)
		sort.SliceStable(tiers, func(i, j int) bool { return tiers[i].Tier < tiers[j].Tier })
		var parts []string
		for _, t := range tiers {
			name := t.Tier
			if name == "" {
				name = l(i18n.ChainNoTier)
			}
			parts = append(parts, fmt.Sprintf("%s %d", name, t.Clients))
		}
		list := ""
		if len(parts) > 0 {
			list = "(" + strings.Join(parts, ", ") + ")"
		}
		b.WriteString("  " + strings.TrimSpace(l(i18n.ChainOverviewClients, o.Clients, list)) + "\n")
		b.WriteString("  " + l(i18n.ChainOverviewOverdue, o.Overdue) + "\n")
		b.WriteString("  " + l(i18n.ChainOverviewContacts, o.ContactsThisMonth) + "\n")
		b.WriteString("  " + l(i18n.ChainOverviewStale, days))
		if len(o.NotContacted) == 0 {
			b.WriteString(" " + l(i18n.ChainOverviewStaleNone) + "\n")
			continue
		}
		b.WriteString("\n")
		for _, s := range o.NotContacted {
			seen := l(i18n.ChainOverviewNoContact)
			if s.LastContact != nil {
				seen = l(i18n.ChainOverviewLastSeen, s.LastContact.Format("2006-01-02"))
			}
			tier := s.Tier
			if tier == "" {
				tier = l(i18n.ChainNoTier)
			}
			fmt.Fprintf(&b, "    %s  %s  %s · %s · %s\n", s.ID, s.Name, tier, SpendText(s.Spend, ""), seen)
		}
	}
	return b.String()
}
