// Package search finds clients as an associate types: by name in any script,
// by the pinyin of a Chinese name in full or as initials (wxm finds 王小明,
// zxf and cxf both find 曾小凡), by the digits of a phone in any format, by
// tag, and by field filters such as tier:A or city:上海.
//
// It is pure: it works on profile.Summary values and never touches the store
// or the terminal, so the CLI and the TUI search the same way.
package search
