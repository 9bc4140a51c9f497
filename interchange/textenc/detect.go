package textenc

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// The legacy encodings Detect chooses among, besides UTF-8 and UTF-16.
const (
	Big5     = "Big5"
	ShiftJIS = "Shift_JIS"
	EUCKR    = "EUC-KR"
)

// Sure is the confidence from which a guess is taken without asking: below
// it, an import that would write asks for the encoding to be named.
const Sure = 0.5

// sampleSize is how much of a large file Detect weighs.
const sampleSize = 1 << 20

// Detection is a guess at a file's encoding and how sure it is, from 0 to 1.
type Detection struct {
	Name       string  // one of the encoding constants
	Confidence float64 // 1 for a mark, valid UTF-8 or pure ASCII
}

// commonHans and commonHant are frequent characters of Chinese text and
// names (the most used characters, the common surnames and given-name
// characters, an address book's words), in simplified and traditional
// form: Chinese bytes read in the other Chinese encoding decode to
// characters seldom among them.
const (
	commonHans = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基式李油评设省邮号码备注址客户姐陈杨黄赵吴徐孙朱胡郭罗郑梁谢宋唐韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶苏魏吕丁沈姚卢姜崔钟谭陆汪范石廖贾夏韦付邹孟熊秦邱尹薛闫段雷侯龙史陶黎贺顾郝龚邵钱严覃戴莫孔汤娜丽静敏燕艳芳娟秀英慧巧霞刚伟勇军磊洋超杰涛浩宇鹏飞斌强晨欣婷雪琳晶颖玲欢丝巾喜装尺寸码鞋包"
	commonHant = "的一是不了人我在有他這中大來上國個到說們為子和你地出道也時年得就那要下以生會自著去之過家學對可她裡後小麼心多天而能好都然沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數件安表原車白應路期叫死常提感金何更反合放做系計或司利受光王果親界及今京務制解各任至清物台象記邊共風戰干接它許八特覺望直服毛林題建南度統色字請交愛讓認算論百吃義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳近留紅治決周保達辦運武半候七必城父強步完革深區即求品士轉量空甚眾技輕程告江語英基式李油評設省郵號碼備註址客戶姐陳楊黃趙吳徐孫朱胡郭羅鄭梁謝宋唐韓馮鄧曹彭曾肖田董袁潘蔣蔡余杜葉蘇魏呂丁沈姚盧姜崔鍾譚陸汪范石廖賈夏韋付鄒孟熊秦邱尹薛閆段雷侯龍史陶黎賀顧郝龔邵錢嚴覃戴莫孔湯娜麗靜敏燕艷芳娟秀英慧巧霞剛偉勇軍磊洋超傑濤浩宇鵬飛斌強晨欣婷雪琳晶穎玲歡絲巾喜裝尺寸碼鞋包灣臺豪芬淑志賓絡職稱類"
)

// candidate is a legacy encoding Detect weighs: its decoder and how much
// each character of the decoded text says for it.
type candidate struct {
	name string
	enc  encoding.Encoding
	// pair scores one two-byte character by its bytes; single scores a
	// byte that stands alone (only Shift_JIS and Windows-1252 have them).
	pair func(lead, trail byte) float64
	// common are characters that count 2 more in a text of this encoding.
	common string
}

