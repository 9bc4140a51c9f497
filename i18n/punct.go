package i18n

import (
	"strings"

	"github.com/vipbook/vipbook/internal/thousands"
)

// Punctuation between the parts of a line: ASCII in English, full-width
// in Chinese ("所有客户：…", "（逾期 5 天）", "；"), so a Chinese line does
// not mix the two.

// Colon is a label and what it labels: "Label: text" or "标签：文本".
func (c *Catalog) Colon(label, text string) string {
	if c.IsChinese() {
		return label + "：" + text
	}
	return label + ": " + text
}

// Aside is text with a remark after it: "text (remark)" or "文本（备注）".
func (c *Catalog) Aside(text, remark string) string {
	if c.IsChinese() {
		return text + "（" + remark + "）"
	}
	return text + " (" + remark + ")"
}

// Beside puts more after text on one line, a space between them, but
// none before a full-width bracket: "2026-08-24 (today)" and
// "2026-08-24（今天）", "生日（农历）", "（23 笔）［勿联系］".
func (c *Catalog) Beside(text, more string) string {
	if strings.HasPrefix(more, "（") || strings.HasPrefix(more, "［") {
		return strings.TrimRight(text, " ") + more
	}
	if text == "" || more == "" {
		return text + more
	}
	return text + " " + more
}

// Paren is a remark standing alone: "(remark)" or "（remark）".
func (c *Catalog) Paren(remark string) string {
	if c.IsChinese() {
		return "（" + remark + "）"
	}
	return "(" + remark + ")"
}

// Clauses joins the parts of one line: "a; b" or "a；b".
func (c *Catalog) Clauses(parts []string) string {
	if c.IsChinese() {
		return strings.Join(parts, "；")
	}
	return strings.Join(parts, "; ")
}

// Comma parts two clauses of a line: ", " or "，".
func (c *Catalog) Comma() string {
	if c.IsChinese() {
		return "，"
	}
	return ", "
}

// Number writes a whole number with its digits grouped as the language
// groups them: 12,800 in English, and in Chinese too (12,800 积分), as
// amounts are written (profile.Money).
func (c *Catalog) Number(n int) string {
	return thousands.Group(int64(n), ",")
}
