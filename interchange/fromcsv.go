package interchange

import (
	"errors"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/interchange/sheet"
	"github.com/vipbook/vipbook/profile"
)

// Field is what a CSV column can feed in a profile; the names are those of
// --map FIELD=COLUMN.
type Field string

// The fields a column can feed.
const (
	FieldName      Field = "name"
	FieldGiven     Field = "given"
	FieldMiddle    Field = "middle"
	FieldFamily    Field = "family"
	FieldHonorific Field = "honorific"
	FieldLatinName Field = "latin_name"
	FieldGender    Field = "gender"
	FieldPhone     Field = "phone"
	FieldEmail     Field = "email"
	FieldWeChat    Field = "wechat"
	FieldChannel   Field = "channel"
	FieldCity      Field = "city"
	FieldDistrict  Field = "district"
	FieldCountry   Field = "country"
	// FieldWorkCountry is the country of a business address (Outlook's
	// Business Country/Region): kept in the details, and the region of
	// the row's numbers when it has no home country.
	FieldWorkCountry    Field = "work_country"
	FieldAddress        Field = "address"
	FieldOccupation     Field = "occupation"
	FieldCompany        Field = "company"
	FieldBirthday       Field = "birthday"
	FieldLunarBirthday  Field = "lunar_birthday"
	FieldBirthYear      Field = "birth_year"
	FieldBirthMonth     Field = "birth_month"
	FieldBirthDay       Field = "birth_day"
	FieldAnniversary    Field = "anniversary"
	FieldChildBirthday  Field = "child_birthday"
	FieldFamilyBirthday Field = "family_birthday"
	FieldFirstPurchase  Field = "first_purchase"
	FieldDate           Field = "date" // another important date; its label is the header
	FieldTags           Field = "tags"
	FieldNote           Field = "note"
	FieldDoNotContact   Field = "do_not_contact"
	// FieldAcceptsMarketing is a yes/no column of consent to be contacted
	// (Shopify's Accepts Email Marketing, Accepts SMS Marketing): a client
	// whose every such column says no is imported as do-not-contact.
	FieldAcceptsMarketing Field = "accepts_marketing"
	// The profile's entries, each cell a list "NAME: WHAT; …" as the
	// export writes it (see profilecells.go): sizes, likes and dislikes
	// with their category, made-to-order measurements, the household
	// with each relation, a spouse's name alone, membership cards.
	FieldSizes        Field = "sizes"
	FieldSizeHistory  Field = "size_history"
	FieldLikes        Field = "likes"
	FieldDislikes     Field = "dislikes"
	FieldMeasurements Field = "measurements"
	FieldHousehold    Field = "household"
	FieldSpouse       Field = "spouse"
	FieldCards        Field = "cards"
	// FieldMeasurementHistory is every measurement with its day, old
	// ones too (vipbook's measurement_history column).
	FieldMeasurementHistory Field = "measurement_history"
	// FieldReferredBy is the id of the client who referred this one, a
	// row of the same export (vipbook's referred_by column).
	FieldReferredBy Field = "referred_by"
	// The rest of the profile, as vipbook's CSV export writes it
	// (profilecells.go): the client's store and counter, the best time
	// to reach them, hobbies and gift preferences (lists), why the brand,
	// what would move them, the share of wallet, made-to-order
	// specifications, the special-person flags with their note, and when
	// and how the consent was recorded.
	FieldHomeStore       Field = "home_store"
	FieldCounter         Field = "counter"
	FieldBestTime        Field = "best_time"
	FieldHobbies         Field = "hobbies"
	FieldGiftPrefs       Field = "gift_prefs"
	FieldWhyBrand        Field = "why_brand"
	FieldMotivator       Field = "motivator"
	FieldShareOfWallet   Field = "share_of_wallet"
	FieldMadeToOrder     Field = "made_to_order"
	FieldSpecial         Field = "special"
	FieldConsentRecorded Field = "consent_recorded"
	// FieldGifts is the gift log, each part "DAY: WHAT [ID, for
	// DATE-ID]" (vipbook's gifts column; the bracket may be left out).
	FieldGifts Field = "gifts"
)

// Fields lists every field --map accepts, in the order a preview shows them.
var Fields = []Field{FieldName, FieldGiven, FieldMiddle, FieldFamily, FieldHonorific, FieldLatinName, FieldGender,
	FieldPhone, FieldEmail, FieldWeChat, FieldChannel, FieldCity, FieldDistrict, FieldCountry, FieldWorkCountry, FieldAddress,
	FieldOccupation, FieldCompany, FieldBirthday, FieldLunarBirthday, FieldBirthYear, FieldBirthMonth, FieldBirthDay,
	FieldAnniversary, FieldChildBirthday, FieldFamilyBirthday, FieldFirstPurchase, FieldDate, FieldTags, FieldNote, FieldDoNotContact, FieldAcceptsMarketing,
	FieldSizes, FieldLikes, FieldDislikes, FieldMeasurements, FieldHousehold, FieldSpouse, FieldCards, FieldSizeHistory,
	FieldMeasurementHistory, FieldReferredBy, FieldHomeStore, FieldCounter, FieldBestTime, FieldHobbies, FieldGiftPrefs, FieldWhyBrand,
	FieldMotivator, FieldShareOfWallet, FieldMadeToOrder, FieldSpecial, FieldConsentRecorded, FieldGifts}

// multi are the fields several columns may feed at once.
var multi = map[Field]bool{FieldPhone: true, FieldEmail: true, FieldTags: true, FieldNote: true, FieldDate: true, FieldAddress: true,
	FieldChildBirthday: true, FieldFamilyBirthday: true,
	FieldAcceptsMarketing: true, FieldSizes: true, FieldSizeHistory: true, FieldLikes: true, FieldDislikes: true, FieldMeasurements: true,
	FieldMeasurementHistory: true, FieldHousehold: true, FieldSpouse: true, FieldCards: true}