var candidates = []candidate{
	{GB18030, simplifiedchinese.GB18030, func(l, t byte) float64 {
		switch {
		case l >= 0xB0 && l <= 0xD7 && t >= 0xA1: // GB2312 level 1: the 3755 common hanzi
			return 2
		case l >= 0xD8 && l <= 0xF7 && t >= 0xA1: // level 2
			return 1
		case l >= 0xA1 && l <= 0xA3 && t >= 0xA1: // punctuation, full-width ASCII
			return 1
		case l >= 0xA4 && l <= 0xA9 && t >= 0xA1: // kana, Greek, Cyrillic, box drawing amid Chinese
			return -1
		}
		return -2 // GBK's extensions: rare characters
	}, commonHans},
	{Big5, traditionalchinese.Big5, func(l, t byte) float64 {
		switch {
		case l >= 0xA4 && (l < 0xC6 || l == 0xC6 && t <= 0x7E): // level 1: the 5401 common characters
			return 2
		case l >= 0xC9 && l <= 0xF9: // level 2
			return 1
		case l >= 0xA1 && l <= 0xA3: // punctuation, symbols
			return 1
		}
		return -2
	}, commonHant},
	{ShiftJIS, japanese.ShiftJIS, func(l, t byte) float64 {
		switch {
		case l == 0x82 && t >= 0x9F, l == 0x83 && t <= 0x96: // hiragana, katakana
			return 3
		case l >= 0x88 && l <= 0x98: // kanji level 1
			return 2
		case l >= 0x99 && l <= 0x9F || l >= 0xE0 && l <= 0xEA: // kanji level 2
			return 1
		case l == 0x81 || l == 0x82: // punctuation, full-width letters and digits
			return 1
		}
		return -2
	}, ""},
	{EUCKR, korean.EUCKR, func(l, t byte) float64 {
		switch {
		case l >= 0xB0 && l <= 0xC8 && t >= 0xA1: // the 2350 Hangul syllables
			return 2
		case l >= 0xA1 && l <= 0xA3 && t >= 0xA1: // punctuation, full-width ASCII
			return 1
		case l >= 0xCA && l <= 0xFD && t >= 0xA1: // hanja, seldom in modern text
			return -1
		}
		return -2
	}, ""},
}

// Detect guesses the encoding of bytes that are not valid UTF-8 among
// GB18030, Big5, Shift_JIS, EUC-KR and Windows-1252, by whether each
// decodes them without error and by what the decoded characters are: the
// common characters of each (GB2312's and Big5's first levels, kana,
// Hangul syllables, accented letters inside Latin words) count for it,
// rare ones, symbols amid text and bytes that are not characters against
// it. A few bytes mostly valid as UTF-8 (a stray byte in a phone's
// export) stay UTF-8. The confidence grows with the lead of the best
// encoding over the next: one distinctive character is a weak guess, a
// line of them a sure one.
func Detect(b []byte) Detection {
	if utf8.Valid(b) {
		return Detection{UTF8, 1}
	}
	if len(b) > sampleSize { // enough to tell, ending at a line break
		cut := b[:sampleSize]
		if i := strings.LastIndexByte(string(cut), '\n'); i > 0 {
			cut = cut[:i+1]
		}
		b = cut
	}
	if !slices.ContainsFunc(b, func(x byte) bool { return x >= 0x80 }) {
		return Detection{UTF8, 0.9} // the odd bytes come later
	}
	if mostlyUTF8(b) {
		return Detection{UTF8, 0.9}
	}
	best, second := math.Inf(-1), math.Inf(-1)
	name := Windows1252
	for _, c := range candidates {
		s := scorePairs(b, c)
		if s > best {
			best, second, name = s, best, c.name
		} else if s > second {
			second = s
		}
	}
	if s := scoreLatin(b); s > best {
		best, second, name = s, best, Windows1252
	} else if s > second {
		second = s
	}
	if best <= 0 {
		return Detection{name, 0}
	}
	lead := best - max(second, 0)
	return Detection{name, lead / (lead + 3)}
}

