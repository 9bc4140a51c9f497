// Package search finds clients as an associate types: by name in any script,
// by the pinyin of a Chinese name in full or as initials (wxm finds 王小明,
// zxf and cxf both find 曾小凡, shanlina and sln find 单丽娜), by the digits
// of a phone in any format (13800138000, 138 0013, +86 138-0013), by tag,
// and by field filters such as tier:A, city:上海 or tag:vip, combined with
// free text ("tier:A li").
//
// An Index is built once from the book's summaries (New) and answers each
// query with a Result: which clients match is known at once, and they are
// ranked lazily, as far as a screen asks (Top, Rows): exact matches first,
// then prefix matches, then by the fuzzy score of github.com/sahilm/fuzzy,
// ties broken by 12-month spend. A search given the previous results
// narrows from them when the new query extends an old one, so typing on
// scans only the previous matches. A Searcher runs the queries on its own
// goroutine, cancels or drops the overtaken ones, and tags every reply
// with the sequence number of its query, so a screen never waits and never
// shows a stale list.
//
// It is pure: it works on profile.Summary values and never touches the store
// or the terminal, so the CLI and the TUI search the same way.
package search