// headerFields maps headers, normalised (lower case, single spaces, "_"
// and "-" read as spaces), to fields: the exports of Google Contacts,
// Outlook (desktop and web), Thunderbird, Roundcube, Shopify, Chinese
// sheets (simplified and traditional), and vipbook's own CSV.
var headerFields = sync.OnceValue(func() map[string]Field {
	return map[string]Field{
		"name": FieldName, "display name": FieldName, "full name": FieldName, "customer name": FieldName, "contact name": FieldName,
		"姓名": FieldName, "名字": FieldName, "客户姓名": FieldName, "客戶姓名": FieldName, "顾客姓名": FieldName, "会员姓名": FieldName,
		"會員姓名": FieldName, "客户": FieldName, "客户名称": FieldName, "联系人": FieldName, "聯絡人": FieldName, "联系人姓名": FieldName,
		"first name": FieldGiven, "given name": FieldGiven, "firstname": FieldGiven, "名": FieldGiven,
		"middle name": FieldMiddle, "additional name": FieldMiddle,
		"last name": FieldFamily, "family name": FieldFamily, "surname": FieldFamily, "lastname": FieldFamily, "姓": FieldFamily,
		"title": FieldHonorific, "name prefix": FieldHonorific, "prefix": FieldHonorific, "honorific": FieldHonorific,
		"salutation": FieldHonorific, "称呼": FieldHonorific, "稱謂": FieldHonorific, "称谓": FieldHonorific,
		"latin name": FieldLatinName, "english name": FieldLatinName, "英文名": FieldLatinName, "英文姓名": FieldLatinName, "拼音": FieldLatinName,
		"gender": FieldGender, "sex": FieldGender, "性别": FieldGender, "性別": FieldGender,
		"phone": FieldPhone, "phones": FieldPhone, "mobile": FieldPhone, "mobile phone": FieldPhone, "mobile number": FieldPhone,
		"cell": FieldPhone, "cell phone": FieldPhone, "home phone": FieldPhone, "home phone 2": FieldPhone, "business phone": FieldPhone,
		"business phone 2": FieldPhone, "work phone": FieldPhone, "other phone": FieldPhone, "primary phone": FieldPhone,
		"car phone": FieldPhone, "home mobile": FieldPhone, "company main phone": FieldPhone, "telephone": FieldPhone,
		"phone number": FieldPhone, "default address phone": FieldPhone, "手机": FieldPhone, "手機": FieldPhone, "手机号": FieldPhone,
		"手机号码": FieldPhone, "手機號碼": FieldPhone, "电话": FieldPhone, "電話": FieldPhone, "联系电话": FieldPhone,
		"聯絡電話": FieldPhone, "聯繫電話": FieldPhone, "联系方式": FieldPhone, "移动电话": FieldPhone, "电话号码": FieldPhone,
		"email": FieldEmail, "e mail": FieldEmail, "email address": FieldEmail, "e mail address": FieldEmail,
		"e mail 2 address": FieldEmail, "e mail 3 address": FieldEmail, "primary email": FieldEmail, "secondary email": FieldEmail,
		"email home": FieldEmail, "email work": FieldEmail, "email other": FieldEmail, "邮箱": FieldEmail, "电子邮件": FieldEmail,
		"電子郵件": FieldEmail, "电子邮箱": FieldEmail, "邮件": FieldEmail, "電郵": FieldEmail,
		"wechat": FieldWeChat, "weixin": FieldWeChat, "微信": FieldWeChat, "微信号": FieldWeChat, "微信號": FieldWeChat,
		"channel": FieldChannel, "preferred channel": FieldChannel,
		"city": FieldCity, "home city": FieldCity, "address 1 city": FieldCity, "default address city": FieldCity,
		"城市": FieldCity, "所在城市": FieldCity,
		"district": FieldDistrict, "区": FieldDistrict, "区县": FieldDistrict, "區": FieldDistrict, "城区": FieldDistrict,
		"country": FieldCountry, "home country": FieldCountry, "home country/region": FieldCountry, "country code": FieldCountry,
		"address 1 country": FieldCountry, "国家": FieldCountry, "國家": FieldCountry,
		"business country/region": FieldWorkCountry, "business country": FieldWorkCountry, "work country": FieldWorkCountry,
		"company country": FieldWorkCountry, "land/region geschäftlich": FieldWorkCountry, "pays/région (bureau)": FieldWorkCountry,
		"商务地址 国家/地区": FieldWorkCountry, "公司所在国家/地区": FieldWorkCountry, "商務 國家/地區": FieldWorkCountry,
		"address": FieldAddress, "home address": FieldAddress, "home street": FieldAddress, "address1": FieldAddress,
		"address 1 formatted": FieldAddress, "地址": FieldAddress, "住址": FieldAddress, "家庭住址": FieldAddress,
		"job title": FieldOccupation, "occupation": FieldOccupation, "organization 1 title": FieldOccupation,
		"职业": FieldOccupation, "職業": FieldOccupation, "职位": FieldOccupation, "職位": FieldOccupation,
		"company": FieldCompany, "organization": FieldCompany, "organization 1 name": FieldCompany,
		"公司": FieldCompany, "单位": FieldCompany, "單位": FieldCompany, "工作单位": FieldCompany,
		"birthday": FieldBirthday, "birth date": FieldBirthday, "date of birth": FieldBirthday, "dob": FieldBirthday,
		"生日": FieldBirthday, "出生日期": FieldBirthday, "公历生日": FieldBirthday,
		"child birthdays": FieldChildBirthday, "children's birthdays": FieldChildBirthday, "孩子生日": FieldChildBirthday,
		"family birthdays": FieldFamilyBirthday, "家人生日": FieldFamilyBirthday, "first purchase": FieldFirstPurchase,
		"other dates":    FieldDate,
		"lunar birthday": FieldLunarBirthday, "农历生日": FieldLunarBirthday, "農曆生日": FieldLunarBirthday, "阴历生日": FieldLunarBirthday,
		"birth year": FieldBirthYear, "birth month": FieldBirthMonth, "birth day": FieldBirthDay,
		"anniversary": FieldAnniversary, "wedding anniversary": FieldAnniversary, "纪念日": FieldAnniversary,
		"结婚纪念日": FieldAnniversary, "結婚紀念日": FieldAnniversary,
		"tags": FieldTags, "tag": FieldTags, "categories": FieldTags, "group membership": FieldTags, "groups": FieldTags,
		"labels": FieldTags, "标签": FieldTags, "標籤": FieldTags, "分组": FieldTags, "分組": FieldTags,
		"note": FieldNote, "notes": FieldNote, "remarks": FieldNote, "备注": FieldNote, "備註": FieldNote, "说明": FieldNote,
		"do not contact": FieldDoNotContact, "勿扰": FieldDoNotContact, "请勿联系": FieldDoNotContact, "拒绝联系": FieldDoNotContact,
		"accepts marketing": FieldAcceptsMarketing, "accepts email marketing": FieldAcceptsMarketing,
		"accepts sms marketing": FieldAcceptsMarketing, "email marketing consent": FieldAcceptsMarketing,
		"sms marketing consent": FieldAcceptsMarketing, "marketing opt in": FieldAcceptsMarketing, "email opt in": FieldAcceptsMarketing,
		"sms opt in": FieldAcceptsMarketing, "newsletter": FieldAcceptsMarketing, "接受营销": FieldAcceptsMarketing,
		"接受营销邮件": FieldAcceptsMarketing, "接受营销短信": FieldAcceptsMarketing, "同意营销": FieldAcceptsMarketing,
		"sizes": FieldSizes, "size": FieldSizes, "尺码": FieldSizes, "尺寸": FieldSizes,
		"size history": FieldSizeHistory, "sizes history": FieldSizeHistory, "尺码记录": FieldSizeHistory, "尺码历史": FieldSizeHistory,
		"likes": FieldLikes, "preferences": FieldLikes, "喜好": FieldLikes, "喜欢": FieldLikes, "偏好": FieldLikes,
		"dislikes": FieldDislikes, "不喜欢": FieldDislikes, "忌讳": FieldDislikes,
		"referred by": FieldReferredBy,
		"home store":  FieldHomeStore, "store": FieldHomeStore, "门店": FieldHomeStore, "所属门店": FieldHomeStore,
		"counter": FieldCounter, "专柜": FieldCounter, "best time": FieldBestTime, "hobbies": FieldHobbies, "爱好": FieldHobbies,
		"gift prefs": FieldGiftPrefs, "why brand": FieldWhyBrand, "motivator": FieldMotivator, "share of wallet": FieldShareOfWallet,
		"made to order": FieldMadeToOrder, "special": FieldSpecial, "consent recorded": FieldConsentRecorded,
		"gifts": FieldGifts, "gift log": FieldGifts, "礼品记录": FieldGifts, "送礼记录": FieldGifts, "禮品記錄": FieldGifts,
		"measurement history": FieldMeasurementHistory, "量体记录": FieldMeasurementHistory,
		"measurements": FieldMeasurements, "定制尺寸": FieldMeasurements, "量体数据": FieldMeasurements,
		"household": FieldHousehold, "family members": FieldHousehold, "家人": FieldHousehold, "家庭成员": FieldHousehold,
		"spouse": FieldSpouse, "partner": FieldSpouse, "配偶": FieldSpouse,
		"cards": FieldCards, "card": FieldCards, "card number": FieldCards, "membership card": FieldCards,
		"member card": FieldCards, "loyalty card": FieldCards, "会员卡": FieldCards, "会员卡号": FieldCards, "會員卡號": FieldCards, "卡号": FieldCards,
	}
})

