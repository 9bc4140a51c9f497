package search

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// Options say how to build an Index.
type Options struct {
	// Today is the day the 12-month spend and the last day seen, which
	// rank clients matching equally well (Standing), are counted to. The
	// zero day counts no spend and no visit: ties then go by tier and the
	// book's order.
	Today civil.Date
	// Levels are the tier scheme's tiers, lowest first (tiers.Levels): a
	// higher tier ranks ahead among equal matches. Nil ranks no tier
	// above another.
	Levels []string
	// Tier gives a client's tier for tier: filters; nil means the tier set
	// on the profile (Summary.Tier).
	Tier func(s *profile.Summary) string
	// CountryCode is the book's calling code, to read a phone typed with a
	// trunk prefix (020…) or an international one (0086…). Empty means
	// profile.DefaultCountryCode.
	CountryCode string
}

// Index is the book made ready for searching as the associate types. It is
// built once from the summaries and never changes: a changed book gets a
// new Index. It is safe for concurrent use.
//
// Every client is kept as lower-case byte strings: its name text (the name,
// the latin name and each pinyin key, NUL separated; clients with the same
// name share one), its tags (distinct values) and its phone digits, with a
// bit mask of the characters present, so a query first rejects most
// clients with one AND and then scores each distinct name once.
type Index struct {
	n  int
	cc string

	names    string   // every distinct name text, its segments NUL separated
	nameOff  []uint32 // name text i is names[nameOff[i]:nameOff[i+1]]
	name     []uint32 // client d's name text
	phones   string   // every client's normalised phones, NUL separated
	phoneOff []uint32
	mask     []uint64 // the characters a client's text and phones hold

	rank   []uint32 // unique: a higher rank stands higher (Standing)
	byRank []int32  // the client of each rank

	tier   []uint16 // index into tiers
	tiers  []value
	city   []uint32 // index into cities
	cities []value
	tagOff []uint32 // client d's tags are tagIDs[tagOff[d]:tagOff[d+1]]
	tagIDs []uint32
	tags   []value
	// facets is client d's profile fields the field filters look at
	// (size:, likes:, dislikes:, card:, occupation:, family:, store:), as
	// "\x00field:value" entries, lower case; nil when no client has any.
	facets []string
}

// value is a distinct tier, city or tag, lower case, with the pinyin keys
// of a Chinese one (上海: shanghai, sh).
type value struct {
	lower string
	keys  []string
	mask  uint64 // the characters of lower
}

// Doc is one client as the index reads it, for a caller that keeps rows of
// its own rather than summaries (New reads summaries).
type Doc struct {
	Name, LatinName string
	// Keys are the romanised forms of the name, space separated: the
	// summary's SearchKeys, or Keys(name).
	Keys   string
	Phones []string // normalised: country code and number
	Tags   []string
	City   string
	Tier   string
	Spend  profile.Money // the 12-month spend, which breaks ties
	// Level and Seen rank the client among equal matches (Standing):
	// the tier's place (LevelOf) and the last day seen (LastSeen).
	Level int
	Seen  civil.Date
	// Facets are the profile's fields the field filters match, as Facets
	// builds them from a summary.
	Facets string
}

// Facets returns the fields of s the field filters match (size:, likes:,
// dislikes:, card:, occupation:, family:, store:), as "\x00field:value"
// entries in lower case.
func Facets(s *profile.Summary) string {
	// Sized once: a client's line of the app and the kept index's answer
	// to a keystroke make this for each client they hold.
	n := len(s.Occupation) + len(s.Store) + 2*len("\x00occupation:")
	for _, vs := range [][]string{s.Sizes, s.Likes, s.Dislikes, s.Cards, s.Family} {
		for _, v := range vs {
			n += len(v) + len("\x00dislikes:")
		}
	}
	if n == 2*len("\x00occupation:") && s.Occupation == "" && s.Store == "" {
		return ""
	}
	b := make([]byte, 0, n)
	add := func(f, v string) {
		if v = strings.TrimSpace(v); v != "" {
			b = append(b, 0)
			b = append(b, f...)
			b = append(b, ':')
			b = appendFoldPlain(b, v)
		}
	}
	for _, v := range s.Sizes {
		add("size", v)
	}
	for _, v := range s.Likes {
		add("likes", v)
	}
	for _, v := range s.Dislikes {
		add("dislikes", v)
	}
	for _, v := range s.Cards {
		add("card", v)
	}
	add("occupation", s.Occupation)
	for _, v := range s.Family {
		add("family", v)
	}
	add("store", s.Store)
	return string(b)
}

