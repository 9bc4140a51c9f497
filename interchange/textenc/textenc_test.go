package textenc

import (
	"errors"
	"testing"
)

func TestDecode(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	utf16be := []byte{0xFE, 0xFF}
	bare16 := []byte{}
	for _, r := range "姓名,手机\r\n王小明,13800138000\r\n" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
		utf16be = append(utf16be, byte(r>>8), byte(r))
	}
	for _, r := range "Name,Phone\r\nAnn,555\r\n" {
		bare16 = append(bare16, byte(r), byte(r>>8))
	}
	tests := []struct {
		name string
		in   []byte
		want string
		enc  string
	}{
		{"utf-8", []byte("姓名,手机\n"), "姓名,手机\n", UTF8},
		{"utf-8 bom", []byte("\xEF\xBB\xBF姓名\n"), "姓名\n", UTF8BOM},
		{"utf-16le bom", utf16le, "姓名,手机\r\n王小明,13800138000\r\n", UTF16LE},
		{"utf-16be bom", utf16be, "姓名,手机\r\n王小明,13800138000\r\n", UTF16BE},
		{"utf-16le without bom", bare16, "Name,Phone\r\nAnn,555\r\n", UTF16LE},
		// 姓名,手机,生日 as Chinese Excel saves it.
		{"gbk", []byte("\xd0\xd5\xc3\xfb,\xca\xd6\xbb\xfa,\xc9\xfa\xc8\xd5\r\n\xcd\xf5\xd0\xa1\xc3\xf7,138,1985-03-02\r\n"),
			"姓名,手机,生日\r\n王小明,138,1985-03-02\r\n", GB18030},
		{"windows-1252", []byte("Name\r\nM\xfcller,J\xe9r\xf4me\r\n"), "Name\r\nMüller,Jérôme\r\n", Windows1252},
		{"utf-8 with a stray byte", []byte("Ñoño Ñandú Peña Muñoz\x80"), "Ñoño Ñandú Peña Muñoz\uFFFD", UTF8},
		{"utf-8 bom with a stray byte", []byte("\xEF\xBB\xBF0\n\xcd"), "0\n\uFFFD", UTF8BOM},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.in)
			if err != nil || got != tt.want || enc != tt.enc {
				t.Errorf("Decode = %q, %s, %v; want %q, %s", got, enc, err, tt.want, tt.enc)
			}
		})
	}
	if _, _, err := Decode([]byte("PK\x03\x04\x00\x00\x08\x00binary")); !errors.Is(err, ErrBinary) {
		t.Errorf("zip file: %v, want ErrBinary", err)
	}
}

func TestDecodeAs(t *testing.T) {
	for _, tt := range []struct{ cs, in, want string }{
		{"GBK", "\xcd\xf5", "王"},
		{"gb2312", "\xcd\xf5", "王"},
		{"ISO-8859-1", "\xf1", "ñ"},
		{"ISO-8859-2", "\xf1", "ń"},
		{"Big5", "\xa4\xfd", "王"},
		{"UTF-8", "\xcd\xf5\xd0\xa1", "王小"}, // claims UTF-8, writes GBK
	} {
		if got, err := DecodeAs([]byte(tt.in), tt.cs); err != nil || got != tt.want {
			t.Errorf("DecodeAs(%q, %s) = %q, %v; want %q", tt.in, tt.cs, got, err, tt.want)
		}
	}
	if _, err := DecodeAs([]byte("x"), "klingon"); !errors.Is(err, ErrCharset) {
		t.Errorf("unknown charset: %v", err)
	}
}
