package notes

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// TestLogValueRedacts: a note logged through slog shows its ids and kind,
// never its text.
func TestLogValueRedacts(t *testing.T) {
	n := Note{ID: "n1", ClientID: "k3x9ab", Kind: Complaint, Text: "王小明 says the heel came loose", Author: "李娜"}
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.Info("noted", "note", n, "ptr", &n)
	out := buf.String()
	for _, secret := range []string{"王小明", "heel", "李娜"} {
		if strings.Contains(out, secret) {
			t.Errorf("%q in the log:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "k3x9ab") || !strings.Contains(out, `"kind":"complaint"`) {
		t.Errorf("the ids and kind should be logged:\n%s", out)
	}
}
