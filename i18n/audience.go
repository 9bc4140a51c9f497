package i18n

import "fmt"

// audiences word whom a festival matters to (briefing.Audience), in
// English and Chinese; "nation" takes the festival's country.
var audiences map[string][2]string

func audiencesTable() map[string][2]string {
	return map[string][2]string{
		"everyone": {"every client", "所有客户"},
		"chinese":  {"Chinese clients", "中国客户"},
		"couples":  {"clients with a wedding anniversary", "有结婚纪念日记录的客户"},
		"parents":  {"clients with children", "有孩子的客户"},
		"elderly":  {"elderly Chinese clients", "年长的中国客户"},
		"women":    {"women clients (check each profile)", "女性客户（请查看客户资料）"},
		"nation":   {"clients from %s", "来自 %s 的客户"},
	}
}

// Audience says whom a festival matters to: a (a briefing.Audience), and
// the festival's country for a national day.
func (c *Catalog) Audience(a, country string) string {
	w, ok := audiences[a]
	if !ok {
		return a
	}
	s := c.pair(w[0], w[1])
	if a == "nation" {
		return fmt.Sprintf(s, country)
	}
	return s
}