// appendFoldPlain appends fold(v), without allocating for text of ASCII
// and common Chinese characters alone.
func appendFoldPlain(dst []byte, v string) []byte {
	for _, r := range v {
		if r >= utf8.RuneSelf && (r < 0x3400 || r > 0x9FFF) {
			return append(dst, fold(v)...)
		}
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// New builds the index of sums. Search results give clients as indices
// into sums.
func New(sums []profile.Summary, opt Options) *Index {
	b := newBuilder(len(sums), opt.CountryCode)
	for d := range sums {
		s := &sums[d]
		doc := Doc{Name: s.Name, LatinName: s.LatinName, Keys: s.SearchKeys, Phones: s.Phones,
			Tags: s.Tags, City: s.City, Tier: s.Tier, Facets: Facets(s)}
		if doc.Keys == "" && (hasHan(s.Name) || hasHan(s.LatinName)) {
			doc.Keys = Keys(s.Name + " " + s.LatinName)
		}
		if opt.Tier != nil {
			doc.Tier = opt.Tier(s)
		}
		doc.Level = LevelOf(opt.Levels, doc.Tier)
		if !opt.Today.IsZero() {
			doc.Spend = profile.Last12(s.Spends, opt.Today)
			doc.Seen = LastSeen(s, opt.Today)
		}
		b.add(d, &doc)
	}
	return b.finish()
}

// NewFromDocs builds the index of docs; cc is the book's calling code (see
// Options.CountryCode). Search results give clients as indices into docs.
func NewFromDocs(docs []Doc, cc string) *Index {
	b := newBuilder(len(docs), cc)
	for d := range docs {
		b.add(d, &docs[d])
	}
	return b.finish()
}

type builder struct {
	ix             *Index
	names, phones  strings.Builder
	scratch        []byte // the name text of the client being added
	nameID         map[string]uint32
	standing       []Standing
	tierID         map[string]uint16 // by the value as given
	cityID, tagID  map[string]uint32 // by the value as given
	cityLow, tagLo map[string]uint32 // by the folded value
	tierLow        map[string]uint16
	// The usual reading of each Chinese character met, and scratch space
	// for the usual keys of the client being added.
	readings    map[rune]string
	full, inits []byte
}

// reading returns the usual pinyin reading of r, looked up once per
// character.
func (b *builder) reading(r rune) string {
	rd, ok := b.readings[r]
	if !ok {
		rd = usualReading(r)
		b.readings[r] = rd
	}
	return rd
}

func newBuilder(n int, cc string) *builder {
	if cc == "" {
		cc = profile.DefaultCountryCode
	}
	b := &builder{
		ix: &Index{
			n: n, cc: cc,
			nameOff: []uint32{0}, name: make([]uint32, n), phoneOff: make([]uint32, n+1), mask: make([]uint64, n),
			rank: make([]uint32, n), byRank: make([]int32, n),
			tier: make([]uint16, n), city: make([]uint32, n), tagOff: make([]uint32, n+1),
		},
		nameID:   map[string]uint32{},
		readings: map[rune]string{},
		standing: make([]Standing, n),
		tierID:   map[string]uint16{}, cityID: map[string]uint32{}, tagID: map[string]uint32{},
		tierLow: map[string]uint16{}, cityLow: map[string]uint32{}, tagLo: map[string]uint32{},
	}
	b.names.Grow(n * 16)
	b.phones.Grow(n * 14)
	return b
}

// seg appends one segment to the name text being built.
func (b *builder) seg(v string) {
	if v == "" {
		return
	}
	if len(b.scratch) > 0 {
		b.scratch = append(b.scratch, 0)
	}
	b.scratch = appendFolded(b.scratch, v)
}

// appendFolded appends fold(v), without allocating for ASCII or Chinese
// text.
func appendFolded(dst []byte, v string) []byte {
	for _, r := range v {
		// Chinese, Japanese and Korean text folds to itself; Latin
		// letters with accents, full-width forms and odd bytes need the
		// whole fold.
		if r >= utf8.RuneSelf && (r < 0x2E80 || r >= 0xFF00 || r == utf8.RuneError) {
			return append(dst, strings.ReplaceAll(fold(v), "\x00", "")...)
		}
	}
	for i := 0; i < len(v); i++ { // ASCII lower-cased, the rest as it is
		c := v[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != 0 { // NUL separates segments
			dst = append(dst, c)
		}
	}
	return dst
}

func (b *builder) add(d int, doc *Doc) {
	ix := b.ix
	if doc.Facets != "" {
		if ix.facets == nil {
			ix.facets = make([]string, ix.n)
		}
		ix.facets[d] = doc.Facets
	}
	b.scratch = b.scratch[:0]
	b.seg(doc.Name)
	if !strings.EqualFold(doc.LatinName, doc.Name) {
		b.seg(doc.LatinName)
	}
	// A name with characters of several readings has more than two keys:
	// those not made of the usual readings are marked.
	several := strings.Count(doc.Keys, " ") > 1
	if several {
		b.full, b.inits = appendPrimary(b.full[:0], b.inits[:0], doc.Name+" "+doc.LatinName, b.reading)
	}
	for rest := doc.Keys; rest != ""; {
		var k string
		k, rest, _ = strings.Cut(rest, " ")
		if several && k != string(b.full) && k != string(b.inits) {
			b.seg(altMark + k) // a rarer reading: ranked after the usual ones
			continue
		}
		b.seg(k)
	}
	id, ok := b.nameID[string(b.scratch)]
	if !ok {
		id = uint32(len(ix.nameOff) - 1)
		b.nameID[string(b.scratch)] = id
		b.names.Write(b.scratch)
		ix.nameOff = append(ix.nameOff, uint32(b.names.Len()))
	}
	ix.name[d] = id
	m := textMask(string(b.scratch))

	for _, t := range doc.Tags {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		id, ok := b.tagID[t]
		if !ok {
			id = intern(b.tagLo, &ix.tags, fold(t))
			b.tagID[t] = id
		}
		ix.tagIDs = append(ix.tagIDs, id)
		m |= ix.tags[id].mask
	}
	ix.tagOff[d+1] = uint32(len(ix.tagIDs))

	pstart := b.phones.Len()
	for _, p := range doc.Phones {
		if !allDigits(p) {
			p = profile.Digits(p)
		}
		if p == "" {
			continue
		}
		if b.phones.Len() > pstart {
			b.phones.WriteByte(0)
		}
		b.phones.WriteString(p)
		m |= phoneMask(p)
	}
	ix.phoneOff[d+1] = uint32(b.phones.Len())
	// A card number finds its client as a phone does: its characters and
	// digits count as the client's.
	eachCard(doc.Facets, func(c string) {
		m |= 1<<maskCard | textMask(c) | phoneMask(profile.Digits(c))
	})
	ix.mask[d] = m

	tid, ok := b.tierID[doc.Tier]
	if !ok {
		low := fold(strings.TrimSpace(doc.Tier))
		if tid, ok = b.tierLow[low]; !ok {
			tid = uint16(len(ix.tiers))
			b.tierLow[low] = tid
			ix.tiers = append(ix.tiers, value{lower: low})
		}
		b.tierID[doc.Tier] = tid
	}
	ix.tier[d] = tid
	cid, ok := b.cityID[doc.City]
	if !ok {
		cid = intern(b.cityLow, &ix.cities, fold(strings.TrimSpace(doc.City)))
		b.cityID[doc.City] = cid
	}
	ix.city[d] = cid
	b.standing[d] = Standing{Level: doc.Level, Seen: doc.Seen, Spend: doc.Spend}
}

func intern(ids map[string]uint32, vals *[]value, low string) uint32 {
	id, ok := ids[low]
	if !ok {
		id = uint32(len(*vals))
		ids[low] = id
		*vals = append(*vals, valueOf(low))
	}
	return id
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (b *builder) finish() *Index {
	ix := b.ix
	ix.names, ix.phones = b.names.String(), b.phones.String()
	// Ranks: the client who stands highest (tier, then last seen, then
	// spend) gets the highest rank, which orders equal matches.
	for r, d := range rankOrder(b.standing) {
		ix.rank[d] = uint32(r)
		ix.byRank[r] = d
	}
	return ix
}

func valueOf(s string) value {
	v := value{lower: s, mask: textMask(s)}
	if hasHan(s) {
		v.keys = strings.Fields(Keys(s))
	}
	return v
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// Len returns the number of clients in the index.
func (ix *Index) Len() int { return ix.n }

// Search returns the clients matching query. When one of bases is a
// result of this index for a query that query narrows (the associate typed
// on: "wan" after "wa", or added a term), only that result's clients are
// scanned; a base with exactly the same query is returned as it is.
// Bases that do not apply are ignored, so passing the last few results is
// always safe.
func (ix *Index) Search(query string, bases ...*Result) *Result {
	r, _ := ix.SearchContext(context.Background(), query, bases...)
	return r
}

// SearchContext is Search that gives up, returning ctx's error, soon after
// ctx is done.
func (ix *Index) SearchContext(ctx context.Context, query string, bases ...*Result) (*Result, error) {
	q := parseQuery(query, ix.cc)
	var base []uint64
	narrowed := false
	for _, b := range bases {
		if b == nil || b.ix != ix {
			continue
		}
		if b.q.raw == query {
			return b, nil
		}
		if (!narrowed || len(b.keys) < len(base)) && q.implies(&b.q) {
			base, narrowed = b.keys, true
		}
	}
	keys, err := ix.match(ctx, &q, base, narrowed)
	if err != nil {
		return nil, err
	}
	return &Result{ix: ix, q: q, keys: keys}, nil
}

// altMark starts a pinyin key made with a rarer reading of one of the
// name's characters (洋 read xiang in 魏洋敏); altPenalty lowers its fuzzy
// score so that, within a match class, the usual reading ranks first: wxm
// puts 王小明 before 魏洋敏, while 曾小凡 is still found by cxf.
const (
	altMark    = "\x01"
	altPenalty = 1 << 12
)

// Match classes, best first.
const (
	classExact  = 0 // a segment, or a word of it, is the term
	classPrefix = 1 // a segment, or a word of it, starts with the term
	classFuzzy  = 2 // the term is a subsequence of a segment
)

// Sort keys pack what ranks a match, best highest: the class, the fuzzy
// score, then the spend rank (unique, so keys are unique and give back
// the client).
const (
	rankBits  = 40
	scoreBits = 22
	scoreBias = 1 << (scoreBits - 1)
	rankMask  = 1<<rankBits - 1
)

func makeKey(class, score int, rank uint32) uint64 {
	s := min(max(score+scoreBias, 0), 1<<scoreBits-1)
	return uint64(3-class)<<(rankBits+scoreBits) | uint64(s)<<rankBits | uint64(rank)
}

// docOf returns the client a sort key stands for.
func (ix *Index) docOf(key uint64) int { return int(ix.byRank[key&rankMask]) }

// plan is a query made ready to run on this index.
type plan struct {
	texts, phones  []*term
	need           uint64 // mask bits a match must have
	tierOK, cityOK []bool // allowed values; nil: no filter
	tagOK          [][]bool
	facets         []*term // the field filters on the profile's fields
	// Per text term, what each distinct name text and tag scored (see
	// memo); nil when there are too few candidates to be worth it.
	nameMemo, tagMemo [][]uint32
}

// plan readies q for a search over cands candidates.
func (ix *Index) plan(q *query, cands int) *plan {
	p := &plan{}
	for i := range q.terms {
		t := &q.terms[i]
		switch t.kind {
		case textTerm:
			p.texts = append(p.texts, t)
			p.need |= t.mask
		case phoneTerm:
			p.phones = append(p.phones, t)
			p.need |= t.mask
		case filterTerm:
			if t.text == "" {
				continue // "tier:" typed so far: no filter yet
			}
			switch t.field {
			case fieldTier:
				p.tierOK = and(p.tierOK, ix.tiers, t.text, tierMatches)
			case fieldCity:
				p.cityOK = and(p.cityOK, ix.cities, t.text, cityMatches)
			case fieldTag:
				// Several tag filters each need a tag of their own.
				p.tagOK = append(p.tagOK, and(nil, ix.tags, t.text, tagMatches))
			default:
				p.facets = append(p.facets, t)
			}
		}
	}
	// Many clients share a name: score each name text once per term when
	// the candidates are many next to the distinct names.
	names := len(ix.nameOff) - 1
	for range p.texts {
		var nm, tm []uint32
		if cands >= names/8 {
			nm = make([]uint32, names)
		}
		if len(ix.tags) > 0 && cands >= len(ix.tags)/8 {
			tm = make([]uint32, len(ix.tags))
		}
		p.nameMemo, p.tagMemo = append(p.nameMemo, nm), append(p.tagMemo, tm)
	}
	return p
}

// A memo entry packs a match class and score; 0 means not yet scored.
const (
	memoNoMatch = 3 // the class of "does not match"
	memoBits    = 24
	memoBias    = 1 << (memoBits - 1)
)

func packMemo(class, score int, ok bool) uint32 {
	if !ok {
		class, score = memoNoMatch, 0
	}
	return uint32(class)<<memoBits | uint32(min(max(score+memoBias, 0), 1<<memoBits-2)) + 1
}

func unpackMemo(v uint32) (class, score int, ok bool) {
	v--
	class = int(v >> memoBits)
	return class, int(v&(1<<memoBits-1)) - memoBias, class != memoNoMatch
}

// scoreText returns the best class and score of text term ti over client
// d's name text and tags.
func (ix *Index) scoreText(p *plan, ti int, d int32) (class, score int, ok bool) {
	t := p.texts[ti]
	nid := ix.name[d]
	if memo := p.nameMemo[ti]; memo != nil {
		if memo[nid] == 0 {
			memo[nid] = packMemo(matchText(ix.names[ix.nameOff[nid]:ix.nameOff[nid+1]], t))
		}
		class, score, ok = unpackMemo(memo[nid])
	} else {
		class, score, ok = matchText(ix.names[ix.nameOff[nid]:ix.nameOff[nid+1]], t)
	}
	for _, tid := range ix.tagIDs[ix.tagOff[d]:ix.tagOff[d+1]] {
		var c, s int
		var m bool
		if memo := p.tagMemo[ti]; memo != nil {
			if memo[tid] == 0 {
				memo[tid] = packMemo(matchText(ix.tags[tid].lower, t))
			}
			c, s, m = unpackMemo(memo[tid])
		} else {
			c, s, m = matchText(ix.tags[tid].lower, t)
		}
		if m && (!ok || c < class || c == class && s > score) {
			class, score, ok = c, s, true
		}
	}
	return class, score, ok
}

// admits reports whether client d passes the cheap checks: the characters
// it holds and the filters.
func (ix *Index) admits(p *plan, d int32) bool {
	return p.need&^ix.mask[d] == 0 &&
		(p.tierOK == nil || p.tierOK[ix.tier[d]]) &&
		(p.cityOK == nil || p.cityOK[ix.city[d]]) &&
		(len(p.tagOK) == 0 || ix.tagsMatch(d, p.tagOK)) &&
		(len(p.facets) == 0 || ix.facetsMatch(d, p.facets))
}

// facetsMatch reports whether client d has, for every field filter, an
// entry of its field that matches: size:shoes=39 a size whose category
// holds "shoes" and whose value is 39 (size:39 any size of 39); the other
// fields a value holding the filter's text (card: a number holding it,
// typed in any format).
func (ix *Index) facetsMatch(d int32, fs []*term) bool {
	if ix.facets == nil {
		return false
	}
	return facetsMatchText(ix.facets[d], fs)
}

// eval matches client d against the terms and returns its sort key.
func (ix *Index) eval(p *plan, d int32) (uint64, bool) {
	if !ix.admits(p, d) {
		return 0, false
	}
	class, score := classExact, 0
	for ti := range p.texts {
		c, s, m := ix.scoreText(p, ti, d)
		if !m {
			if c, m = ix.matchCard(d, p.texts[ti]); !m {
				return 0, false
			}
			s = 0
		}
		class, score = max(class, c), score+s
	}
	if len(p.phones) > 0 {
		ph := ix.phones[ix.phoneOff[d]:ix.phoneOff[d+1]]
		for _, t := range p.phones {
			c, m := ix.matchPhone(ph, t)
			if !m {
				if c, m = ix.matchCard(d, t); !m {
					return 0, false
				}
			}
			class = max(class, c)
		}
	}
	return makeKey(class, score, ix.rank[d]), true
}

// match runs q over the whole book, or over the matches of base (their
// sort keys), and returns the sort keys of the matches in that order.
func (ix *Index) match(ctx context.Context, q *query, base []uint64, narrowed bool) ([]uint64, error) {
	cands := ix.n
	if narrowed {
		cands = len(base)
	}
	p := ix.plan(q, cands)
	done := ctx.Done()
	cancelled := func(k int) bool {
		if k&4095 != 4095 || done == nil {
			return false
		}
		select {
		case <-done:
			return true
		default:
			return false
		}
	}
	if narrowed {
		keys := make([]uint64, 0, len(base))
		for k, bk := range base {
			if cancelled(k) {
				return nil, ctx.Err()
			}
			if key, ok := ix.eval(p, ix.byRank[bk&rankMask]); ok {
				keys = append(keys, key)
			}
		}
		return keys, nil
	}
	// A first cheap pass counts the clients that could match, so the
	// result is allocated once at its size.
	n := 0
	for d := range int32(ix.n) {
		if ix.admits(p, d) {
			n++
		}
	}
	keys := make([]uint64, 0, n)
	for d := range int32(ix.n) {
		if cancelled(int(d)) {
			return nil, ctx.Err()
		}
		if key, ok := ix.eval(p, d); ok {
			keys = append(keys, key)
		}
	}
	return keys, nil
}

// and narrows ok (nil: everything allowed) to the values v matches.
func and(ok []bool, vals []value, v string, matches func(*value, string) bool) []bool {
	out := make([]bool, len(vals))
	for i := range vals {
		out[i] = (ok == nil || ok[i]) && matches(&vals[i], v)
	}
	return out
}

// tierMatches: tier:a finds A, tier:pl finds Platinum.
func tierMatches(t *value, v string) bool { return strings.HasPrefix(t.lower, v) }

// cityMatches: city:上海, city:海, city:shanghai, city:sh, city:york.
func cityMatches(c *value, v string) bool {
	if strings.Contains(c.lower, v) {
		return true
	}
	for _, k := range c.keys {
		if strings.HasPrefix(k, v) {
			return true
		}
	}
	return false
}

// tagMatches: tag:vip finds vip and vip-gold, tag:2026 finds new-2026,
// tag:lk finds 老客.
func tagMatches(t *value, v string) bool {
	if wordPrefix(t.lower, v) {
		return true
	}
	for _, k := range t.keys {
		if strings.HasPrefix(k, v) {
			return true
		}
	}
	return false
}

// wordPrefix reports whether s or a word of it (after a separator)
// starts with v.
func wordPrefix(s, v string) bool {
	for {
		if strings.HasPrefix(s, v) {
			return true
		}
		i := strings.IndexAny(s, " -_/.\\")
		if i < 0 {
			return false
		}
		s = s[i+1:]
	}
}

func (ix *Index) tagsMatch(d int32, filters [][]bool) bool {
	ids := ix.tagIDs[ix.tagOff[d]:ix.tagOff[d+1]]
	for _, ok := range filters {
		found := false
		for _, id := range ids {
			if ok[id] {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// matchText finds the best segment of a client's text for a text term:
// its class and fuzzy score. Only the segments holding the term's first
// byte are scored.
func matchText(txt string, t *term) (class, score int, ok bool) {
	if len(t.text) > 1 && !isSubsequence(txt, t.text) {
		return 0, 0, false
	}
	first := t.text[0]
	class = classFuzzy + 1
	for len(txt) > 0 {
		i := strings.IndexByte(txt, first)
		if i < 0 {
			break
		}
		start := strings.LastIndexByte(txt[:i], 0) + 1
		var seg string
		if end := strings.IndexByte(txt[i:], 0); end >= 0 {
			seg, txt = txt[start:i+end], txt[i+end+1:]
		} else {
			seg, txt = txt[start:], ""
		}
		alt := strings.HasPrefix(seg, altMark)
		seg = strings.TrimPrefix(seg, altMark)
		var s int
		var m bool
		if t.runes == nil {
			s, m = scoreASCII(seg, t.text)
		} else {
			s, m = scoreRunes(seg, t.runes)
		}
		if !m {
			continue
		}
		c := classOf(seg, t.text)
		if alt {
			s -= altPenalty
		}
		if c < class || c == class && s > score {
			class, score = c, s
		}
	}
	return class, score, class <= classFuzzy
}

// classOf says how well a segment the term matched fuzzily matches it:
// a whole word of it ("wang" in "xiaoming wang") counts as exact.
func classOf(seg, t string) int {
	if seg == t {
		return classExact
	}
	class := classFuzzy
	for {
		w, rest, more := strings.Cut(seg, " ")
		if w == t {
			return classExact
		}
		if strings.HasPrefix(w, t) {
			class = classPrefix
		}
		if !more {
			return class
		}
		seg = rest
	}
}

// matchCard finds a membership card of client d holding one of term t's
// card readings: exact when a whole number was typed, prefix when its
// start was, else anywhere.
func (ix *Index) matchCard(d int32, t *term) (class int, ok bool) {
	if len(t.cards) == 0 || ix.mask[d]&(1<<maskCard) == 0 {
		return 0, false
	}
	class = classFuzzy + 1
	eachCard(ix.facets[d], func(c string) {
		for _, want := range t.cards {
			switch i := strings.Index(c, want); {
			case i < 0:
			case c == want:
				class = classExact
			case i == 0:
				class = min(class, classPrefix)
			default:
				class = min(class, classFuzzy)
			}
		}
	})
	return class, class <= classFuzzy
}

// eachCard calls fn with every card number of a client's Facets.
func eachCard(facets string, fn func(c string)) {
	const mark = "\x00card:"
	for {
		i := strings.Index(facets, mark)
		if i < 0 {
			return
		}
		facets = facets[i+len(mark):]
		c := facets
		if j := strings.IndexByte(c, 0); j >= 0 {
			c = c[:j]
		}
		fn(c)
	}
}

// matchPhone finds a client's number holding a phone term: exact when the
// whole number (or its national part) was typed, prefix when its start
// was, else anywhere.
func (ix *Index) matchPhone(ph string, t *term) (class int, ok bool) {
	class = classFuzzy + 1
	for len(ph) > 0 {
		num := ph
		if i := strings.IndexByte(ph, 0); i >= 0 {
			num, ph = ph[:i], ph[i+1:]
		} else {
			ph = ""
		}
		national := strings.TrimPrefix(num, ix.cc)
		for _, a := range t.alts {
			i := strings.Index(num, a)
			if i < 0 {
				continue
			}
			c := classFuzzy
			switch {
			case num == a || national == a:
				c = classExact
			case i == 0 || strings.HasPrefix(national, a):
				c = classPrefix
			}
			class = min(class, c)
		}
	}
	return class, class <= classFuzzy
}
