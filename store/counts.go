package store

// Counts is how many records of each kind a book holds.
type Counts struct {
	Clients      int `json:"clients"`
	Notes        int `json:"notes"`
	Purchases    int `json:"purchases"`
	Tasks        int `json:"tasks"`
	Appointments int `json:"appointments"`
	Requests     int `json:"requests"`
}

// Counts counts the records of each kind (it walks the buckets: a read of
// the whole key space, for the demo's check, not for every screen).
func (tx *Tx) Counts() Counts {
	n := func(name []byte) int {
		if bk := tx.bucket(name); bk != nil {
			return bk.Stats().KeyN
		}
		return 0
	}
	return Counts{Clients: n(bClients), Notes: n(bNoteIDs), Purchases: n(bPurchaseIDs), Tasks: n(bTasks),
		Appointments: n(bAppts), Requests: n(bRequests)}
}