// foreignHeaders maps the headers of the German, French, Japanese and
// Chinese exports of Outlook, Thunderbird, Google Contacts and Windows
// Live Mail (normalised as headerFields) to fields. A day-of-month column
// (Thunderbird's Geburtstag, 誕生日, 出生日, Jour) is told from a whole
// birthday (Outlook's Geburtstag, 誕生日) by a birth-month column beside
// it: see DetectMapping.
var foreignHeaders = sync.OnceValue(func() map[string]Field {
	return map[string]Field{
		// German
		"vorname": FieldGiven, "nachname": FieldFamily, "weitere vornamen": FieldMiddle, "2. vorname": FieldMiddle, "anzeigename": FieldName,
		"name": FieldName, "anrede": FieldHonorific,
		"e mail adresse": FieldEmail, "primäre e mail adresse": FieldEmail, "sekundäre e mail adresse": FieldEmail,
		"e mail 2 adresse": FieldEmail, "e mail 3 adresse": FieldEmail,
		"mobiltelefon": FieldPhone, "mobiltelefon 2": FieldPhone, "mobil tel. nr.": FieldPhone, "handy": FieldPhone,
		"telefon privat": FieldPhone, "telefon privat 2": FieldPhone, "tel. privat": FieldPhone, "telefon (privat)": FieldPhone,
		"telefon geschäftlich": FieldPhone, "telefon geschäftlich 2": FieldPhone, "tel. dienstlich": FieldPhone,
		"telefon (geschäftlich)": FieldPhone, "haupttelefon": FieldPhone, "weiteres telefon": FieldPhone,
		"ort privat": FieldCity, "privat ort": FieldCity, "ort (privat)": FieldCity,
		"land/region privat": FieldCountry, "privat land": FieldCountry, "land/region (privat)": FieldCountry,
		"straße privat": FieldAddress, "privat adresse": FieldAddress, "straße (privat)": FieldAddress,
		"position": FieldOccupation, "arbeitstitel": FieldOccupation, "firma": FieldCompany, "organisation": FieldCompany,
		"geburtstag": FieldBirthday, "geburtsjahr": FieldBirthYear, "geburtsmonat": FieldBirthMonth, "jahrestag": FieldAnniversary,
		"kategorien": FieldTags, "notizen": FieldNote, "geschlecht": FieldGender,
		// French
		"prénom": FieldGiven, "nom": FieldFamily, "nom de famille": FieldFamily, "deuxième prénom": FieldMiddle, "nom à afficher": FieldName,
		"nom complet": FieldName, "titre": FieldHonorific,
		"adresse de messagerie": FieldEmail, "adresse électronique principale": FieldEmail, "adresse électronique secondaire": FieldEmail,
		"adresse de messagerie 2": FieldEmail, "adresse de messagerie 3": FieldEmail,
		"tél. mobile": FieldPhone, "téléphone mobile": FieldPhone, "portable": FieldPhone, "téléphone (domicile)": FieldPhone,
		"tél. personnel": FieldPhone, "téléphone (bureau)": FieldPhone, "tél. professionnel": FieldPhone, "téléphone": FieldPhone,
		"ville (domicile)": FieldCity, "ville": FieldCity, "pays/région (domicile)": FieldCountry, "pays": FieldCountry,
		"rue (domicile)": FieldAddress, "adresse": FieldAddress,
		"fonction": FieldOccupation, "profession": FieldOccupation, "société": FieldCompany,
		"anniversaire": FieldBirthday, "date de naissance": FieldBirthday, "année de naissance": FieldBirthYear,
		"mois de naissance": FieldBirthMonth, "jour de naissance": FieldBirthDay, "anniversaire de mariage": FieldAnniversary,
		"catégories": FieldTags, "sexe": FieldGender,
		"anniversaire de mariage ou fête": FieldAnniversary, "téléphone 2 (domicile)": FieldPhone, "téléphone 2 (bureau)": FieldPhone,
		"téléphone (autre)": FieldPhone, "téléphone principal": FieldPhone, "conjoint(e)": FieldSpouse, "adresse privée": FieldAddress,
		"mois": FieldBirthMonth, "jour": FieldBirthDay, // Thunderbird's birth month and day: read beside a birth year only
		"adresse e mail principale": FieldEmail, "adresse e mail secondaire": FieldEmail, // Thunderbird
		// Japanese
		"表示名": FieldName, "名前": FieldName, "フル ネーム": FieldName, "氏名": FieldName, "ミドル ネーム": FieldMiddle,
		"敬称":      FieldHonorific,
		"メールアドレス": FieldEmail, "電子メール アドレス": FieldEmail, "第 2 メールアドレス": FieldEmail, "電子メール 2 アドレス": FieldEmail,
		"携帯電話番号": FieldPhone, "携帯電話": FieldPhone, "自宅電話番号": FieldPhone, "自宅電話": FieldPhone, "電話 (自宅)": FieldPhone,
		"勤務先電話番号": FieldPhone, "会社電話": FieldPhone, "電話 (会社)": FieldPhone, "電話番号": FieldPhone,
		"市区町村 (自宅)": FieldCity, "市町村 (自宅)": FieldCity, "国 (自宅)": FieldCountry, "国/地域 (自宅)": FieldCountry,
		"自宅住所": FieldAddress, "番地 (自宅)": FieldAddress, "住所": FieldAddress,
		"役職": FieldOccupation, "会社名": FieldCompany, "組織": FieldCompany, "勤務先": FieldCompany,
		"誕生日": FieldBirthday, "誕生年": FieldBirthYear, "誕生月": FieldBirthMonth, "記念日": FieldAnniversary,
		"メモ": FieldNote, "分類": FieldTags, "性別": FieldGender,
		"勤務先の電話番号": FieldPhone, "自宅の電話番号": FieldPhone, "別のメールアドレス": FieldEmail, // Thunderbird
		// Chinese (Thunderbird, Outlook, Windows Live Mail)
		"显示名称": FieldName, "顯示名稱": FieldName, "全名": FieldName,
		"电子邮件地址": FieldEmail, "第二个电子邮件": FieldEmail, "电子邮件 2": FieldEmail, "電子郵件地址": FieldEmail,
		"移动电话号码": FieldPhone, "行動電話": FieldPhone, "住宅电话": FieldPhone, "住宅電話": FieldPhone, "工作电话": FieldPhone,
		"商务电话": FieldPhone, "公司電話": FieldPhone, "家庭电话": FieldPhone,
		"住宅所在城市": FieldCity, "城市 (住宅)": FieldCity, "住宅所在国家/地区": FieldCountry,
		"住宅地址": FieldAddress, "家庭地址": FieldAddress, "单位": FieldCompany,
		"職稱": FieldOccupation, "商務電話": FieldPhone, "住家電話": FieldPhone, "記事": FieldNote,
		"出生年": FieldBirthYear, "出生月": FieldBirthMonth, "出生日": FieldBirthDay, "類別": FieldTags, "类别": FieldTags,
		// Outlook on Traditional Chinese Windows (頭銜,名字,中間名,姓氏,稱謂,…): 名字 is the
		// given name there when 姓氏 is beside it (see DetectMapping); 稱謂 is the suffix.
		"姓氏": FieldFamily, "中間名": FieldMiddle, "頭銜": FieldHonorific, "紀念日": FieldAnniversary,
		"住家 市/鎮": FieldCity, "住家 街": FieldAddress, "住家 國家/地區": FieldCountry,
		"住家電話 2": FieldPhone, "商務電話 2": FieldPhone, "其他電話": FieldPhone, "代表電話": FieldPhone,
		// Thunderbird in Traditional Chinese.
		"主要 email": FieldEmail, "次要 email": FieldEmail, "生日 (年)": FieldBirthYear, "生日 (月)": FieldBirthMonth,
		"生日 (日)": FieldBirthDay, "住家住址": FieldAddress, "居住市鎮": FieldCity, "居住國家": FieldCountry,
		// Outlook on Simplified Chinese Windows (英文称谓,名,中间名,姓,中文称谓,…): 中文称谓
		// is the suffix, 附注 the notes.
		"英文称谓": FieldHonorific, "中间名": FieldMiddle, "职务": FieldOccupation, "附注": FieldNote,
		"住宅地址 街道": FieldAddress, "住宅地址 市/县": FieldCity, "住宅地址 国家/地区": FieldCountry,
		"住宅电话 2": FieldPhone, "商务电话 2": FieldPhone, "主要电话": FieldPhone, "其他电话": FieldPhone,
		// Thunderbird in Simplified Chinese (名字,姓氏,显示名称,…), beside the words above.
		"主要电子邮件": FieldEmail, "备用电子邮件": FieldEmail, "居住国家/地区": FieldCountry, "出生年份": FieldBirthYear,
		"出生月份": FieldBirthMonth, "注释": FieldNote, "住家地址": FieldAddress, "居住縣市": FieldCity, "附註": FieldNote,
		// Korean (Outlook)
		"이름": FieldGiven, "성": FieldFamily, "표시 이름": FieldName, "회사": FieldCompany, "직함": FieldOccupation,
		"회사 전화": FieldPhone, "집 전화": FieldPhone, "휴대폰": FieldPhone, "휴대 전화": FieldPhone, "생일": FieldBirthday,
		"전자 메일 주소": FieldEmail, "메모": FieldNote, "범주": FieldTags,
		// Outlook on Korean Windows (호칭(영문),이름,중간 이름,성,…) and Windows Live Mail.
		"중간 이름": FieldMiddle, "호칭(영문)": FieldHonorific, "전체 이름": FieldName,
		"집 전화 번호": FieldPhone, "집 전화 2": FieldPhone, "근무처 전화": FieldPhone, "근무처 전화 2": FieldPhone,
		"기타 전화": FieldPhone, "기본 전화": FieldPhone, "전화": FieldPhone,
		"집 주소 구/군/시": FieldCity, "구/군/시(집)": FieldCity, "집 번지": FieldAddress, "주소(집)": FieldAddress,
		"집 주소 국가": FieldCountry, "국가(집)": FieldCountry,
		"기념일": FieldAnniversary, "범주 항목": FieldTags, "성별": FieldGender, "배우자": FieldSpouse,
		// Thunderbird in Korean (이름,성,표시명,…): 생일 is the day beside 태어난 달.
		"표시명": FieldName, "기본 메일": FieldEmail, "추가 메일": FieldEmail, "직장 전화": FieldPhone, "자택 전화": FieldPhone,
		"자택 주소1": FieldAddress, "구/군": FieldCity, "국가": FieldCountry, "직위": FieldOccupation, "회사명": FieldCompany,
		"태어난 해": FieldBirthYear, "태어난 달": FieldBirthMonth,
	}
})

