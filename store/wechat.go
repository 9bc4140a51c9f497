package store

import (
	"bytes"
	"strings"
)

// FindByWeChat returns the ids of the clients whose WeChat id is w (case
// does not matter). There is no index of WeChat ids: the stored profiles'
// bytes are searched for the id, and only those that hold it are decoded.
func (tx *Tx) FindByWeChat(w string) []string {
	w = strings.TrimSpace(w)
	if w == "" {
		return nil
	}
	low := bytes.ToLower([]byte(w))
	var ids []string
	_ = tx.bucket(bClients).ForEach(func(k, v []byte) error {
		if !bytes.Contains(bytes.ToLower(v), low) {
			return nil
		}
		var p struct {
			WeChat string `json:"wechat"`
		}
		if unmarshalRecord(v, &p) == nil && strings.EqualFold(strings.TrimSpace(p.WeChat), w) {
			ids = append(ids, string(k))
		}
		return nil
	})
	return ids
}
