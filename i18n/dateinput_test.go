package i18n

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
)

// A date that could not be read is said in both languages, with the input
// and, when its form was not understood, the forms that are read.
func TestDateInputError(t *testing.T) {
	today := civil.MustParse("2026-11-24")
	_, notDay := dateinput.Day("soon", today)
	_, noSuch := dateinput.Day("2026-02-30", today)
	_, noLeap := dateinput.Anniversary("农历2026年闰四月初一", false)
	_, notAnniv := dateinput.Anniversary("tomorrow", false)
	wrapped := fmt.Errorf("--due: %w", notDay)
	for _, lang := range Languages() {
		c := New(lang)
		for _, tt := range []struct {
			err  error
			want []string
		}{
			{notDay, []string{`"soon"`, "下周五", "八月十五", "+2w"}},
			{wrapped, []string{`"soon"`, "下周五"}},
			{noSuch, []string{`"2026-02-30"`}},
			{noLeap, []string{`"农历2026年闰四月初一"`}},
			{notAnniv, []string{`"tomorrow"`, "闰四月初一", "1985-03-05"}},
		} {
			got := c.Error(tt.err)
			for _, w := range tt.want {
				if c.IsChinese() && strings.HasPrefix(w, `"`) {
					w = "“" + strings.Trim(w, `"`) + "”" // the Chinese quotes
				}
				if !strings.Contains(got, w) {
					t.Errorf("%s: %q lacks %q", lang, got, w)
				}
			}
		}
	}
	if zh := New(Chinese).Error(noSuch); !strings.Contains(zh, "没有这一天") {
		t.Errorf("zh: %q", zh)
	}
}