// dayHeaders name a day-of-month column when a birth-month column is
// beside them (Thunderbird's Geburtstag, 誕生日 and 생일; Outlook writes a
// whole date under the same words).
var dayHeaders = map[string]bool{"geburtstag": true, "誕生日": true, "出生日": true, "jour": true, "birth day": true, "생일": true}

// bareDateParts are month and day columns whose words say nothing of a
// birth (Thunderbird's French Mois, Jour): read only beside a birth year.
var bareDateParts = map[string]bool{"mois": true, "jour": true}

// numbered matches Google's numbered columns: "Phone 1 - Value",
// "E-mail 2 - Type", "Event 1 - Value", "Address 1 - City".
var numbered = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(phone|e mail|event|relation|website|im) (\d+) (value|type|label)$`)
})

// Column is one column of the file and the field it feeds.
type Column struct {
	Index  int    `json:"index"` // 0-based
	Header string `json:"header"`
	Field  Field  `json:"field"`
	Label  string `json:"label,omitempty"` // phone label (mobile, home, work) or date label
	// TypeIndex is the column giving this one's type (Google's
	// "Phone 1 - Type" for "Phone 1 - Value"), or -1.
	TypeIndex int  `json:"-"`
	Manual    bool `json:"manual,omitempty"` // set by --map
}

// Mapping says which columns feed which fields, and how dates are read.
type Mapping struct {
	Columns   []Column `json:"columns"`
	Unmapped  []string `json:"unmapped,omitempty"`   // headers of columns with text that nothing reads
	DateOrder string   `json:"date_order,omitempty"` // "dmy" or "mdy" for dates written 3/4/1985
	// DateOrderGuessed is true when no date in the file told the order
	// apart (no day above 12): the default was used.
	DateOrderGuessed bool `json:"date_order_guessed,omitempty"`
}

// ownColumn returns the index of the column of vipbook's CSV export
// named en ("id") in the header, in English or Chinese, or -1.
func ownColumn(header []string, en string) int {
	return slices.IndexFunc(header, func(h string) bool { return i18n.CSVColumnOf(h) == en })
}

// headerField returns the field a header feeds: a header of Google,
// Outlook, the Chinese sheets and vipbook's own export (headerFields), a
// column of vipbook's export in Chinese (i18n's CSVColumn), or one of
// the foreign exports (foreignHeaders).
func headerField(h string) (Field, bool) {
	n := normHeader(h)
	if f, ok := headerFields()[n]; ok {
		return f, true
	}
	if en := i18n.CSVColumnOf(h); en != "" {
		f, ok := headerFields()[normHeader(en)]
		return f, ok
	}
	f, ok := foreignHeaders()[n]
	return f, ok
}

func normHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
	h = strings.NewReplacer("_", " ", "-", " ", ":", " ", "：", " ").Replace(h)
	return strings.Join(strings.Fields(h), " ")
}

// phoneLabelOf derives a phone's label from its header.
func phoneLabelOf(h string) string {
	h = normHeader(h)
	has := func(words ...string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return strings.Contains(h, w) })
	}
	switch {
	case has("mobil", "cell", "handy", "portable", "手机", "手機", "携帯", "移动", "行動", "휴대"):
		return "mobile"
	case has("home", "privat", "domicile", "personnel", "自宅", "住宅", "家庭", "住家", "집", "자택"):
		return "home"
	case has("business", "work", "company", "geschäftlich", "dienstlich", "bureau", "professionnel", "会社", "勤務先", "工作", "商务", "商務", "公司", "회사", "근무", "직장"):
		return "work"
	}
	return ""
}

// DetectMapping maps the header of a file to fields, then applies the
// overrides ("FIELD=COLUMN", COLUMN a header or a 1-based column number;
// "FIELD=" reads the field from no column). dateOrder is "dmy", "mdy" or
// "" to detect it from the rows.
func DetectMapping(t *sheet.Table, overrides []string, dateOrder string) (Mapping, error) {
	var m Mapping
	hasField := func(want Field) bool {
		return slices.ContainsFunc(t.Header, func(h string) bool {
			f, _ := headerField(h)
			return f == want
		})
	}
	hasMonth := hasField(FieldBirthMonth)
	hasFamily, hasYear := hasField(FieldFamily), hasField(FieldBirthYear)
	for i, h := range t.Header {
		n := normHeader(h)
		f, ok := headerField(h)
		if ok && hasMonth && dayHeaders[n] {
			f = FieldBirthDay
		}
		if ok && bareDateParts[n] && !hasYear {
			ok = false
		}
		// A Chinese sheet's 名字 is the whole name; beside a family-name
		// column (Outlook's 姓氏) it is the given name.
		if ok && n == "名字" && hasFamily {
			f = FieldGiven
		}
		if ok {
			c := Column{Index: i, Header: h, Field: f, TypeIndex: -1}
			if f == FieldPhone {
				c.Label = phoneLabelOf(h)
			}
			m.Columns = append(m.Columns, c)
			continue
		}
		if g := numbered().FindStringSubmatch(n); g != nil && g[3] == "value" {
			c := Column{Index: i, Header: h, TypeIndex: -1}
			switch g[1] {
			case "phone":
				c.Field = FieldPhone
			case "e mail":
				c.Field = FieldEmail
			case "event":
				c.Field = FieldDate
			default:
				continue
			}
			typeHeader := g[1] + " " + g[2] + " type"
			for j, h2 := range t.Header {
				if normHeader(h2) == typeHeader || normHeader(h2) == g[1]+" "+g[2]+" label" {
					c.TypeIndex = j
				}
			}
			m.Columns = append(m.Columns, c)
		}
	}
	// A single-valued field takes its first column only.
	seen := map[Field]bool{}
	kept := m.Columns[:0]
	for _, c := range m.Columns {
		if !multi[c.Field] && seen[c.Field] {
			continue
		}
		seen[c.Field] = true
		kept = append(kept, c)
	}
	m.Columns = kept
	for _, o := range overrides {
		if err := m.override(t.Header, o); err != nil {
			return m, err
		}
	}
	sort.SliceStable(m.Columns, func(i, j int) bool { return m.Columns[i].Index < m.Columns[j].Index })
	used := map[int]bool{}
	for _, c := range m.Columns {
		used[c.Index] = true
		if c.TypeIndex >= 0 {
			used[c.TypeIndex] = true
		}
	}
	for i, h := range t.Header {
		if used[i] {
			continue
		}
		for _, r := range t.Rows {
			if strings.TrimSpace(r.Get(i)) != "" {
				m.Unmapped = append(m.Unmapped, firstOf(h, "column "+strconv.Itoa(i+1)))
				break
			}
		}
	}
	m.DateOrder, m.DateOrderGuessed = dateOrder, false
	if dateOrder == "" {
		m.DateOrder, m.DateOrderGuessed = detectDateOrder(t, m.Columns)
	}
	return m, nil
}

// override applies one FIELD=COLUMN.
func (m *Mapping) override(header []string, o string) error {
	field, col, ok := strings.Cut(o, "=")
	f := Field(strings.ToLower(strings.TrimSpace(field)))
	if !ok || !slices.ContainsFunc(Fields, func(x Field) bool { return x == f }) {
		names := make([]string, len(Fields))
		for i, x := range Fields {
			names[i] = string(x)
		}
		return refuse(ErrBadMap, i18n.ImportErrMapSyntax, o, strings.Join(names, ", "))
	}
	col = strings.TrimSpace(col)
	idx := -1
	if col != "" {
		for i, h := range header {
			if strings.EqualFold(h, col) || normHeader(h) == normHeader(col) {
				idx = i
				break
			}
		}
		if n, err := strconv.Atoi(col); idx < 0 && err == nil && n >= 1 && n <= len(header) {
			idx = n - 1
		}
		if idx < 0 {
			return refuse(ErrBadMap, i18n.ImportErrMapColumn, o, col, strings.Join(header, ", "))
		}
	}
	// The column now feeds this field only; the field reads only the
	// columns given by --map.
	kept := m.Columns[:0]
	for _, c := range m.Columns {
		if c.Index == idx || (c.Field == f && !c.Manual) {
			continue
		}
		kept = append(kept, c)
	}
	m.Columns = kept
	if idx >= 0 {
		c := Column{Index: idx, Header: header[idx], Field: f, TypeIndex: -1, Manual: true}
		if f == FieldPhone {
			c.Label = phoneLabelOf(header[idx])
		}
		m.Columns = append(m.Columns, c)
	}
	return nil
}

var slashDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(\s.*)?$`) })