// scorePairs scores b read as a double-byte encoding: each character by
// c.pair, each byte that does not decode -6. Hangul alone among Chinese
// characters is likelier Korean than Chinese: Korean text written in
// EUC-KR never uses lead bytes past 0xC8, Chinese text does about half the
// time, so a text of Hangul-range pairs only counts a point more per pair
// for EUC-KR (and Chinese text one more per pair past 0xC8).
func scorePairs(b []byte, c candidate) float64 {
	var score float64
	var pairs, high int
	dec := c.enc.NewDecoder()
	for i := 0; i < len(b); i++ {
		x := b[i]
		if x < 0x80 {
			continue
		}
		if c.name == ShiftJIS && x >= 0xA1 && x <= 0xDF { // half-width katakana: old, and what Latin-1 bytes look like
			score -= 0.5
			continue
		}
		if i+1 >= len(b) || !validPair(c.name, x, b[i+1]) {
			score -= 6
			continue
		}
		pairs++
		if x > 0xC8 {
			high++
		}
		score += c.pair(x, b[i+1])
		if c.common != "" {
			if r, err := dec.Bytes(b[i : i+2]); err == nil && strings.Contains(c.common, string(r)) {
				score += 2
			}
		}
		i++
	}
	if strings.Contains(decodeLossy(b, c.enc), "\uFFFD") {
		score -= 6
	}
	if pairs >= 3 {
		switch {
		case c.name == EUCKR && high == 0:
			score += float64(pairs)
		case c.name != EUCKR && high > 0:
			score += float64(high)
		}
	}
	return score
}

// validPair reports whether lead and trail form a character's bytes in the
// named encoding (the decoder is asked too: some such pairs are unassigned).
func validPair(name string, l, t byte) bool {
	switch name {
	case GB18030:
		return l >= 0x81 && l <= 0xFE && t >= 0x40 && t <= 0xFE && t != 0x7F
	case Big5:
		return l >= 0x81 && l <= 0xFE && (t >= 0x40 && t <= 0x7E || t >= 0xA1 && t <= 0xFE)
	case ShiftJIS:
		return (l >= 0x81 && l <= 0x9F || l >= 0xE0 && l <= 0xFC) && t >= 0x40 && t <= 0xFC && t != 0x7F
	case EUCKR:
		return l >= 0x81 && l <= 0xFE && (t >= 0x41 && t <= 0x5A || t >= 0x61 && t <= 0x7A || t >= 0x81 && t <= 0xFE)
	}
	return false
}

func decodeLossy(b []byte, e encoding.Encoding) string {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "\uFFFD"
	}
	return string(out)
}

// scoreLatin scores b read as Windows-1252: a letter with an accent
// inside or beside a Latin word (Müller, José) counts for it, more when
// it is between two ASCII letters; a typographic sign (€ – “ …) counts a
// little; a run of three or more high bytes (what CJK text looks like) and
// signs no name holds (¤ ¦ ¨ ¯ ¸ ¹ ... and the unassigned bytes) count
// against it.
func scoreLatin(b []byte) float64 {
	isLetter := func(x byte) bool {
		return x >= 'a' && x <= 'z' || x >= 'A' && x <= 'Z'
	}
	high := func(i int) bool { return i >= 0 && i < len(b) && b[i] >= 0x80 }
	var score float64
	for i, x := range b {
		if x < 0x80 {
			continue
		}
		run := high(i-1) && high(i+1) && (high(i-2) || high(i+2))
		switch {
		case run:
			score -= 1
		case x >= 0xC0 && x != 0xD7 && x != 0xF7 || x == 0x8A || x == 0x8C || x == 0x8E || x == 0x9A || x == 0x9C || x == 0x9E || x == 0x9F:
			before := i > 0 && (isLetter(b[i-1]) || high(i-1))
			after := i+1 < len(b) && (isLetter(b[i+1]) || high(i+1))
			switch {
			case before && after:
				score += 3
			case before || after:
				score += 1
			default:
				score -= 0.5
			}
		case strings.IndexByte("\x80\x82\x84\x85\x91\x92\x93\x94\x95\x96\x97\x99\xA0\xA3\xA7\xA9\xAB\xAE\xB0\xB7\xBB\xBF\xA1\xB4\xE9", x) >= 0:
			score += 0.5
		default:
			score -= 2
		}
	}
	return score
}

// encodingOf returns the decoder of a name Detect gives.
func encodingOf(name string) encoding.Encoding {
	switch name {
	case GB18030:
		return simplifiedchinese.GB18030
	case Big5:
		return traditionalchinese.Big5
	case ShiftJIS:
		return japanese.ShiftJIS
	case EUCKR:
		return korean.EUCKR
	}
	return charmap.Windows1252
}
