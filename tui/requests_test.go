package tui

import (
	"strings"
	"testing"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
)

// selectRequest moves the profile's cursor to the special request asking
// what.
func selectRequest(t testing.TB, h *harness, what string) {
	t.Helper()
	h.keys("g")
	for range 200 {
		if sel, ok := h.m.prof.pane.selected(); ok && sel.request != nil && sel.request.What == what {
			return
		}
		h.keys("down")
	}
	t.Fatalf("the request %q cannot be selected:\n%s", what, h.view())
}

// clientRequest reads the client's request asking what.
func clientRequest(t *testing.T, b *vb.Book, id, what string) requests.Request {
	t.Helper()
	var out requests.Request
	if err := b.View(func(tx *store.Tx) error {
		for _, r := range tx.ClientRequests(id) {
			if r.What == what {
				out = r
			}
		}
		return nil
	}); err != nil || out.ID == "" {
		t.Fatalf("no request %q: %v", what, err)
	}
	return out
}

// TestRequestsClosedOnProfile: a special request opened from the app (n,
// then r) shows on the profile and can be selected; space on it asks
// where it stands with one key (esc leaves it open), f closes it as
// fulfilled and d as declined, through the book (stamped closed); space
// on a closed one reopens it (its stamp gone). In English and Chinese.
func TestRequestsClosedOnProfile(t *testing.T) {
	for _, tc := range []struct{ lang, ask, opened, reopened string }{
		{i18n.English, "pick where it stands with one key", "Special request opened", "Request reopened: "},
		{i18n.Chinese, "按一个键选择进展", "登记特别需求", "已重新打开特别需求："},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			h, book, id := onZxfProfile(t, tc.lang, 120, 40)
			cat := i18n.New(tc.lang)
			what := "Kelly 25 in gold"
			h.keys("n", "r")
			h.typeText(what)
			h.keys("enter")
			if v := h.view(); !strings.Contains(v, tc.opened) || !strings.Contains(v, what) {
				t.Fatalf("the request opened from the app is not on the profile:\n%s", v)
			}
			selectRequest(t, h, what)
			h.keys("space")
			if v := h.view(); !strings.Contains(v, tc.ask) || !strings.Contains(v, cat.RequestStatus(requests.Fulfilled)) {
				t.Fatalf("space on an open request does not ask where it stands:\n%s", v)
			}
			h.keys("esc")
			if r := clientRequest(t, book, id, what); r.Status != requests.Open {
				t.Fatalf("esc changed the request: %+v", r)
			}
			h.keys("space", "f")
			r := clientRequest(t, book, id, what)
			if r.Status != requests.Fulfilled || r.Closed.IsZero() {
				t.Fatalf("f does not close the request as fulfilled: %+v", r)
			}
			if v := h.view(); !strings.Contains(v, cat.RequestStatus(requests.Fulfilled)) {
				t.Fatalf("the profile does not show the request fulfilled:\n%s", v)
			}
			selectRequest(t, h, what)
			h.keys("space")
			if r := clientRequest(t, book, id, what); r.Status != requests.Open || !r.Closed.IsZero() {
				t.Fatalf("space on a closed request does not reopen it: %+v", r)
			}
			if v := h.view(); !strings.Contains(v, tc.reopened) {
				t.Fatalf("the status line does not say the request is reopened:\n%s", v)
			}
			selectRequest(t, h, what)
			h.keys("space", "d")
			if r := clientRequest(t, book, id, what); r.Status != requests.Declined || r.Closed.IsZero() {
				t.Fatalf("d does not close the request as declined: %+v", r)
			}
		})
	}
}
