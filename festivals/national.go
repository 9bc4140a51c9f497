package festivals

import (
	"sort"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
)

// nationalDay is a country's national day.
type nationalDay struct {
	month  time.Month
	day    int
	name   string
	nameZH string
	// sundayBack moves the day one day earlier when it falls on a Sunday
	// (the Netherlands' King's Day).
	sundayBack bool
}

// nationalDays are the national days of the clients' common countries, by
// ISO 3166 alpha-2 code. Countries without one national day (the United
// Kingdom) are not listed.
var nationalDays = map[string]nationalDay{
	"AE": {12, 2, "National Day (UAE)", "阿联酋国庆日", false},
	"AR": {5, 25, "May Revolution Day (Argentina)", "阿根廷五月革命纪念日", false},
	"AT": {10, 26, "National Day (Austria)", "奥地利国庆日", false},
	"AU": {1, 26, "Australia Day", "澳大利亚国庆日", false},
	"BE": {7, 21, "National Day (Belgium)", "比利时国庆日", false},
	"BR": {9, 7, "Independence Day (Brazil)", "巴西独立日", false},
	"CA": {7, 1, "Canada Day", "加拿大国庆日", false},
	"CH": {8, 1, "Swiss National Day", "瑞士国庆日", false},
	"CL": {9, 18, "National Day (Chile)", "智利国庆日", false},
	"CN": {10, 1, "National Day (China)", "国庆节", false},
	"CZ": {10, 28, "Independent Czechoslovak State Day", "捷克建国纪念日", false},
	"DE": {10, 3, "German Unity Day", "德国统一日", false},
	"DK": {6, 5, "Constitution Day (Denmark)", "丹麦宪法日", false},
	"EG": {7, 23, "Revolution Day (Egypt)", "埃及国庆日", false},
	"ES": {10, 12, "National Day of Spain", "西班牙国庆日", false},
	"FI": {12, 6, "Independence Day (Finland)", "芬兰独立日", false},
	"FR": {7, 14, "Bastille Day", "法国国庆日", false},
	"GR": {3, 25, "Independence Day (Greece)", "希腊独立日", false},
	"HU": {8, 20, "St Stephen's Day (Hungary)", "匈牙利国庆日", false},
	"ID": {8, 17, "Independence Day (Indonesia)", "印度尼西亚独立日", false},
	"IE": {3, 17, "St Patrick's Day", "圣帕特里克节", false},
	"IN": {8, 15, "Independence Day (India)", "印度独立日", false},
	"IT": {6, 2, "Republic Day (Italy)", "意大利共和国日", false},
	"JP": {2, 11, "National Foundation Day (Japan)", "日本建国纪念日", false},
	"KH": {11, 9, "Independence Day (Cambodia)", "柬埔寨独立日", false},
	"KR": {10, 3, "National Foundation Day (Korea)", "韩国开天节", false},
	"KZ": {12, 16, "Independence Day (Kazakhstan)", "哈萨克斯坦独立日", false},
	"LA": {12, 2, "National Day (Laos)", "老挝国庆日", false},
	"MN": {7, 11, "Naadam (Mongolia)", "蒙古国那达慕", false},
	"MX": {9, 16, "Independence Day (Mexico)", "墨西哥独立日", false},
	"MY": {8, 31, "Merdeka Day (Malaysia)", "马来西亚国庆日", false},
	"NL": {4, 27, "King's Day (Netherlands)", "荷兰国王节", true},
	"NO": {5, 17, "Constitution Day (Norway)", "挪威宪法日", false},
	"NZ": {2, 6, "Waitangi Day (New Zealand)", "新西兰国庆日", false},
	"PH": {6, 12, "Independence Day (Philippines)", "菲律宾独立日", false},
	"PK": {8, 14, "Independence Day (Pakistan)", "巴基斯坦独立日", false},
	"PL": {11, 11, "Independence Day (Poland)", "波兰独立日", false},
	"PT": {6, 10, "Portugal Day", "葡萄牙国庆日", false},
	"QA": {12, 18, "National Day (Qatar)", "卡塔尔国庆日", false},
	"RU": {6, 12, "Russia Day", "俄罗斯日", false},
	"SA": {9, 23, "Saudi National Day", "沙特国庆日", false},
	"SE": {6, 6, "National Day of Sweden", "瑞典国庆日", false},
	"SG": {8, 9, "National Day (Singapore)", "新加坡国庆日", false},
	"TH": {12, 5, "National Day (Thailand)", "泰国国庆日", false},
	"TR": {10, 29, "Republic Day (Turkey)", "土耳其共和国日", false},
	"US": {7, 4, "Independence Day (US)", "美国独立日", false},
	"VN": {9, 2, "National Day (Vietnam)", "越南国庆日", false},
	"ZA": {4, 27, "Freedom Day (South Africa)", "南非自由日", false},
}

func normCountry(c string) string { return strings.ToUpper(strings.TrimSpace(c)) }

// NationalDay returns the national day of country (ISO 3166 alpha-2, any
// case) in Gregorian year year, and false when the country is not known.
func NationalDay(country string, year int) (Festival, bool) {
	c := normCountry(country)
	nd, ok := nationalDays[c]
	if !ok {
		return Festival{}, false
	}
	d := civil.Date{Year: year, Month: nd.month, Day: nd.day}
	if nd.sundayBack && d.Weekday() == time.Sunday {
		d = d.AddDays(-1)
	}
	return Festival{Key: "national_day:" + c, Name: nd.name, NameZH: nd.nameZH, Date: d, Kind: National, Theme: Civic, Country: c}, true
}

// NextNationalDay returns the first national day of country on or after from.
func NextNationalDay(country string, from civil.Date) (Festival, bool) {
	f, ok := NationalDay(country, from.Year)
	if ok && f.Date.Before(from) {
		f, ok = NationalDay(country, from.Year+1)
	}
	return f, ok
}

// Countries lists the countries whose national day is known, sorted.
func Countries() []string {
	out := make([]string, 0, len(nationalDays))
	for c := range nationalDays {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
