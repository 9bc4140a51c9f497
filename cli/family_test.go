package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// TestFamilyByRelationOnly: a household member written by relation only
// (the name is the relation, as some imports write it) reads as the
// relation's word in the language in use, never the raw English word
// beside its translation ("spouse（配偶）").
func TestFamilyByRelationOnly(t *testing.T) {
	p := &profile.Profile{Household: []profile.Member{
		{Name: "spouse", Relation: "spouse"},
		{Name: "陈伟", Relation: "spouse"},
	}}
	var zh bytes.Buffer
	writeFamily(&zh, i18n.New("zh"), p)
	lines := strings.Split(strings.TrimRight(zh.String(), "\n"), "\n")
	if len(lines) != 2 || strings.TrimSpace(lines[0]) != "配偶" || strings.TrimSpace(lines[1]) != "陈伟（配偶）" {
		t.Fatalf("zh family lines = %q, want [配偶, 陈伟（配偶）]", lines)
	}
	var en bytes.Buffer
	writeFamily(&en, i18n.New("en"), p)
	if got := strings.TrimSpace(strings.Split(en.String(), "\n")[0]); got != "spouse" {
		t.Fatalf("en first family line = %q, want spouse", got)
	}
}
