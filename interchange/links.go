package interchange

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"

	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/profile"
)

// A profile links to other clients of the book: a household member who is
// a client (Member.ClientID) and the client who referred them
// (ReferredBy). In a file the link names the other client as the file
// does: in a vCard by the other card's UID, a urn:uuid (vCard 4.0's
// RELATED;VALUE=uri, RFC 6350 6.6.6, beside the member's name), in a CSV
// by the other row's id. Import reads the link as that key (fileKey) and
// makes it the id of the client the other record becomes in the book:
// one already there, or one the import adds. A link to a record that is
// neither in the file nor in the book is dropped.

// uidSpace is the namespace of the name-based UUIDs of clients
// (clientUID).
var uidSpace = [16]byte{0x6b, 0x1e, 0x2f, 0x0c, 0x8a, 0x41, 0x4d, 0x52, 0x9e, 0x07, 0x3c, 0xb5, 0x61, 0xd0, 0x22, 0x9a}

// clientUID is a client's UID in a vCard: urn:uuid: and the name-based
// (version 5, RFC 9562) UUID of the client's id, the same at every
// export.
func clientUID(id string) string {
	var in [64]byte
	h := sha1.Sum(append(append(in[:0], uidSpace[:]...), id...))
	h[6] = h[6]&0x0f | 0x50
	h[8] = h[8]&0x3f | 0x80
	// urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, in one allocation
	out := make([]byte, 0, len("urn:uuid:")+36)
	out = append(out, "urn:uuid:"...)
	for i, part := range [][]byte{h[0:4], h[4:6], h[6:8], h[8:10], h[10:16]} {
		if i > 0 {
			out = append(out, '-')
		}
		out = hex.AppendEncode(out, part)
	}
	return string(out)
}

// oldUIDPrefix starts the UID of a client's card in vipbook's exports
// before clientUID: "vipbook-" and the client's id.
const oldUIDPrefix = "vipbook-"

// csvKey is the key of a CSV row's id: "csv:" and the id.
func csvKey(id string) string { return "csv:" + id }

// fileKey reports whether a link read from a file is still the file's
// key (a urn:uuid: or csv: one), not a client id of the book, which never
// holds a colon.
func fileKey(s string) bool { return strings.Contains(s, ":") }

// hasFileKeys reports whether p links to another record by its key.
func hasFileKeys(p *profile.Profile) bool {
	if fileKey(p.ReferredBy) {
		return true
	}
	for _, m := range p.Household {
		if fileKey(m.ClientID) {
			return true
		}
	}
	return false
}

// relink replaces p's links that are file keys: by the id to makes of
// the key, kept as they are when keep says so (the record is one the
// import adds: its id comes at Apply), dropped otherwise. It reports
// whether a link changed.
func relink(p *profile.Profile, to func(key string) (id string, keep bool)) bool {
	changed := false
	one := func(s *string) {
		if !fileKey(*s) {
			return
		}
		id, keep := to(*s)
		switch {
		case id != "":
			*s, changed = id, true
		case !keep:
			*s, changed = "", true
		}
	}
	one(&p.ReferredBy)
	for i := range p.Household {
		one(&p.Household[i].ClientID)
	}
	return changed
}

// bookUIDs maps the UID of every client of the book (clientUID) to its
// id, for links to clients the file does not hold.
func bookUIDs(sums []profile.Summary) map[string]string {
	out := make(map[string]string, len(sums))
	for i := range sums {
		out[clientUID(sums[i].ID)] = sums[i].ID
	}
	return out
}

// uidsOf returns the record's key as a list, empty when it has none.
func uidsOf(r *Record) []string {
	if r.UID == "" {
		return nil
	}
	return []string{r.UID}
}

// linkRecords makes the links of the file's records (file keys) the ids
// of the clients of the book the records they name are (ix matches them
// as MakePlan will), or the UIDs of the book's clients; links to records
// of the file the import adds stay keys, for Apply; links to none are
// dropped. Nothing is read when no record links.
func linkRecords(rs []Record, ix *merge.Index, cc string, sums []profile.Summary) {
	linked := false
	for i := range rs {
		linked = linked || hasFileKeys(&rs[i].Profile)
	}
	if !linked {
		return
	}
	inBook, inFile := map[string]string{}, map[string]bool{}
	for i := range rs {
		if rs[i].UID == "" {
			continue
		}
		inFile[rs[i].UID] = true
		if m, ok := ix.Match("", rs[i].keys(cc)); ok && len(m.Others) == 0 {
			inBook[rs[i].UID] = m.ID
		}
	}
	var uids map[string]string
	for i := range rs {
		if !hasFileKeys(&rs[i].Profile) {
			continue
		}
		relink(&rs[i].Profile, func(key string) (string, bool) {
			if id := inBook[key]; id != "" {
				return id, false
			}
			if inFile[key] {
				return "", true
			}
			if uids == nil {
				uids = bookUIDs(sums)
			}
			return uids[key], false
		})
	}
}
