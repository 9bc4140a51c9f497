package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
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
	writeFamily(&zh, i18n.New("zh"), p, nil)
	lines := strings.Split(strings.TrimRight(zh.String(), "\n"), "\n")
	if len(lines) != 2 || strings.TrimSpace(lines[0]) != "配偶" || strings.TrimSpace(lines[1]) != "陈伟（配偶）" {
		t.Fatalf("zh family lines = %q, want [配偶, 陈伟（配偶）]", lines)
	}
	var en bytes.Buffer
	writeFamily(&en, i18n.New("en"), p, nil)
	if got := strings.TrimSpace(strings.Split(en.String(), "\n")[0]); got != "spouse" {
		t.Fatalf("en first family line = %q, want spouse", got)
	}
}

// TestFamilyLinkedClientByName: a household member linked to another
// client of the book (family add --client) is listed with that client's
// name, in family list and show, in English and Chinese, not with the
// client's id; --json keeps the id.
func TestFamilyLinkedClientByName(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	run(t, book, "add", "Anne Dubois", "--phone", "13900139000")
	var anne []struct{ ID, Name string }
	if err := json.Unmarshal([]byte(run(t, book, "search", "Anne", "--json")), &anne); err != nil || len(anne) != 1 {
		t.Fatalf("search Anne --json: %v %v", anne, err)
	}
	run(t, book, "family", "add", "王小明", "安妮", "--relation", "spouse", "--client", "Anne Dubois")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"family", "list", "王小明"}, "安妮 (spouse)  client of the book: Anne Dubois"},
		{[]string{"--lang", "zh", "family", "list", "王小明"}, "安妮（配偶）  本册客户：Anne Dubois"},
		{[]string{"show", "王小明"}, "安妮 (spouse)  client of the book: Anne Dubois"},
		{[]string{"--lang", "zh", "show", "王小明"}, "安妮（配偶）  本册客户：Anne Dubois"},
	} {
		out := run(t, book, tt.args...)
		if !strings.Contains(out, tt.want) {
			t.Errorf("%v: want %q in\n%s", tt.args, tt.want, out)
		}
		if strings.Contains(out, "["+anne[0].ID+"]") {
			t.Errorf("%v shows the linked client's id %s:\n%s", tt.args, anne[0].ID, out)
		}
	}
	var members []profile.Member
	if err := json.Unmarshal([]byte(run(t, book, "family", "list", "王小明", "--json")), &members); err != nil {
		t.Fatal(err)
	}
	if len(members) != 1 || members[0].ClientID != anne[0].ID {
		t.Errorf("family list --json = %+v, want the member linked to %s", members, anne[0].ID)
	}
}
