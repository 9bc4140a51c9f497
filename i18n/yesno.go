package i18n

import (
	"errors"

	"github.com/vipbook/vipbook/profile"
)

// yesNoError says a profile.YesNoError in the catalog's language, naming
// the words that are read, or returns false when err holds none.
func (c *Catalog) yesNoError(err error) (string, bool) {
	var ye *profile.YesNoError
	if !errors.As(err, &ye) {
		return "", false
	}
	pairs := make([]string, len(profile.YesWords))
	for i := range pairs {
		pairs[i] = profile.YesWords[i] + "/" + profile.NoWords[i]
	}
	if c.IsChinese() { // 是/否 first
		pairs = append(pairs[len(pairs)-1:], pairs[:len(pairs)-1]...)
	}
	return c.T(ErrYesNo, ye.Field, ye.Input, c.List(pairs)), true
}

func initYesNo1() {
	en[ErrYesNo] = "%s is yes or no, not %q: write one of %s"
	zh[ErrYesNo] = "%s 只能是“是”或“否”，不能是“%s”：请写 %s 之一"
	en[ErrCountryCode] = "country is a two-letter code such as CN, FR, JP, not %q"
	zh[ErrCountryCode] = "国家/地区要写两个字母的代码，例如 CN、FR、JP，不能是“%s”"
}
