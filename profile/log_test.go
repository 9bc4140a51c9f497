package profile

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
)

// noTime leaves the time out of a log line: its nanoseconds could hold
// a secret's digits ("138") by chance, and the test failed about once in 20.
var noTime = &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}}

// TestLogValueRedacts: a profile, a summary, a phone and a purchase logged
// through slog's JSON and text handlers, as values, pointers, attributes
// or in a group, show the id and none of the personal data.
func TestLogValueRedacts(t *testing.T) {
	p := Profile{ID: "k3x9ab", Name: "王小明", LatinName: "Michael Wang", Email: "xm.wang@example.com", WeChat: "wxm_1985",
		Phones: []Phone{{Number: "+86 138 0013 8000", Label: "mobile"}}, City: "上海", Occupation: "architect",
		Special: Special{Health: true, Note: "diabetic"}, Created: time.Now()}
	var s Summary
	s.Refresh(&p, "86")
	pu := Purchase{ID: "pu1", ClientID: p.ID, Date: civil.MustParse("2026-11-01"), Amount: 18400, Items: "navy suit"}
	secrets := []string{"王小明", "Michael", "xm.wang", "wxm_1985", "138", "0013", "8000", "上海", "architect", "diabetic", "navy suit", "18400"}
	for _, h := range []struct {
		name string
		new  func(*bytes.Buffer) slog.Handler
	}{
		{"json", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, noTime) }},
		{"text", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, noTime) }},
	} {
		var buf bytes.Buffer
		log := slog.New(h.new(&buf))
		log.Info("saved", "client", p)
		log.Info("saved", slog.Any("client", &p))
		log.Info("listed", "summary", s, "ptr", &s)
		log.Info("called", "phone", p.Phones[0])
		log.Info("bought", "purchase", pu, "ptr", &pu)
		log.With("client", p).WithGroup("g").Info("nested", "summary", s)
		out := buf.String()
		for _, secret := range secrets {
			if strings.Contains(out, secret) {
				t.Errorf("%s: %q in the log:\n%s", h.name, secret, out)
			}
		}
		if strings.Count(out, "k3x9ab") < 8 || !strings.Contains(out, "mobile") || !strings.Contains(out, "pu1") {
			t.Errorf("%s: the ids and the phone's label should be logged:\n%s", h.name, out)
		}
	}
}
