// Package textenc finds out how a contact file from outside is encoded and
// turns it into UTF-8. Phones, mail programs and spreadsheets write UTF-8
// with or without a byte-order mark, UTF-16 with a mark (Excel's "Unicode
// text"), GBK/GB18030 (Chinese Excel's "CSV"), Big5 (Taiwan and Hong
// Kong), Shift_JIS (Japanese Windows), EUC-KR (Korean Windows) or
// Windows-1252 (Outlook on a Western Windows); none of them says which.
// Detection is by the mark, then by whether the bytes are valid UTF-8,
// then by which legacy encoding decodes them into the likeliest text
// (Detect), with a confidence a caller can refuse to write on.
//
// It is pure: bytes in, text out.
package textenc

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned when the bytes are not text in any encoding the
// package knows (an image, a spreadsheet saved as .xlsx, a database).
var ErrBinary = errors.New("not a text file")

// ErrCharset is returned by DecodeAs for a charset name it does not know.
var ErrCharset = errors.New("unknown charset")

// The encodings Decode reports.
const (
	UTF8        = "UTF-8"
	UTF8BOM     = "UTF-8 with BOM"
	UTF16LE     = "UTF-16LE"
	UTF16BE     = "UTF-16BE"
	GB18030     = "GB18030"
	Windows1252 = "Windows-1252"
)

// Decode returns b as UTF-8 text without a byte-order mark, and the name of
// the encoding it was found in (one of the constants above). It returns
// ErrBinary when b holds NUL bytes outside UTF-16.
func Decode(b []byte) (string, string, error) {
	s, d, err := DecodeDetect(b)
	return s, d.Name, err
}

// DecodeDetect is Decode with the confidence of the guess (see Detect).
func DecodeDetect(b []byte) (string, Detection, error) {
	s, d, err := decode(b)
	return s, d, err
}

func decode(b []byte) (string, Detection, error) {
	sure := func(s, name string, err error) (string, Detection, error) { return s, Detection{name, 1}, err }
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		// A stray invalid byte after the mark (a damaged file) becomes
		// U+FFFD, as in text without a mark, so the text is valid UTF-8.
		return sure(strings.ToValidUTF8(string(b[3:]), "\uFFFD"), UTF8BOM, nil)
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, err := utf16(b, unicode.LittleEndian)
		return sure(s, UTF16LE, err)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, err := utf16(b, unicode.BigEndian)
		return sure(s, UTF16BE, err)
	}
	if e, ok := bomlessUTF16(b); ok {
		s, err := utf16(b, e)
		if e == unicode.LittleEndian {
			return sure(s, UTF16LE, err)
		}
		return sure(s, UTF16BE, err)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", Detection{}, ErrBinary
	}
	d := Detect(b)
	if d.Name == UTF8 {
		return strings.ToValidUTF8(string(b), "\uFFFD"), d, nil
	}
	out, err := encodingOf(d.Name).NewDecoder().Bytes(b)
	if err != nil {
		return "", d, err
	}
	return string(out), d, nil
}

// utf16 decodes UTF-16 in the given byte order, dropping a mark.
func utf16(b []byte, e unicode.Endianness) (string, error) {
	out, err := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	if err != nil {
		return "", ErrBinary
	}
	s := strings.TrimPrefix(string(out), "\uFEFF")
	if strings.IndexByte(s, 0) >= 0 {
		return "", ErrBinary
	}
	return s, nil
}

// bomlessUTF16 recognises UTF-16 without a mark by its NUL bytes: text that
// is mostly ASCII has a NUL in every other byte.
func bomlessUTF16(b []byte) (unicode.Endianness, bool) {
	n := min(len(b), 4096) &^ 1
	if n < 4 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd > half*3/4 && even == 0:
		return unicode.LittleEndian, true
	case even > half*3/4 && odd == 0:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// Guess names the likelier encoding of bytes that are not valid UTF-8
// (Detect without the confidence).
func Guess(b []byte) string { return Detect(b).Name }

// DecodeAs decodes b from the named charset ("UTF-8", "GBK", "ISO-8859-1",
// "Shift_JIS", ...; WHATWG labels). Bytes that are invalid UTF-8 under a
// "UTF-8" label are decoded by Guess instead, as a phone that claims UTF-8
// and writes GBK is read rightly.
func DecodeAs(b []byte, charset string) (string, error) {
	name := strings.ToLower(strings.TrimSpace(charset))
	switch name {
	case "", "utf-8", "utf8", "us-ascii", "ascii":
		if utf8.Valid(b) {
			return string(b), nil
		}
		name = strings.ToLower(Guess(b))
		if name == "utf-8" {
			return strings.ToValidUTF8(string(b), "\uFFFD"), nil
		}
	}
	e, err := lookup(name)
	if err != nil {
		return "", err
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// DecodeNamed decodes b from the named charset, as a person named it to
// override the detection: no guessing, a byte-order mark dropped, and
// ErrCharset for a name no registry knows. Bytes the charset has no
// character for become U+FFFD.
func DecodeNamed(b []byte, charset string) (string, error) {
	name := strings.ToLower(strings.TrimSpace(charset))
	switch name {
	case "utf-8", "utf8":
		return strings.ToValidUTF8(string(bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})), "\uFFFD"), nil
	case "utf-16le", "utf-16":
		return utf16(b, unicode.LittleEndian)
	case "utf-16be":
		return utf16(b, unicode.BigEndian)
	}
	e, err := lookup(name)
	if err != nil {
		return "", err
	}
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

func lookup(name string) (encoding.Encoding, error) {
	switch name {
	case "gb18030", "gbk", "gb2312", "cp936":
		return simplifiedchinese.GB18030, nil
	case "windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1":
		return charmap.Windows1252, nil
	}
	e, err := htmlindex.Get(name)
	if err != nil || e == nil {
		return nil, ErrCharset
	}
	return e, nil
}

// mostlyUTF8 reports whether b is UTF-8 but for a few stray bytes: at least
// four valid multi-byte characters for every invalid byte.
func mostlyUTF8(b []byte) bool {
	var multi, bad int
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n <= 1:
			bad++
		case n > 1:
			multi++
		}
		b = b[max(n, 1):]
	}
	return multi > 0 && bad*4 <= multi
}
