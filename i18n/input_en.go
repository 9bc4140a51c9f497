package i18n

// enInput holds the words of keys_input.go.
var enInput = map[Key]string{
	ErrBadTier:   "%q is not a tier of this book's scheme: use one of %s, or leave the tier empty to let vipbook compute it.",
	ErrBadEmail:  "%q is not an e-mail address: write it as name@example.com.",
	ErrDateRange: "%s is outside vipbook's calendar: give a day between the years %s and %s.",
}

func init() {
	for k, s := range enInput {
		en[k] = s
	}
}