// detectDateOrder reads the order of day and month from the dates the file
// writes as a/b/yyyy: a day above 12 first means day-month-year, second
// means month-day-year. With no such clue it guesses day first (as most of
// the world writes), which the preview says.
func detectDateOrder(t *sheet.Table, cols []Column) (string, bool) {
	for _, r := range t.Rows {
		for _, c := range cols {
			switch c.Field {
			case FieldBirthday, FieldAnniversary, FieldDate:
			default:
				continue
			}
			g := slashDate().FindStringSubmatch(strings.TrimSpace(r.Get(c.Index)))
			if g == nil {
				continue
			}
			a, _ := strconv.Atoi(g[1])
			b, _ := strconv.Atoi(g[2])
			switch {
			case a > 12 && b <= 12:
				return "dmy", false
			case b > 12 && a <= 12:
				return "mdy", false
			}
		}
	}
	return "dmy", true
}

// fromRow turns a row into a record by the mapping.
func fromRow(t *sheet.Table, row *sheet.Row, m *Mapping, file phoneRegion) Record {
	r := Record{Line: row.Line}
	if i := ownColumn(t.Header, "id"); i >= 0 && ownColumn(t.Header, "referred_by") >= 0 {
		// vipbook's own export: its rows' links name the rows by id.
		if id := strings.TrimSpace(row.Get(i)); id != "" {
			r.UID = csvKey(id)
		}
	}
	// The row's own country (its home country, else its business
	// country) is where its numbers without a country code are read.
	var home, work string
	for _, c := range m.Columns {
		switch v := strings.TrimSpace(row.Get(c.Index)); {
		case v == "":
		case c.Field == FieldCountry && home == "":
			home = v
		case c.Field == FieldWorkCountry && work == "":
			work = v
		}
	}
	in := recordRegion(home, recordRegion(work, file))
	p := &r.Profile
	var given, middle, family string
	var by, bm, bd string
	var refused, accepted []string // consent columns that say no, yes
	for _, c := range m.Columns {
		v := undefuse(strings.TrimSpace(row.Get(c.Index)))
		if v == "" {
			continue
		}
		typ := ""
		if c.TypeIndex >= 0 {
			typ = strings.TrimSpace(row.Get(c.TypeIndex))
		}
		switch c.Field {
		case FieldName:
			p.Name = v
		case FieldGiven:
			given = v
		case FieldMiddle:
			middle = v
		case FieldFamily:
			family = v
		case FieldHonorific:
			p.Honorific = v
		case FieldLatinName:
			p.LatinName = v
		case FieldGender:
			p.Gender = gender(v)
		case FieldPhone:
			label := c.Label
			if typ != "" {
				label = strings.ToLower(strings.TrimPrefix(typ, "* "))
			}
			for _, n := range splitCell(v) {
				n, own := cutPhoneLabel(n) // vipbook's export: "mobile: +86 138 0013 8000"
				r.addPhone(n, firstOf(own, label), in)
			}
		case FieldEmail:
			for _, e := range splitCell(v) {
				r.addEmail(e)
			}
		case FieldWeChat:
			p.WeChat = v
		case FieldChannel:
			p.Channel = profile.Channel(strings.ToLower(v))
			if !slices.ContainsFunc(profile.Channels, func(x profile.Channel) bool { return x == p.Channel }) {
				p.Channel = ""
			}
		case FieldCity:
			p.City = v
		case FieldDistrict:
			p.District = v
		case FieldWorkCountry:
			r.addDetail("Business country: " + v)
		case FieldCountry:
			if code := countryCode(v); code != "" {
				p.Country = code
			} else {
				r.addDetail("Country: " + v)
			}
		case FieldAddress:
			r.addDetail("Address: " + strings.Join(strings.Fields(strings.ReplaceAll(v, "\n", ", ")), " "))
		case FieldOccupation:
			p.Occupation = joinOccupation(v, p.Occupation)
		case FieldCompany:
			p.Occupation = joinOccupation(p.Occupation, v)
		case FieldBirthday, FieldLunarBirthday, FieldAnniversary, FieldDate, FieldChildBirthday, FieldFamilyBirthday, FieldFirstPurchase:
			kind, label := profile.DateBirthday, ""
			switch c.Field {
			case FieldAnniversary:
				kind = profile.DateAnniversary
			case FieldChildBirthday:
				kind = profile.DateChildBirthday
			case FieldFamilyBirthday:
				kind = profile.DateFamilyBirthday
			case FieldFirstPurchase:
				kind = profile.DateFirstPurchase
			case FieldDate:
				kind, label = profile.DateCustom, firstOf(typ, c.Header)
				if strings.EqualFold(strings.TrimPrefix(typ, "* "), "anniversary") {
					kind, label = profile.DateAnniversary, ""
				} else if strings.EqualFold(strings.TrimPrefix(typ, "* "), "birthday") {
					kind, label = profile.DateBirthday, ""
				}
			}
			if normHeader(c.Header) == "other dates" || i18n.CSVColumnOf(c.Header) == "other_dates" {
				label = "" // vipbook's own column: the labels are in the cells
			}
			// A cell may hold several dates ("; "), each "LABEL: DATE"
			// (as vipbook's export writes them).
			for _, part := range strings.Split(hide(v), "; ") {
				var refd profile.ImportantDate // its id and last gift, in vipbook's export
				if p, ref := cutRef(part); len(ref) > 0 && readDateRef(ref, &refd) {
					part = p
				}
				part, whose := cutFor(strings.TrimSpace(part))
				part, lead := cutLead(part)
				lbl := label
				if i := strings.LastIndex(part, ": "); i > 0 {
					if _, ok, err := parseCellDate(part[i+2:], m.DateOrder, c.Field == FieldLunarBirthday); ok && err == nil {
						part, lbl = part[i+2:], part[:i]
					}
				}
				d, ok, err := parseCellDate(part, m.DateOrder, c.Field == FieldLunarBirthday)
				if err != nil {
					r.warn(i18n.ImportDateNotDate, c.Header, show(part))
					r.addDetail(c.Header + ": " + show(part))
					continue
				}
				if ok {
					d.Kind, d.Label, d.LeadDays, d.For = kind, show(lbl), lead, show(whose)
					d.ID, d.LastGift = refd.ID, refd.LastGift
					r.addDate(d)
				}
			}
		case FieldBirthYear:
			by = v
		case FieldBirthMonth:
			bm = v
		case FieldBirthDay:
			bd = v
		case FieldTags:
			for _, tag := range splitCell(v) {
				r.addTag(tag)
			}
		case FieldNote:
			// Each part of the cell is a note, equal texts too: the
			// export writes one part per note, and two notes may say the
			// same on different days.
			for _, n := range splitNotes(v) {
				if n = strings.TrimSpace(strings.ReplaceAll(n, "\r\n", "\n")); n != "" {
					r.Notes = append(r.Notes, NoteIn{Text: n})
				}
			}
		case FieldSizes, FieldSizeHistory:
			p.Sizes = mergeSizes(append(p.Sizes, readSizes(v, civil.Date{})...))
		case FieldLikes:
			p.Preferences = append(p.Preferences, readPrefs(v, false, civil.Date{})...)
		case FieldDislikes:
			// A part without a category is a plain dislike, as the
			// export writes one ("crowded weekends").
			for _, pt := range cellParts(v) {
				if pt[0] == "" {
					p.Dislikes = append(p.Dislikes, show(pt[1]))
				} else {
					p.Preferences = append(p.Preferences, readPrefs(pt[0]+": "+pt[1], true, civil.Date{})...)
				}
			}
		case FieldMeasurements, FieldMeasurementHistory:
			p.Measurements = mergeMeasurements(append(p.Measurements, readMeasurements(v, civil.Date{})...))
		case FieldHousehold, FieldSpouse:
			rel := ""
			if c.Field == FieldSpouse {
				rel = "spouse"
			}
			p.Household = append(p.Household, readHousehold(v, rel)...)
		case FieldCards:
			if !strings.Contains(v, ": ") && !strings.Contains(v, ",") { // a bare number, as a shop's sheet has it
				p.Cards = append(p.Cards, profile.Card{Number: show(hide(v))})
			} else {
				p.Cards = append(p.Cards, readCards(v)...)
			}
		case FieldHomeStore:
			p.HomeStore = v
		case FieldCounter:
			p.Counter = v
		case FieldBestTime:
			p.BestTime = v
		case FieldWhyBrand:
			p.WhyBrand = v
		case FieldMotivator:
			p.Motivator = v
		case FieldShareOfWallet:
			p.ShareOfWallet = v
		case FieldHobbies:
			for _, pt := range cellParts(v) {
				p.Hobbies = append(p.Hobbies, show(strings.TrimSpace(strings.TrimPrefix(pt[0]+": "+pt[1], ": "))))
			}
		case FieldGiftPrefs:
			for _, pt := range cellParts(v) {
				p.GiftPrefs = append(p.GiftPrefs, show(strings.TrimSpace(strings.TrimPrefix(pt[0]+": "+pt[1], ": "))))
			}
		case FieldMadeToOrder:
			p.MadeToOrder = append(p.MadeToOrder, readMadeToOrder(v)...)
		case FieldSpecial:
			if s, ok := readSpecial(v); ok {
				p.Special = s
			} else {
				r.addDetail(c.Header + ": " + v)
			}
		case FieldGifts:
			gifts, bad := readGifts(v)
			p.Gifts = append(p.Gifts, gifts...)
			for _, b := range bad {
				r.addDetail(c.Header + ": " + b)
			}
		case FieldConsentRecorded:
			at, how := readConsent(v)
			p.Consent.RecordedAt, p.Consent.How = at, how
		case FieldReferredBy:
			if !strings.ContainsAny(v, " ,;") {
				p.ReferredBy = csvKey(v)
			} else {
				r.addDetail(c.Header + ": " + v)
			}
		case FieldDoNotContact:
			if yes(v) {
				p.Consent = profile.Consent{DoNotContact: true, How: "in the imported file"}
			}
		case FieldAcceptsMarketing:
			switch {
			case refusal(v):
				refused = append(refused, c.Header+" = "+v)
			case yes(v) || strings.EqualFold(v, "subscribed"):
				accepted = append(accepted, c.Header+" = "+v)
			}
		}
	}
	switch {
	case len(refused) > 0 && len(accepted) == 0 && !p.Consent.DoNotContact:
		why := strings.Join(refused, ", ")
		p.Consent = profile.Consent{DoNotContact: true, How: "the imported file says " + why}
		r.warn(i18n.ImportNoContact, why)
	case len(refused) > 0:
		r.addDetail("Consent: " + strings.Join(append(refused, accepted...), ", "))
	}
	if p.Name == "" {
		p.Name = joinName(given, middle, family)
	} else if nickname(p.Name, given, family) {
		// Windows Live Mail's "Name" and some display names hold what the
		// contact is called, not who they are ("Maxl" beside Max
		// Mustermann): the parts name the client, the display name is kept.
		r.addDetail("Display name: " + p.Name)
		p.Name = joinName(given, middle, family)
	} else if p.Honorific != "" && strings.HasPrefix(p.Name, p.Honorific+" ") {
		p.Name = strings.TrimSpace(strings.TrimPrefix(p.Name, p.Honorific+" "))
	}
	if bm != "" && bd != "" {
		md := civil.MonthDay{Year: atoiOr(by, 0), Month: monthOf(bm), Day: atoiOr(bd, 0)}
		if md.Valid() {
			r.addDate(profile.ImportantDate{Kind: profile.DateBirthday, When: md})
		} else {
			r.warn(i18n.ImportBirthPartsNotDate, by+"-"+bm+"-"+bd)
			r.addDetail("Birthday: " + by + "-" + bm + "-" + bd)
		}
	}
	settleDates(p)
	for _, x := range row.Extra {
		if x = strings.TrimSpace(x); x != "" {
			r.warn(i18n.ImportExtraCells)
			r.addDetail(strings.Join(row.Extra, " | "))
			break
		}
	}
	return r
}

