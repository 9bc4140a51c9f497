package textenc

import (
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// TestDetect encodes short address-book lines in each legacy encoding and
// checks Detect names it, sure of it: a line of names is enough.
func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		name string
		enc  encoding.Encoding
		text []string
	}{
		{ShiftJIS, japanese.ShiftJIS, []string{"名無しの権兵衛,090-1234-5678", "表示名,メールアドレス,携帯電話番号", "山田太郎,東京都千代田区", "佐藤 花子,メモ:誕生日に花束", "カタカナ　テスト"}},
		{GB18030, simplifiedchinese.GB18030, []string{"王小明,13800138000", "姓名,手机,生日,备注", "李娜,上海市静安区,喜欢丝巾", "欧阳晓燕,北京,律师", "张伟,刘洋,陈静,杨帆"}},
		{Big5, traditionalchinese.Big5, []string{"陳大文,0912345678", "姓名,電話,生日,記事", "林美玲,台北市信義區", "黃志明,張家豪,李淑芬", "喜歡深色西裝"}},
		{EUCKR, korean.EUCKR, []string{"김민준,010-1234-5678", "이름,성,휴대폰,생일", "이서연,서울특별시 강남구", "박지훈,최수빈,정하은", "생일에 꽃다발"}},
		{Windows1252, charmap.Windows1252, []string{"Jürgen Mößlitz,0151 2345678", "Prénom,Nom,Téléphone", "Hélène Lefèvre,Paris", "José Peña,Muñoz", "Ærø Søren Kierkegård", "François Weiß – Straße"}},
	} {
		for _, s := range tc.text {
			b, err := tc.enc.NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			d := Detect(b)
			if d.Name != tc.name || d.Confidence < Sure {
				t.Errorf("%q in %s: detected %s with confidence %.2f", s, tc.name, d.Name, d.Confidence)
			}
			if got, err := DecodeNamed(b, d.Name); err != nil || got != s {
				t.Errorf("%q decoded back as %q, %v", s, got, err)
			}
		}
	}
}

// FuzzDetect: any bytes get a guess with a confidence from 0 to 1, and
// decode as it names without a panic.
func FuzzDetect(f *testing.F) {
	for _, s := range []string{"王小明", "\x96\xbc\x96\xb3\x82\xb5", "M\xf6\xdflitz", "\xb1\xe8\xb9\xce\xc1\xd8", "\xa4\xfd", "a\x80b"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := Detect(b)
		if d.Confidence < 0 || d.Confidence > 1 || d.Name == "" {
			t.Fatalf("Detect(%q) = %+v", b, d)
		}
		if _, err := DecodeNamed(b, d.Name); err != nil {
			t.Fatalf("DecodeNamed(%q, %s): %v", b, d.Name, err)
		}
	})
}
