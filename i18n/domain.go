package i18n

import (
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// NoteKind names a kind of note.
func (c *Catalog) NoteKind(k notes.Kind) string {
	m := map[notes.Kind]Key{notes.General: NoteGeneral, notes.Visit: NoteVisit, notes.Call: NoteCall,
		notes.Message: NoteMessage, notes.Preference: NotePreference, notes.Size: NoteSize,
		notes.Complaint: NoteComplaint, notes.SpecialRequest: NoteSpecialRequest, notes.Situation: NoteSituation}
	if key, ok := m[k]; ok {
		return c.T(key)
	}
	return string(k)
}

// TaskKind names a kind of follow-up.
func (c *Catalog) TaskKind(k tasks.Kind) string {
	m := map[tasks.Kind]Key{tasks.Custom: TaskCustom, tasks.CallBack: TaskCallBack, tasks.ThankYou: TaskThankYou,
		tasks.CareMessage: TaskCareMessage, tasks.ServiceInvite: TaskServiceInvite,
		tasks.BirthdayGreeting: TaskBirthdayGreeting, tasks.ReferralThanks: TaskReferralThanks,
		tasks.ComplaintFollowUp: TaskComplaintFollowUp, tasks.PersonalVisit: TaskPersonalVisit,
		tasks.Introduce: TaskIntroduce, tasks.CardRenewal: TaskCardRenewal}
	if key, ok := m[k]; ok {
		return c.T(key)
	}
	return string(k)
}

// DateKind names a kind of important date.
func (c *Catalog) DateKind(k profile.DateKind) string {
	m := map[profile.DateKind]Key{profile.DateBirthday: DateBirthday, profile.DateAnniversary: DateAnniversary,
		profile.DateChildBirthday: DateChildBirthday, profile.DateFamilyBirthday: DateFamilyBirthday,
		profile.DateFirstPurchase: DateFirstPurchase, profile.DateCustom: DateCustom}
	if key, ok := m[k]; ok {
		return c.T(key)
	}
	return string(k)
}

// DateWhose names an important date by its label, else its kind, and
// whose it is when it is not the client's own (for, a household member's
// name): "Lily's birthday", "Lily的生日", "张伟的结婚纪念日". A family or
// child's birthday of a named person is their birthday.
func (c *Catalog) DateWhose(kind profile.DateKind, label, whose string) string {
	if whose != "" && label == "" && (kind == profile.DateFamilyBirthday || kind == profile.DateChildBirthday) {
		kind = profile.DateBirthday
	}
	s := label
	if s == "" {
		s = c.DateKind(kind)
	}
	if whose != "" {
		s = c.T(CliProfileDateFor, whose, s)
	}
	return s
}

// DateLabel names an important date: its label when it has one, else its
// kind, with whose it is (DateWhose), marked lunar when it follows the
// lunar calendar.
func (c *Catalog) DateLabel(d profile.ImportantDate) string {
	s := c.DateWhose(d.Kind, d.Label, d.For)
	if d.Lunar {
		s = c.Beside(s, c.T(DateLunar))
	}
	return s
}

// DateAge says how old a date is on its day: "(turns 40)" for a
// birthday, "(10 years)" (周年) for an anniversary or a first purchase.
func (c *Catalog) DateAge(k profile.DateKind, n int) string {
	switch k {
	case profile.DateBirthday, profile.DateChildBirthday, profile.DateFamilyBirthday:
		return c.T(DateTurns, n)
	}
	return c.N(DateYears, n, n)
}

// Channel names a contact channel.
func (c *Catalog) Channel(ch profile.Channel) string {
	m := map[profile.Channel]Key{profile.ChannelWeChat: ChannelWeChat, profile.ChannelSMS: ChannelSMS,
		profile.ChannelPhone: ChannelPhone, profile.ChannelEmail: ChannelEmail}
	if key, ok := m[ch]; ok {
		return c.T(key)
	}
	return string(ch)
}

// PhoneLabel names a phone's label: the book keeps mobile, home and work
// (what import reads from a column's or a card's type) in English, and
// shows them in the language in use; another label is shown as written.
func (c *Catalog) PhoneLabel(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "mobile", "cell":
		return c.T(PhoneMobile)
	case "home":
		return c.T(PhoneHome)
	case "work":
		return c.T(PhoneWork)
	}
	return label
}

// Phone is a number as the associate reads it, with its label named in
// the language in use: "138 0013 8000 (mobile)", "138 0013 8000（手机）".
func (c *Catalog) Phone(p profile.Phone, cc string) string {
	n := profile.FormatPhone(p.Number, cc)
	if p.Label == "" {
		return n
	}
	return c.T(PhoneLabelled, n, c.PhoneLabel(p.Label))
}

