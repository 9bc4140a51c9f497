package search

import (
	"slices"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestEachNoteTokenIsNoteTokens: the keys EachNoteToken calls back with,
// sorted and each once, are NoteTokens' for every text: words and pairs of
// Chinese characters, folded (full width, case), a word too long left out,
// bytes that are not UTF-8 dropped.
func TestEachNoteTokenIsNoteTokens(t *testing.T) {
	same := func(t interface{ Fatalf(string, ...any) }, text string) {
		var got []string
		EachNoteToken(text, func(tok []byte) { got = append(got, string(tok)) })
		slices.Sort(got)
		got = slices.Compact(got)
		if want := NoteTokens(text); !slices.Equal(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("%q: EachNoteToken gave %q, NoteTokens %q", text, got, want)
		}
	}
	for _, text := range []string{"", "喜欢低调的款式，不要大Logo", "Likes NAVY, size M; prefers navy", "ＡＢＣ１２３ 全角",
		"陪先生来看表 陪先生", "\xff\xfebad 字节\xc3", strings.Repeat("x", 300) + " short", "ひらがな カタカナ 한국어 mixed漢字word"} {
		same(t, text)
	}
	rapid.Check(t, func(t *rapid.T) {
		same(t, rapid.StringOf(rapid.SampledFrom([]rune("aZ9 ,，。喜欢表Ａａカ한\u00e9\ufffd-'"))).Draw(t, "text"))
	})
}
