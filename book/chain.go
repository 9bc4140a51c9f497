package book

import (
	"context"

	"github.com/vipbook/vipbook/chainsync"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
)

// The chain (issue 16): the book joins the chain's PostgreSQL database and
// syncs with it. The follow-up rules do not run on what a sync brings (a
// purchase made at another store starts no thank-you rhythm here: its own
// book made those follow-ups, and they come with the client).

// JoinChain registers the book with the chain at dsn (see chainsync.Join):
// the DSN is kept without its password, which comes from pw at each sync.
func (b *Book) JoinChain(ctx context.Context, dsn string, pw chainsync.Password, storeName, associate string) (store.Join, error) {
	if b.opt.ReadOnly {
		return store.Join{}, ErrReadOnly
	}
	return chainsync.Join(ctx, b.hookless(), dsn, pw, storeName, associate)
}

// Sync sends the book's changes to the chain and applies others' changes
// to its clients (see chainsync.Sync).
func (b *Book) Sync(ctx context.Context, pw chainsync.Password) (chainsync.Report, error) {
	if b.opt.ReadOnly {
		return chainsync.Report{}, ErrReadOnly
	}
	return chainsync.Sync(ctx, b.hookless(), pw, b.opt.Now, b.chainTiers)
}

// chainTiers is the tier each client is in today by the book's scheme (as
// vipbook list shows it), for the chain's "chain tier".
func (b *Book) chainTiers() (map[string]string, error) {
	var sums []profile.Summary
	if err := b.View(func(tx *store.Tx) error {
		// What tiers.Assign reads (status, tier, spends) is in the value
		// records, a few bytes a client; a book without them yet (opened
		// read-only before its first writable open since they came) has
		// its whole summaries read.
		var ok bool
		var err error
		if sums, ok, err = tx.ValueSummaries(); ok || err != nil {
			return err
		}
		sums, err = tx.Summaries()
		return err
	}); err != nil {
		return nil, err
	}
	tc := b.cfg.Tiers
	if tc.Currency == "" {
		tc.Currency = b.Meta().Currency
	}
	out := make(map[string]string, len(sums))
	for _, a := range tiers.Assign(sums, b.today(), tc) {
		out[a.ClientID] = a.Tier // the override, when one is set
	}
	return out, nil
}

// Adopt makes the book's associate the secondary associate of the chain's
// client id and brings the client into the book (see chainsync.Adopt).
func (b *Book) Adopt(ctx context.Context, pw chainsync.Password, id string) (chainsync.Report, error) {
	if b.opt.ReadOnly {
		return chainsync.Report{}, ErrReadOnly
	}
	return chainsync.Adopt(ctx, b.hookless(), pw, id, b.opt.Now)
}

// ChainStatus says whether the book joined a chain and where its sync
// stands, from the book alone (no network).
func (b *Book) ChainStatus() (chainsync.Status, error) { return chainsync.LocalStatus(b.st) }

// ChainServerStatus asks the chain's database what it holds of the book's
// associate (see chainsync.ServerStatus).
func (b *Book) ChainServerStatus(ctx context.Context, pw chainsync.Password) (chainsync.ServerView, error) {
	return chainsync.ServerStatus(ctx, b.st, pw)
}