func monthOf(s string) (mo time.Month) {
	return time.Month(atoiOr(s, 0))
}

func joinOccupation(title, company string) string {
	switch {
	case title == "":
		return company
	case company == "" || strings.Contains(title, company):
		return title
	}
	return title + ", " + company
}

// splitCell cuts a cell holding several values: at Google's " ::: ",
// line breaks, semicolons and the Chinese enumeration comma when it has
// any of them (so "VIP; shoes, bags" is two values), else at commas. A
// mark escaped with a backslash (vipbook's export: "shoes\, bags") cuts
// nothing.
func splitCell(v string) []string {
	v = strings.ReplaceAll(hide(v), ":::", ";")
	strong := func(r rune) bool { return r == ';' || r == '\n' || r == '\r' || r == '、' || r == '；' }
	sep := strong
	if strings.IndexFunc(v, strong) < 0 {
		sep = func(r rune) bool { return r == ',' || r == '，' }
	}
	f := strings.FieldsFunc(v, sep)
	out := f[:0]
	for _, s := range f {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, show(s))
		}
	}
	return out
}

func validEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.ContainsAny(s, " \t<>") && !strings.HasSuffix(s, ".")
}

func yes(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "y", "1", "x", "是", "√", "✓":
		return true
	}
	return false
}