// Relation names a household member's relation: the ones the book and
// import keep in English (spouse, child, ...) in the language in use;
// another is shown as written.
func (c *Catalog) Relation(rel string) string {
	m := map[string]Key{"spouse": RelSpouse, "husband": RelSpouse, "wife": RelSpouse, "child": RelChild,
		"son": RelChild, "daughter": RelChild, "mother": RelMother, "father": RelFather, "parent": RelParent,
		"brother": RelBrother, "sister": RelSister, "partner": RelPartner, "friend": RelFriend,
		"manager": RelManager, "assistant": RelAssistant, "other": RelOther}
	if key, ok := m[strings.ToLower(strings.TrimSpace(rel))]; ok {
		return c.T(key)
	}
	return rel
}

// Member is a household member as the profile lists them: the name and
// the relation in brackets, or the relation alone when it is the name
// too (a member written by relation only).
func (c *Catalog) Member(m profile.Member) string {
	if m.Relation == "" {
		return m.Name
	}
	rel := c.Relation(m.Relation)
	if m.Relation == m.Name || m.Name == "" {
		return rel
	}
	return c.T(MemberRelation, m.Name, rel)
}

// PrefKind names a kind of preference.
func (c *Catalog) PrefKind(k profile.PrefKind) string {
	m := map[profile.PrefKind]Key{profile.PrefCategory: PrefCategory, profile.PrefStyle: PrefStyle,
		profile.PrefColour: PrefColour, profile.PrefMaterial: PrefMaterial, profile.PrefBrand: PrefBrand,
		profile.PrefFit: PrefFit, profile.PrefLine: PrefLine, profile.PrefOccasion: PrefOccasion, profile.PrefOther: PrefOther}
	if key, ok := m[k]; ok {
		return c.T(key)
	}
	return string(k)
}

// SpecialFlag names a special-person flag (as profile.Special.Flags gives
// them).
func (c *Catalog) SpecialFlag(f string) string {
	m := map[string]Key{"child": SpecialChild, "elderly": SpecialElderly, "pregnant": SpecialPregnant,
		"disability": SpecialDisability, "health": SpecialHealth}
	if key, ok := m[f]; ok {
		return c.T(key)
	}
	return f
}

// RequestStatus names where a special request stands.
func (c *Catalog) RequestStatus(s requests.Status) string {
	m := map[requests.Status]Key{requests.Open: RequestOpen, requests.Sourcing: RequestSourcing,
		requests.Fulfilled: RequestFulfilled, requests.Declined: RequestDeclined}
	if key, ok := m[s]; ok {
		return c.T(key)
	}
	return string(s)
}

// ApptStatus names where an appointment stands.
func (c *Catalog) ApptStatus(s visits.Status) string {
	m := map[visits.Status]Key{visits.Booked: ApptBooked, visits.Arrived: ApptArrived, visits.NoShow: ApptNoShow,
		visits.Cancelled: ApptCancelled}
	if key, ok := m[s]; ok {
		return c.T(key)
	}
	return string(s)
}

// TaskStatus names where a follow-up stands.
func (c *Catalog) TaskStatus(s tasks.Status) string {
	m := map[tasks.Status]Key{tasks.Open: TaskOpen, tasks.Done: TaskDone, tasks.Snoozed: TaskSnoozed,
		tasks.Cancelled: TaskCancelled}
	if key, ok := m[s]; ok {
		return c.T(key)
	}
	return string(s)
}

// Weekday names a day of the week.
func (c *Catalog) Weekday(d time.Weekday) string {
	keys := []Key{Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday}
	return c.T(keys[d])
}

// Month names a month.
func (c *Catalog) Month(m time.Month) string {
	keys := []Key{January, February, March, April, May, June, July, August, September, October, November, December}
	if m < time.January || m > time.December {
		return m.String()
	}
	return c.T(keys[m-1])
}

// LongDate writes a day in full: "Tuesday 24 November 2026" or
// "2026年11月24日 星期二". Both languages get the same arguments; the
// Chinese text takes them in its own order.
func (c *Catalog) LongDate(d civil.Date) string {
	return c.T(LongDateFormat, c.Weekday(d.Weekday()), d.Day, c.Month(d.Month), d.Year)
}

// DaysAway says when a day comes: today, tomorrow, in 5 days.
func (c *Catalog) DaysAway(n int) string {
	switch {
	case n == 0:
		return c.T(WhenToday)
	case n == 1:
		return c.T(WhenTomorrow)
	case n > 1:
		return c.N(WhenInDays, n, n)
	case n == -1:
		return c.T(WhenYesterday)
	}
	return c.N(WhenDaysAgo, -n, -n)
}

// List joins items the way the language does: "a, b, c" or "a、b、c".
func (c *Catalog) List(items []string) string {
	if c.IsChinese() {
		return strings.Join(items, "、")
	}
	return strings.Join(items, ", ")
}