// refusal reports whether a consent cell says no.
func refusal(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "no", "n", "false", "0", "unsubscribed", "not_subscribed", "not subscribed", "opted out", "否", "不", "不同意", "拒绝":
		return true
	}
	return false
}

func gender(v string) string {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "m", "male", "man", "男", "先生", "mr", "男性", "männlich", "masculin", "homme", "남성", "남":
		return "m"
	case "f", "female", "woman", "女", "女士", "ms", "mrs", "女性", "weiblich", "féminin", "femme", "여성", "여":
		return "f"
	}
	return ""
}

var ymdDate = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$`) })

var chineseDate = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$`)
})

// parseCellDate reads a date as spreadsheets write them. ok is false for
// an empty date (Outlook writes 0/0/00). A lunar date as people write it
// (农历八月十五, 八月十五, 腊月廿三, 闰四月初一, 农历1985年八月十五) is a
// lunar date in any date column; a "农历"/"lunar" prefix, or lunar set,
// reads digits as a lunar month and day.
func parseCellDate(v, order string, lunar bool) (profile.ImportantDate, bool, error) {
	v = strings.TrimSpace(v)
	switch v {
	case "", "0/0/00", "0/0/0000", "0.0.00", "0.0.0000", "0000-00-00", "00/00/0000", "-", "--":
		return profile.ImportantDate{}, false, nil
	}
	if r, err := dateinput.Anniversary(v, lunar); err == nil && r.Lunar {
		return profile.ImportantDate{When: r.When, Lunar: true, LeapMonth: r.Leap}, true, nil
	} else if de := (*dateinput.Error)(nil); errors.As(err, &de) && de.Reason != dateinput.ReasonForm {
		return profile.ImportantDate{}, false, err // a lunar or Gregorian date that does not exist
	}
	for _, prefix := range []string{"农历", "農曆", "阴历", "陰曆", "lunar", "Lunar"} {
		if strings.HasPrefix(v, prefix) {
			lunar, v = true, strings.TrimSpace(strings.TrimPrefix(v, prefix))
		}
	}
	if lunar {
		md, leap, err := profile.ParseLunarMonthDay(v)
		if err != nil {
			return profile.ImportantDate{}, false, err
		}
		return profile.ImportantDate{When: md, Lunar: true, LeapMonth: leap}, true, nil
	}
	if g := chineseDate().FindStringSubmatch(v); g != nil {
		v = g[2] + "-" + g[3]
		if g[1] != "" {
			v = g[1] + "-" + v
		}
	}
	if g := ymdDate().FindStringSubmatch(v); g != nil {
		v = fmt.Sprintf("%s-%02d-%02d", g[1], atoiOr(g[2], 0), atoiOr(g[3], 0))
	}
	if g := slashDate().FindStringSubmatch(v); g != nil {
		a, _ := strconv.Atoi(g[1])
		b, _ := strconv.Atoi(g[2])
		y, _ := strconv.Atoi(g[3])
		if len(g[3]) == 2 {
			y += 1900
			if y < 1930 {
				y += 100
			}
		}
		mo, d := b, a
		if order == "mdy" {
			mo, d = a, b
		}
		md := civil.MonthDay{Year: y, Month: time.Month(mo), Day: d}
		if !md.Valid() {
			return profile.ImportantDate{}, false, civil.ErrBadDate
		}
		return profile.ImportantDate{When: md}, true, nil
	}
	if i := strings.IndexAny(v, " T"); i > 0 {
		v = v[:i]
	}
	md, err := civil.ParseMonthDay(v)
	if err != nil {
		return profile.ImportantDate{}, false, err
	}
	return profile.ImportantDate{When: md}, true, nil
}

// nickname reports whether a display name names neither the family nor the
// given name of its own row: then it is what the contact is called, not a
// full name. A display name with no parts beside it is a name.
func nickname(display, given, family string) bool {
	if family == "" || given == "" {
		return false
	}
	if hasHan(display + given + family) {
		return !strings.Contains(display, family) && !strings.Contains(display, given)
	}
	words := strings.FieldsFunc(strings.ToLower(display), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	})
	return !slices.Contains(words, strings.ToLower(family)) && !slices.Contains(words, strings.ToLower(given))
}
